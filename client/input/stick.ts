/** The touch joystick's geometry: where a thumb is, as movement axes. Pure, for unit tests. */

/** The knob's travel from the centre, CSS px (the base is twice this plus the knob). */
export const STICK_RADIUS = 44;
/** Below this share of the travel the stick is at rest (a thumb never sits exactly still). */
const DEAD_ZONE = 0.15;
/** A thumb dragged this far beyond the rim (as a share of the travel) runs. */
const RUN_BEYOND = 1.35;

export interface Knob { x: number; y: number; running: boolean }
export const STICK_REST: Knob = { x: 0, y: 0, running: false };

/**
 * What a thumb at (dx, dy) from the stick's centre asks for (screen y grows downwards): the same
 * forward and strafe axes the keys give, partial deflection walking slower, and running beyond
 * the rim.
 */
export function stickAxes(dx: number, dy: number, radius = STICK_RADIUS): { forward: number; strafe: number; run: boolean; knob: Knob } {
  const distance = Math.hypot(dx, dy);
  const reach = distance / radius;
  if (reach < DEAD_ZONE) return { forward: 0, strafe: 0, run: false, knob: { x: dx, y: dy, running: false } };
  const clamped = Math.min(1, reach);
  // Rescale past the dead zone so the slowest walk starts at the dead zone's edge, not with a jump.
  const amount = (clamped - DEAD_ZONE) / (1 - DEAD_ZONE);
  const ux = dx / distance;
  const uy = dy / distance;
  const run = reach >= RUN_BEYOND;
  return {
    forward: -uy * amount,
    strafe: ux * amount,
    run,
    knob: { x: ux * clamped * radius, y: uy * clamped * radius, running: run },
  };
}

