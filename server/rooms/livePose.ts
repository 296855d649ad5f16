import type { Avatar } from '../../shared/schema/Avatar.js';

/** The pose fields that motion frames carry while an avatar moves. */
export const POSE_FIELDS = ['x', 'z', 'yaw', 'gait', 'ack'] as const;
export type PoseField = typeof POSE_FIELDS[number];
export type LivePose = Record<PoseField, number>;

/**
 * Detaches an avatar's pose fields from the room state's change tracking: reading and writing
 * `avatar.x` (and z, yaw, gait, ack) on the server keeps working everywhere (movement, seats,
 * teleports, voice and the portals read and write the live pose), but a write no longer puts a
 * change into the next patch for every client. `publishPose` does that, when the motion
 * channel decides (at rest). The encoder reads the live values, so a joiner's full state and a
 * published patch both carry the current pose.
 */
export function detachPose(avatar: Avatar): LivePose {
  const live: LivePose = { x: avatar.x, z: avatar.z, yaw: avatar.yaw, gait: avatar.gait, ack: avatar.ack };
  for (const field of POSE_FIELDS) {
    Object.defineProperty(avatar, field, {
      get: () => live[field],
      set: (value: number) => { live[field] = value; },
      enumerable: true,
      configurable: true,
    });
  }
  publishPose(avatar);
  return live;
}

/** Marks the pose fields changed, so the next patch carries them (to everyone). */
export function publishPose(avatar: Avatar): void {
  for (const field of POSE_FIELDS) avatar.setDirty(field);
}
