import { useEffect } from 'react';
import type { Transform } from '../../../shared/exhibits/exhibit.js';
import { controls } from '../../input/controls.js';
import { redoEdit, undoEdit } from '../../net/editor.js';
import { ANGLE_STEP } from '../../scene/editor/snap.js';
import { useEditor, type GizmoMode } from '../../state/editor.js';
import { selectExhibit, useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';
import { world } from '../../state/world.js';
import { nudge } from './nudge.js';

const STEP_M = 0.1;
const BIG_STEP_M = 0.5;
const SCALE_STEP = 0.1;

const TOOL_BY_CODE: Record<string, GizmoMode> = {
  Digit1: 'translate', Numpad1: 'translate', Digit2: 'rotate', Numpad2: 'rotate', Digit3: 'scale', Numpad3: 'scale',
};
const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** The selected exhibit, if we may move it (no one else is dragging it). */
function movable() {
  const s = useExhibits.getState();
  if (!s.editMode || !s.selectedId) return undefined;
  const lock = s.draftMeta[s.selectedId];
  if (lock && lock.lockedBy !== '' && lock.lockedBy !== useUi.getState().selfId) return undefined;
  return s.draft?.find((e) => e.id === s.selectedId);
}

/**
 * One arrow-key step, along whichever of the floor's axes is nearest to the direction the view
 * faces (up: away from the camera), so a nudge never drifts off the grid.
 */
function arrowStep(code: string, distance: number): { dx: number; dz: number } {
  const yaw = world.self.render.yaw;
  // Facing is (-sin yaw, -cos yaw); right of it is (cos yaw, -sin yaw).
  let fx = -Math.sin(yaw);
  let fz = -Math.cos(yaw);
  if (Math.abs(fx) > Math.abs(fz)) {
    fx = Math.sign(fx);
    fz = 0;
  } else {
    fx = 0;
    fz = Math.sign(fz);
  }
  const rx = -fz;
  const rz = fx;
  switch (code) {
    case 'ArrowUp': return { dx: fx * distance, dz: fz * distance };
    case 'ArrowDown': return { dx: -fx * distance, dz: -fz * distance };
    case 'ArrowRight': return { dx: rx * distance, dz: rz * distance };
    default: return { dx: -rx * distance, dz: -rz * distance };
  }
}

/** The change a key makes to a selected exhibit's transform, if it makes one. */
function changeFor(e: KeyboardEvent): ((t: Transform) => Transform) | null {
  const distance = e.shiftKey ? BIG_STEP_M : STEP_M;
  if (ARROWS.has(e.code)) {
    const { dx, dz } = arrowStep(e.code, distance);
    return (t) => ({ ...t, x: t.x + dx, z: t.z + dz });
  }
  switch (e.code) {
    case 'BracketLeft': return (t) => ({ ...t, ry: t.ry + ANGLE_STEP });
    case 'BracketRight': return (t) => ({ ...t, ry: t.ry - ANGLE_STEP });
    case 'Minus': case 'NumpadSubtract': return (t) => ({ ...t, scale: t.scale - SCALE_STEP });
    case 'Equal': case 'NumpadAdd': return (t) => ({ ...t, scale: t.scale + SCALE_STEP });
    case 'PageUp': return (t) => ({ ...t, y: t.y + distance });
    case 'PageDown': return (t) => ({ ...t, y: Math.max(0, t.y - distance) });
    default: return null;
  }
}

/**
 * The editor's keys while edit mode is on: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo (not
 * while typing, where they edit the text); 1, 2, 3 pick the tool; on a selected exhibit the
 * arrows move it (Shift: further), [ and ] turn it, - and = resize it, Page Up/Down lift it,
 * Escape lets it go. Arrows do not walk while an exhibit is selected.
 */
export function useEditorKeys(): void {
  useEffect(() => {
    controls.claimed = (code) => ARROWS.has(code) && movable() !== undefined;
    const down = (e: KeyboardEvent) => {
      if (isTyping(e.target) || controls.held) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey) {
        if (e.code === 'KeyZ' && !e.shiftKey) undoEdit();
        else if ((e.code === 'KeyZ' && e.shiftKey) || e.code === 'KeyY') redoEdit();
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey || mod) return;
      const tool = TOOL_BY_CODE[e.code];
      if (tool) {
        useEditor.setState({ mode: tool });
        e.preventDefault();
        return;
      }
      if (e.code === 'Escape' && useExhibits.getState().selectedId) {
        selectExhibit('');
        e.preventDefault();
        return;
      }
      const exhibit = movable();
      const change = exhibit ? changeFor(e) : null;
      if (!exhibit || !change) return;
      e.preventDefault();
      nudge(exhibit, change);
    };
    window.addEventListener('keydown', down);
    return () => {
      window.removeEventListener('keydown', down);
      controls.claimed = null;
    };
  }, []);
}
