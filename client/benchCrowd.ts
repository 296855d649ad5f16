import { TICK_MS } from '../shared/constants.js';
import { pushSnapshot } from './state/interpolation.js';
import { world, type RemoteAvatar } from './state/world.js';

/**
 * Test builds only (the frame-time bench, e2e/load/crowdFrames.ts): `n` made-up people walking
 * in circles within 25 m of us, fed to the scene exactly as motion frames feed real ones
 * (a snapshot per tick into world.remotes), so the renderer's cost of a crowd can be measured
 * without a thousand sockets on the same machine. n = 0 removes them.
 */
let timer: ReturnType<typeof setInterval> | undefined;
const ids: string[] = [];

export function benchCrowd(n: number): void {
  for (const id of ids) world.remotes.delete(id);
  ids.length = 0;
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
  if (n <= 0) return;
  const centre = { x: world.self.render.x, z: world.self.render.z };
  const walkers: { r: RemoteAvatar; radius: number; angle: number; speed: number }[] = [];
  for (let i = 0; i < n; i++) {
    const id = `bench-${i}`;
    const radius = 2 + ((i * 7919) % 2300) / 100;
    const angle = (i * 2.399) % (Math.PI * 2);
    const r: RemoteAvatar = {
      id, name: `Bench ${i}`, role: 'visitor', hue: (i * 37) % 360, look: 0, connected: true, phase: (i % 628) / 100, snaps: [],
      render: { x: 0, z: 0, yaw: 0, gait: 1 }, seat: -1, hand: 0, drawn: { x: 0, z: 0, base: 0, head: 1.4, body: 0 },
    };
    world.remotes.set(id, r);
    ids.push(id);
    walkers.push({ r, radius, angle, speed: 1.4 / radius });
  }
  const step = () => {
    const now = performance.now();
    for (const w of walkers) {
      w.angle += w.speed * (TICK_MS / 1000);
      pushSnapshot(w.r, now, centre.x + Math.cos(w.angle) * w.radius, centre.z + Math.sin(w.angle) * w.radius, -w.angle, 1);
    }
  };
  step();
  timer = setInterval(step, TICK_MS);
}
