import { INTERPOLATION_DELAY_MS, TICK_MS } from '../../shared/constants.js';
import { wrapAngle } from '../../shared/spaces/movement.js';
import type { RemoteAvatar, Snapshot } from './world.js';

const MAX_SNAPSHOTS = 24;

/** Record a server update of a remote avatar, received now. */
export function pushSnapshot(remote: RemoteAvatar, now: number, x: number, z: number, yaw: number, gait: number): void {
  const snaps = remote.snaps;
  const last = snaps[snaps.length - 1];
  if (last && now - last.t > TICK_MS * 4) {
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

/** Set remote.render to the pose INTERPOLATION_DELAY_MS before `now`. Allocation-free. */
export function sampleRemote(remote: RemoteAvatar, now: number): void {
  const snaps = remote.snaps;
  const n = snaps.length;
  if (n === 0) return;
  const t = now - INTERPOLATION_DELAY_MS;
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
