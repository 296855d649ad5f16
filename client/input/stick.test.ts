import { describe, expect, it } from 'vitest';
import { STICK_RADIUS, stickAxes } from './stick.js';

describe('touch joystick axes', () => {
  it('rests inside the dead zone', () => {
    expect(stickAxes(2, -3)).toMatchObject({ forward: 0, strafe: 0, run: false });
  });

  it('pushed up walks forward and right strafes right, like W and D', () => {
    const up = stickAxes(0, -STICK_RADIUS);
    expect(up.forward).toBeCloseTo(1);
    expect(up.strafe).toBeCloseTo(0);
    expect(up.run).toBe(false);
    const right = stickAxes(STICK_RADIUS, 0);
    expect(right.strafe).toBeCloseTo(1);
    expect(right.forward).toBeCloseTo(0);
    const back = stickAxes(0, STICK_RADIUS);
    expect(back.forward).toBeCloseTo(-1);
  });

  it('walks slower with a partial push, and never faster than a key', () => {
    const half = stickAxes(0, -STICK_RADIUS / 2);
    expect(half.forward).toBeGreaterThan(0.3);
    expect(half.forward).toBeLessThan(0.6);
    const diagonal = stickAxes(STICK_RADIUS, -STICK_RADIUS);
    expect(Math.hypot(diagonal.forward, diagonal.strafe)).toBeCloseTo(1);
  });

  it('keeps the knob on the rim and runs when the thumb goes well beyond it', () => {
    const beyond = stickAxes(0, -STICK_RADIUS * 2);
    expect(beyond.run).toBe(true);
    expect(beyond.forward).toBeCloseTo(1);
    expect(beyond.knob).toEqual({ x: 0, y: -STICK_RADIUS, running: true });
    expect(stickAxes(0, -STICK_RADIUS * 1.1).run).toBe(false);
  });
});
