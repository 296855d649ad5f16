/** Thumbstick reading for VR locomotion: pure, so it is tested without a headset. */

/** Below this tilt a stick counts as centred (worn sticks drift). */
export const DEADZONE = 0.18;
/** Snap turn fires past this tilt, and re-arms once the stick comes back under REARM. */
export const SNAP_AT = 0.7;
export const REARM = 0.3;
/** One snap turn, radians (30°). */
export const SNAP_ANGLE = Math.PI / 6;

/** One axis with the dead zone taken out and the rest rescaled to 0..1, so small tilts creep. */
export function deadzone(v: number): number {
  const a = Math.abs(v);
  if (!(a > DEADZONE)) return 0;
  return Math.sign(v) * Math.min(1, (a - DEADZONE) / (1 - DEADZONE));
}

/** The thumbstick's x and y of an xr-standard gamepad (axes 2 and 3; some report only 0 and 1). */
export function thumbstick(gamepad: Gamepad | undefined | null): { x: number; y: number } {
  if (!gamepad) return { x: 0, y: 0 };
  const a = gamepad.axes;
  if (a.length >= 4) return { x: a[2] ?? 0, y: a[3] ?? 0 };
  return { x: a[0] ?? 0, y: a[1] ?? 0 };
}

/** Left stick: forward (stick pushed away, y < 0) and strafe (right, x > 0), each -1..1. */
export function walkAxes(x: number, y: number): { forward: number; strafe: number } {
  return { forward: deadzone(-y) || 0, strafe: deadzone(x) || 0 };
}

/**
 * Right stick: snap turns. Returns the turn to apply now (radians; right is negative, as the
 * avatar's yaw grows to the left) and whether the next one is armed.
 */
export function snapTurn(x: number, armed: boolean): { turn: number; armed: boolean } {
  if (armed && Math.abs(x) >= SNAP_AT) return { turn: x > 0 ? -SNAP_ANGLE : SNAP_ANGLE, armed: false };
  if (!armed && Math.abs(x) < REARM) return { turn: 0, armed: true };
  return { turn: 0, armed };
}
