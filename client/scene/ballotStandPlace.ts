import type { SpaceLayout } from '../../shared/spaces/layout.js';

export interface StandPlace { x: number; z: number; yaw: number }

/**
 * Where a space's ballot stand stands (its front, local +z, faces the people): in a town hall
 * beside the floor microphone, facing the seats; elsewhere a few metres ahead of the first
 * arrival point and to its right, facing it. Yaw 0 faces -z, as avatars do.
 */
export function ballotStandPlace(layout: Pick<SpaceLayout, 'stage' | 'spawns'>): StandPlace {
  if (layout.stage) {
    const mic = layout.stage.floorMic;
    return { x: mic.x + 5.5, z: mic.z - 0.8, yaw: mic.yaw };
  }
  const spawn = layout.spawns[0]!;
  const ahead = { x: -Math.sin(spawn.yaw), z: -Math.cos(spawn.yaw) };
  const right = { x: Math.cos(spawn.yaw), z: -Math.sin(spawn.yaw) };
  return { x: spawn.x + ahead.x * 5 + right.x * 2.5, z: spawn.z + ahead.z * 5 + right.z * 2.5, yaw: spawn.yaw };
}
