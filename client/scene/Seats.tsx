import type { ThreeEvent } from '@react-three/fiber';
import { isPlainClick } from './plainClick.js';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { BoxGeometry, BufferAttribute, Color, Object3D, Vector3, type BufferGeometry, type InstancedMesh } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { showToast } from '../state/ui.js';
import { world } from '../state/world.js';
import { CHAIR_SEAT } from './avatarPlace.js';

const CHAIR_COLOUR = new Color('#7a3131');
const HOVER_COLOUR = new Color('#e08a5c');

/** Where the baked light comes from (roughly the hall's lamps, above and in front). */
const LIGHT = new Vector3(0.35, 0.85, 0.4).normalize();

/**
 * Light baked into vertex colours by face direction. Hundreds of chairs overlap on screen, and
 * software renderers pay for every lit pixel: unlit chairs with baked shading cost a fraction.
 */
function bakeShading(g: BufferGeometry): BufferGeometry {
  const normal = g.getAttribute('normal');
  const shade = new Float32Array(normal.count * 3);
  const n = new Vector3();
  for (let i = 0; i < normal.count; i++) {
    n.fromBufferAttribute(normal, i);
    const k = 0.5 + 0.5 * Math.max(0, n.dot(LIGHT));
    shade.set([k, k, k], i * 3);
  }
  g.setAttribute('color', new BufferAttribute(shade, 3));
  return g;
}

/** One chair facing -z (its back towards +z), standing on y = 0: seat, back and a pedestal. */
const CHAIR = (() => {
  const parts = [
    new BoxGeometry(0.5, 0.07, 0.44).translate(0, CHAIR_SEAT - 0.035, 0),
    new BoxGeometry(0.5, 0.52, 0.06).translate(0, CHAIR_SEAT + 0.26, 0.21),
    new BoxGeometry(0.1, CHAIR_SEAT - 0.07, 0.1).translate(0, (CHAIR_SEAT - 0.07) / 2, 0.02),
  ];
  const merged = bakeShading(mergeGeometries(parts));
  for (const p of parts) p.dispose();
  return merged;
})();

const scratch = new Object3D();

/** Who sits in seat i, if anyone (ours included). */
function occupied(seat: number): boolean {
  if (world.self.seat === seat) return true;
  for (const remote of world.remotes.values()) if (remote.seat === seat) return true;
  return false;
}

/**
 * Every seat of the space as one instanced mesh of chairs (one draw call for hundreds).
 * Clicking a free chair asks the server to sit there; the chair under the pointer lights up.
 */
export function Seats({ layout }: { layout: SpaceLayout }) {
  const mesh = useRef<InstancedMesh>(null);
  const hovered = useRef(-1);
  const seats = layout.seats;

  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    seats.forEach((s, i) => {
      scratch.position.set(s.x, s.y, s.z);
      scratch.rotation.set(0, s.yaw, 0);
      scratch.updateMatrix();
      m.setMatrixAt(i, scratch.matrix);
      m.setColorAt(i, CHAIR_COLOUR);
    });
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    m.computeBoundingSphere();
    m.computeBoundingBox();
  }, [seats]);

  useEffect(() => () => {
    document.body.style.cursor = '';
  }, []);

  const highlight = (i: number) => {
    const m = mesh.current;
    if (!m || hovered.current === i) return;
    if (hovered.current >= 0) m.setColorAt(hovered.current, CHAIR_COLOUR);
    if (i >= 0) m.setColorAt(i, HOVER_COLOUR);
    hovered.current = i;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    document.body.style.cursor = i >= 0 ? 'pointer' : '';
  };

  const onMove = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    highlight(e.instanceId ?? -1);
  };

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    // A chair is not floor: the click never walks through it to the floor behind.
    e.stopPropagation();
    const seat = e.instanceId;
    if (seat === undefined || !isPlainClick(e)) return;
    if (world.self.seat === seat) return;
    if (occupied(seat)) {
      showToast('Someone is sitting there. Please choose a free seat.');
      return;
    }
    world.seats?.sit(seat);
  };

  if (seats.length === 0) return null;
  return (
    <instancedMesh
      ref={mesh}
      args={[CHAIR, undefined, seats.length]}
      onClick={onClick}
      onPointerMove={onMove}
      onPointerOut={() => highlight(-1)}
    >
      <meshBasicMaterial vertexColors />
    </instancedMesh>
  );
}
