import { TransformControls } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import { Euler, type Object3D } from 'three';
import type { Exhibit, Transform } from '../../../shared/exhibits/exhibit.js';
import { ClientMessage } from '../../../shared/protocol/messages.js';
import { controls } from '../../input/controls.js';
import { editing, useEditor } from '../../state/editor.js';
import { useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';
import { world } from '../../state/world.js';
import { exhibitObjects, onExhibitObjects } from '../exhibits/registry.js';
import { settle } from './settle.js';

/** A drag under way: what it started from and where it has got to. */
interface Drag {
  id: string;
  exhibit: Exhibit;
  start: Transform;
  last: Transform | null;
  /** The lock answer last seen before the drag began (a newer refusal cancels the drag). */
  lockSerial: number;
  refused: boolean;
}

const euler = new Euler();
/** How long a committed transform is shown before the room state has caught up (ms). */
const SHOW_SENT_MS = 700;

function same(a: Transform, b: Transform): boolean {
  return a.x === b.x && a.y === b.y && a.z === b.z && a.rx === b.rx && a.ry === b.ry && a.rz === b.rz && a.scale === b.scale;
}

function apply(object: Object3D, t: Transform): void {
  object.position.set(t.x, t.y, t.z);
  object.rotation.set(t.rx, t.ry, t.rz);
  object.scale.setScalar(t.scale);
}

/** The transform the gizmo has given the object, read back for the tool in hand. */
function readTransform(object: Object3D, drag: Drag, mode: 'translate' | 'rotate' | 'scale'): Transform {
  const start = drag.start;
  if (mode === 'translate') {
    // Turning comes from where the drag started: a wall it passed by does not keep it turned.
    return { ...start, x: object.position.x, y: object.position.y, z: object.position.z };
  }
  if (mode === 'rotate') {
    euler.setFromQuaternion(object.quaternion, 'XYZ');
    return { ...start, rx: euler.x, ry: euler.y, rz: euler.z };
  }
  // Uniform size: follow whichever handle moved furthest.
  const s = object.scale;
  const pick = [s.x, s.y, s.z].reduce((best, v) => (Math.abs(v - start.scale) > Math.abs(best - start.scale) ? v : best), start.scale);
  return { ...start, scale: Math.abs(pick) };
}

/**
 * The gizmo on the selected exhibit in edit mode: move, turn or resize with the mouse. A drag
 * takes the exhibit's lock, shows live to the other curators (throttled previews) and commits on
 * release, which also frees the lock. Exhibits another curator is moving get no gizmo.
 */
export function EditorGizmo() {
  const selectedId = useExhibits((s) => s.selectedId);
  const exhibit = useExhibits((s) => s.draft?.find((e) => e.id === s.selectedId));
  const lockedBy = useExhibits((s) => s.draftMeta[s.selectedId]?.lockedBy ?? '');
  const selfId = useUi((s) => s.selfId);
  const mode = useEditor((s) => s.mode);
  const snap = useEditor((s) => s.snap);
  const [object, setObject] = useState<Object3D | null>(null);
  const drag = useRef<Drag | null>(null);

  useEffect(() => {
    const find = () => setObject(exhibitObjects.get(selectedId) ?? null);
    find();
    return onExhibitObjects(find);
  }, [selectedId]);

  // The selection changed or the gizmo went away mid-drag: let the lock go.
  useEffect(() => () => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    controls.held = false;
    useEditor.setState({ dragging: false });
    editing.intents?.unlock(d.id);
  }, [selectedId]);

  // While dragging, what we dragged wins over any re-render from older room state; just after a
  // drop or a keyboard nudge, so does what we sent (until the room state shows it).
  useFrame(() => {
    if (!object) return;
    const d = drag.current;
    if (d) {
      if (d.last && !d.refused) apply(object, d.last);
      return;
    }
    const sent = editing.sent.get(selectedId);
    if (sent && performance.now() - sent.at < SHOW_SENT_MS) apply(object, sent.transform);
  });

  const lockedByOther = lockedBy !== '' && lockedBy !== selfId;
  if (!exhibit || !object || (lockedByOther && !drag.current)) return null;

  const onMouseDown = () => {
    const lockAnswer = useEditor.getState().results[ClientMessage.ExhibitLock];
    drag.current = { id: exhibit.id, exhibit, start: exhibit.transform, last: null, lockSerial: lockAnswer?.serial ?? 0, refused: false };
    controls.held = true;
    controls.keys.clear();
    controls.target = null;
    useEditor.setState({ dragging: true });
    editing.intents?.lock(exhibit.id);
  };

  const onObjectChange = () => {
    const d = drag.current;
    if (!d || d.refused) return;
    const answer = useEditor.getState().results[ClientMessage.ExhibitLock];
    if (answer && answer.serial > d.lockSerial && !answer.ok) {
      d.refused = true;
      apply(object, d.start);
      return;
    }
    const settled = settle(d.exhibit, readTransform(object, d, mode), world.layout, snap, mode === 'translate');
    apply(object, settled);
    if (d.last && same(d.last, settled)) return;
    d.last = settled;
    editing.intents?.move(d.id, settled, false);
  };

  const onMouseUp = () => {
    const d = drag.current;
    drag.current = null;
    controls.held = false;
    controls.releasedAt = performance.now();
    useEditor.setState({ dragging: false });
    if (!d) return;
    if (d.refused) {
      apply(object, d.start);
      return;
    }
    if (d.last && !same(d.last, d.start)) {
      editing.intents?.move(d.id, d.last, true);
    } else {
      apply(object, d.start);
      editing.intents?.unlock(d.id);
    }
  };

  return (
    <TransformControls
      object={object}
      mode={mode}
      space="world"
      size={0.9}
      showX={mode !== 'rotate'}
      showZ={mode !== 'rotate'}
      onMouseDown={onMouseDown}
      onObjectChange={onObjectChange}
      onMouseUp={onMouseUp}
    />
  );
}
