import { INTERPOLATION_DELAY_MS, TICK_MS } from '../../shared/constants.js';
import { wrapAngle } from '../../shared/spaces/movement.js';
import type { RemoteAvatar, Snapshot } from './world.js';

// Enough for the longest delay (a far avatar coming near: ~2.5 s of 20 Hz updates while the delay shrinks).
const MAX_SNAPSHOTS = 64;

/**
 * Updates further apart than this, of someone who was walking at the last one, are a sparse
 * stream (a far avatar's turn comes every 2 s, server/domain/interest.ts), not a pause.
 */
const SPARSE_MAX_GAP_MS = 3000;
/** The render clock may run this much slower or faster than real time while the delay changes. */
const DELAY_SLEW = 0.5;

/** Record a server update of a remote avatar, received now. */
export function pushSnapshot(remote: RemoteAvatar, now: number, x: number, z: number, yaw: number, gait: number): void {
  const snaps = remote.snaps;
  const last = snaps[snaps.length - 1];
  const gap = last ? now - last.t : 0;
  if (last && last.gait !== 0 && gap <= SPARSE_MAX_GAP_MS) {
    // Updates of a moving avatar: draw it far enough behind to always have the next one.
    const wanted = Math.max(INTERPOLATION_DELAY_MS, gap * 1.2 + TICK_MS);
    const delay = remote.delay ??= { now: INTERPOLATION_DELAY_MS, target: INTERPOLATION_DELAY_MS, at: now };
    delay.target = wanted > delay.target ? wanted : delay.target * 0.7 + wanted * 0.3;
  } else if (last && gap > TICK_MS * 4) {
    // After a quiet spell, restate the old pose one tick ago so motion eases in from there
    // instead of jumping most of the way at once.
    snaps.push({ t: now - TICK_MS, x: last.x, z: last.z, yaw: last.yaw, gait: last.gait });
  }
  snaps.push({ t: now, x, z, yaw, gait });
  while (snaps.length > MAX_SNAPSHOTS) snaps.shift();
  if (snaps.length === 1) {
    remote.render.x = x;
    remote.render.z = z;
    remote.render.yaw = yaw;
    remote.render.gait = gait;
  }
}

/** The delay to draw at now: moving towards its target without the render clock jumping. */
function currentDelay(remote: RemoteAvatar, now: number): number {
  const d = remote.delay;
  if (!d) return INTERPOLATION_DELAY_MS;
  const dt = Math.max(0, now - d.at);
  d.at = now;
  const step = dt * DELAY_SLEW;
  d.now = d.target > d.now ? Math.min(d.target, d.now + step) : Math.max(d.target, d.now - step);
  return d.now;
}

/** Set remote.render to the pose its delay (INTERPOLATION_DELAY_MS near) before `now`. Allocation-free. */
export function sampleRemote(remote: RemoteAvatar, now: number): void {
  const snaps = remote.snaps;
  const n = snaps.length;
  if (n === 0) return;
  const t = now - currentDelay(remote, now);
  let older: Snapshot = snaps[0]!;
  let newer: Snapshot = older;
  if (t >= snaps[n - 1]!.t) {
    older = newer = snaps[n - 1]!;
  } else {
    for (let i = n - 1; i > 0; i--) {
      const a = snaps[i - 1]!;
      if (a.t <= t) {
        older = a;
        newer = snaps[i]!;
        break;
      }
    }
  }
  const span = newer.t - older.t;
  const k = span > 0 ? Math.min(1, Math.max(0, (t - older.t) / span)) : 1;
  const r = remote.render;
  r.x = older.x + (newer.x - older.x) * k;
  r.z = older.z + (newer.z - older.z) * k;
  r.yaw = wrapAngle(older.yaw + wrapAngle(newer.yaw - older.yaw) * k);
  r.gait = k < 1 ? Math.max(older.gait, newer.gait) : newer.gait;
  // Keep the history short: drop snapshots nobody will interpolate from again.
  while (snaps.length > 2 && snaps[1]!.t <= t) snaps.shift();
}
