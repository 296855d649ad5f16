import type { Exhibit, Transform } from '../../../shared/exhibits/exhibit.js';
import { moveExhibit } from '../../net/editor.js';
import { snapTransform } from '../../scene/editor/snap.js';
import { baseTransform, editing } from '../../state/editor.js';
import { world } from '../../state/world.js';

/** Held-down keys repeat fast; their nudges go out at most this often, the latest one winning (ms). */
const NUDGE_EVERY_MS = 120;

let pending: { id: string; transform: Transform } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastSentAt = 0;

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  if (!pending) return;
  const { id, transform } = pending;
  pending = null;
  lastSentAt = performance.now();
  moveExhibit(id, transform, true);
}

/**
 * Move, turn or resize an exhibit by a step from the keyboard. Each step builds on the last one
 * sent (not on room state that has not caught up yet) and is committed as a final move; steps
 * that come faster than the server should hear them are merged.
 */
export function nudge(e: Exhibit, change: (t: Transform) => Transform): void {
  const base = pending?.id === e.id ? pending.transform : baseTransform(e.id, e.transform);
  if (pending && pending.id !== e.id) flush();
  const next = snapTransform(change(base), world.layout, { snap: false, walls: false, back: 0 });
  pending = { id: e.id, transform: next };
  // Shown at once (the gizmo draws what was sent until the room state has it).
  editing.sent.set(e.id, { transform: next, at: performance.now() });
  const wait = lastSentAt + NUDGE_EVERY_MS - performance.now();
  if (wait <= 0) flush();
  else timer ??= setTimeout(flush, wait);
}
