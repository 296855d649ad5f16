import { z } from 'zod';

/**
 * VR visitors: where their head and hands are (so others see their gestures) and teleporting
 * by pointing at the floor. Poses are intents like any other: the server clamps them to the
 * avatar's body before anyone else sees them, and only people nearby receive them.
 */

/** How often a VR client sends its head and hands (the body moves at 20 Hz). */
export const VR_POSE_HZ = 10;
/** Only people within this many metres of a VR visitor receive their head and hands. */
export const VR_POSE_RADIUS = 14;
/** A pose not refreshed for this long is dropped (the person left VR, or their connection stalled). */
export const VR_POSE_TTL_MS = 1500;

const coord = z.number().finite().min(-10).max(10);
const unit = z.number().finite().min(-1.5).max(1.5);

/**
 * One tracked part: position in metres relative to the avatar's ground point (world axes; y up
 * from the floor the avatar stands or sits on) and orientation as a quaternion [x, y, z, w].
 */
export const VrPart = z.strictObject({
  p: z.tuple([coord, coord, coord]),
  q: z.tuple([unit, unit, unit, unit]),
});
export type VrPart = z.infer<typeof VrPart>;

/** Client -> server, about VR_POSE_HZ times a second while in VR. A hand not tracked is null. */
export const VrPoseMessage = z.strictObject({
  head: VrPart,
  left: VrPart.nullable(),
  right: VrPart.nullable(),
});
export type VrPoseMessage = z.infer<typeof VrPoseMessage>;

/** Client -> server: move there at once (pointing at the floor in VR). The server decides. */
export const TeleportMessage = z.strictObject({
  x: z.number().finite().min(-1000).max(1000),
  z: z.number().finite().min(-1000).max(1000),
});
export type TeleportMessage = z.infer<typeof TeleportMessage>;

/** Seven numbers: position x, y, z then quaternion x, y, z, w (clamped, rounded by the server). */
export const PackedPart = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]);
export type PackedPart = z.infer<typeof PackedPart>;

/** Server -> client: the VR visitors near you, about VR_POSE_HZ times a second. */
export const VrPosesMessage = z.object({
  poses: z.array(z.object({
    id: z.string(),
    head: PackedPart,
    left: PackedPart.nullable(),
    right: PackedPart.nullable(),
  })),
});
export type VrPosesMessage = z.infer<typeof VrPosesMessage>;
