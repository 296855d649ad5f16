import { describe, expect, it } from 'vitest';
import { deadzone, snapTurn, SNAP_ANGLE, thumbstick, walkAxes } from './sticks.js';

describe('VR sticks', () => {
  it('ignores drift inside the dead zone and reaches full tilt at the edge', () => {
    expect(deadzone(0.1)).toBe(0);
    expect(deadzone(-0.1)).toBe(0);
    expect(deadzone(1)).toBe(1);
    expect(deadzone(-1)).toBe(-1);
    expect(deadzone(0.59)).toBeCloseTo(0.5, 2);
  });
  it('walks forward when the left stick is pushed away, and strafes right when pushed right', () => {
    expect(walkAxes(0, -1)).toEqual({ forward: 1, strafe: 0 });
    expect(walkAxes(1, 0)).toEqual({ forward: 0, strafe: 1 });
    expect(walkAxes(0.05, 0.05)).toEqual({ forward: 0, strafe: 0 });
  });
  it('reads xr-standard axes 2 and 3, or 0 and 1 on two-axis pads', () => {
    expect(thumbstick({ axes: [0, 0, 0.5, -1] } as unknown as Gamepad)).toEqual({ x: 0.5, y: -1 });
    expect(thumbstick({ axes: [0.2, 0.3] } as unknown as Gamepad)).toEqual({ x: 0.2, y: 0.3 });
    expect(thumbstick(null)).toEqual({ x: 0, y: 0 });
  });
  it('turns once per flick of the right stick, right turning clockwise', () => {
    let s = snapTurn(0.9, true);
    expect(s.turn).toBe(-SNAP_ANGLE);
    s = snapTurn(0.9, s.armed);
    expect(s.turn).toBe(0);
    s = snapTurn(0.5, s.armed);
    expect(s).toEqual({ turn: 0, armed: false });
    s = snapTurn(0.1, s.armed);
    expect(s.armed).toBe(true);
    expect(snapTurn(-0.8, true).turn).toBe(SNAP_ANGLE);
  });
});
