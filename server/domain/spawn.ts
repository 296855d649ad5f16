import { AVATAR_RADIUS } from '../../shared/constants.js';
import { isFree, type Point } from '../../shared/spaces/collision.js';
import type { SpaceLayout, Spawn } from '../../shared/spaces/layout.js';

/** Arrivals stand at least this far (centre to centre) from everyone already there. */
export const ARRIVAL_SPACING = 1.1;
/** Rings of places around each spawn point, this far apart, out to SPAWN_RINGS of them. */
const RING_STEP = 1.1;
const SPAWN_RINGS = 8;
/** Never arrive this close to a doorway (one step would take the newcomer straight back out). */
const PORTAL_MARGIN = 0.6;

export interface SpawnSpot { x: number; z: number; yaw: number }

/** The spawn points an arrival may use: the named one (arriving through a portal), else the defaults. */
function basesFor(layout: SpaceLayout, requested: string | undefined): Spawn[] {
  const named = requested ? layout.spawns.find((s) => s.id === requested) : undefined;
  if (named) return [named];
  const defaults = layout.spawns.filter((s) => s.id === 'default' || s.id.startsWith('default-'));
  return defaults.length > 0 ? defaults : layout.spawns;
}

function nearPortal(layout: SpaceLayout, p: Point): boolean {
  const m = AVATAR_RADIUS + PORTAL_MARGIN;
  return layout.portals.some((portal) => Math.abs(p.x - portal.x) <= portal.w / 2 + m && Math.abs(p.z - portal.z) <= portal.d / 2 + m);
}

/** Places around one spawn point, nearest first: the point, then rings of 6, 12, 18... */
function* ring(base: Spawn, r: number, turn: number): Generator<Point> {
  if (r === 0) {
    yield { x: base.x, z: base.z };
    return;
  }
  const count = 6 * r;
  for (let i = 0; i < count; i++) {
    const angle = turn + (i / count) * Math.PI * 2;
    yield { x: base.x + Math.cos(angle) * r * RING_STEP, z: base.z + Math.sin(angle) * r * RING_STEP };
  }
}

function nearestOther(p: Point, others: readonly Point[]): number {
  let best = Infinity;
  for (const o of others) best = Math.min(best, Math.hypot(o.x - p.x, o.z - p.z));
  return best;
}

/**
 * Where a newcomer appears. The spawn area is the named spawn (arriving through a portal) or the
 * default spawns, and rings of places around them; the first place (nearest a spawn point, the
 * spawns taken in turn) that is clear of walls, the stage and doorways and at least
 * ARRIVAL_SPACING from everyone already present is chosen. When the whole area is taken, the
 * clear place furthest from anyone. Pure: the room passes the positions of those present.
 */
export function chooseSpawn(layout: SpaceLayout, requested: string | undefined, arrivals: number, others: readonly Point[] = []): SpawnSpot {
  const bases = basesFor(layout, requested);
  // Only people who could stand within ARRIVAL_SPACING of some place in the area matter (for the
  // spacing, and for the fallback, which is only reached when every place has someone that
  // close): in a crowd of 1,000 most are elsewhere, and each place is checked against them all.
  const reach = SPAWN_RINGS * RING_STEP + ARRIVAL_SPACING;
  const near = others.filter((o) => bases.some((b) => Math.abs(o.x - b.x) <= reach && Math.abs(o.z - b.z) <= reach));
  const turn = (arrivals * 2.399963) % (Math.PI * 2); // golden angle: successive arrivals start the rings at different places
  let fallback: { spot: SpawnSpot; room: number } | undefined;
  for (let r = 0; r <= SPAWN_RINGS; r++) {
    for (let b = 0; b < bases.length; b++) {
      const base = bases[(arrivals + b) % bases.length]!;
      for (const p of ring(base, r, turn)) {
        if (!isFree(p, AVATAR_RADIUS, layout) || nearPortal(layout, p)) continue;
        const room = nearestOther(p, near);
        const spot = { x: p.x, z: p.z, yaw: base.yaw };
        if (room >= ARRIVAL_SPACING - 1e-6) return spot;
        if (!fallback || room > fallback.room) fallback = { spot, room };
      }
    }
  }
  if (fallback) return fallback.spot;
  const base = bases[arrivals % bases.length]!;
  return { x: base.x, z: base.z, yaw: base.yaw };
}
