import { describe, expect, it } from 'vitest';
import { INTERPOLATION_DELAY_MS, TICK_MS } from '../../shared/constants.js';
import { pushSnapshot, sampleRemote } from './interpolation.js';
import type { RemoteAvatar } from './world.js';

/**
 * Drawing other people between server updates. Near people come 20 times a second; far people
 * only on their turn (every 2 s, server/domain/interest.ts). Both must move smoothly: the
 * largest step from one frame to the next stays close to the typical one.
 */
const remote = (): RemoteAvatar => ({
  id: 'r', name: 'R', role: 'visitor', hue: 0, look: 0, connected: true, phase: 0, snaps: [],
  render: { x: 0, z: 0, yaw: 0, gait: 0 }, seat: -1, hand: false,
} as unknown as RemoteAvatar);

const SPEED = 1.5; // m/s, a walk
const FRAME_MS = 1000 / 60;

/** A walker along x, updated every `everyMs`, drawn at 60 frames a second; returns each frame's step (m). */
function walk(everyMs: number, seconds: number): { steps: number[]; lagM: number } {
  const r = remote();
  const steps: number[] = [];
  let nextUpdate = 0;
  let prev: number | undefined;
  let lagM = 0;
  for (let now = 0; now < seconds * 1000; now += FRAME_MS) {
    while (nextUpdate <= now) {
      pushSnapshot(r, nextUpdate, (nextUpdate / 1000) * SPEED, 0, 0, 1);
      nextUpdate += everyMs;
    }
    sampleRemote(r, now);
    if (prev !== undefined && now > seconds * 500) steps.push(r.render.x - prev);
    prev = r.render.x;
    lagM = (now / 1000) * SPEED - r.render.x;
  }
  return { steps, lagM };
}

const typical = (steps: number[]) => [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]!;

describe('drawing remote avatars between updates', () => {
  it('a near walker (20 updates a second) moves every frame, about INTERPOLATION_DELAY_MS behind', () => {
    const { steps, lagM } = walk(TICK_MS, 10);
    expect(Math.min(...steps)).toBeGreaterThan(0);
    expect(Math.max(...steps) / typical(steps)).toBeLessThan(1.5);
    expect(lagM).toBeLessThan(SPEED * (INTERPOLATION_DELAY_MS * 2) / 1000);
  });

  it('a far walker (one update every 2 s) glides instead of jumping 3 m at each update', () => {
    // Before: drawn 100 ms behind, it stood still most of the 2 s and then jumped.
    const { steps } = walk(2000, 30);
    expect(Math.min(...steps)).toBeGreaterThan(0);
    expect(Math.max(...steps)).toBeLessThan(0.1);
    expect(Math.max(...steps) / typical(steps)).toBeLessThan(1.5);
  });

  it('someone who was standing still starts to walk from where they stood, without a jump', () => {
    const r = remote();
    pushSnapshot(r, 0, 0, 0, 0, 0);
    sampleRemote(r, 1000);
    expect(r.render.x).toBe(0);
    // 5 s later they walk off: updates every tick again.
    let prev = 0;
    let largest = 0;
    for (let now = 5000, k = 1; now < 6000; now += TICK_MS, k++) {
      pushSnapshot(r, now, k * SPEED * TICK_MS / 1000, 0, 0, 1);
      sampleRemote(r, now + TICK_MS / 2);
      largest = Math.max(largest, r.render.x - prev);
      prev = r.render.x;
    }
    expect(largest).toBeLessThan(SPEED * TICK_MS / 1000 * 2);
  });
});
