import { useFrame } from '@react-three/fiber';
import { TICK_MS } from '../../shared/constants.js';
import { stepSelf, updateSelfRender } from '../state/selfMotion.js';
import { world } from '../state/world.js';

const MAX_STEPS_PER_FRAME = 5;
let accumulator = 0;

/**
 * The per-frame order of work starts here: fixed 50 ms steps of our own avatar (each one
 * input sent), then the blended pose to draw. Runs before avatars and camera (priority -3).
 */
export function Simulation() {
  useFrame((_, delta) => {
    const dt = Math.min(delta, 0.25);
    if (!world.selfReady) {
      accumulator = 0;
      return;
    }
    accumulator += dt * 1000;
    let steps = 0;
    while (accumulator >= TICK_MS && steps < MAX_STEPS_PER_FRAME) {
      stepSelf();
      accumulator -= TICK_MS;
      steps++;
    }
    if (accumulator >= TICK_MS) accumulator = 0; // fell far behind (hidden tab): do not catch up in a burst
    updateSelfRender(accumulator / TICK_MS, dt);
  }, -3);
  return null;
}
