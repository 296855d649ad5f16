import { AVATAR_RADIUS } from '../../shared/constants.js';
import { isFree, resolveCollisions } from '../../shared/spaces/collision.js';
import type { SpaceLayout, Spawn } from '../../shared/spaces/layout.js';

/**
 * Where a newcomer appears: the named spawn if it exists (arriving through a portal), otherwise
 * the default spawn points in turn. People arriving together are spread on a small ring so they
 * do not stand inside each other.
 */
export function chooseSpawn(layout: SpaceLayout, requested: string | undefined, arrivals: number): { x: number; z: number; yaw: number } {
  const named = requested ? layout.spawns.find((s) => s.id === requested) : undefined;
  const defaults = layout.spawns.filter((s) => s.id === 'default' || s.id.startsWith('default-'));
  const pool: Spawn[] = defaults.length > 0 ? defaults : layout.spawns;
  const base = named ?? pool[arrivals % pool.length]!;
  const ring = Math.floor(arrivals / pool.length) % 12;
  const angle = (arrivals * 2.399963) % (Math.PI * 2); // golden angle: an even spread
  const radius = ring === 0 ? 0 : 0.8 + 0.25 * ring;
  const p = { x: base.x + Math.cos(angle) * radius, z: base.z + Math.sin(angle) * radius };
  resolveCollisions(p, AVATAR_RADIUS, layout);
  if (!isFree(p, AVATAR_RADIUS, layout)) return { x: base.x, z: base.z, yaw: base.yaw };
  return { x: p.x, z: p.z, yaw: base.yaw };
}
