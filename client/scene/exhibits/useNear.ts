import { useFrame } from '@react-three/fiber';
import { useRef, useState } from 'react';
import type { Transform } from '../../../shared/exhibits/exhibit.js';

/** How often (in frames) distances are checked; exhibits are spread over the frames. */
const EVERY = 10;
let spread = 0;

/**
 * Whether the camera is near a point: true once within `inside` metres, false again beyond
 * `outside` (the gap keeps it from flickering at the edge). Used to load files lazily.
 */
export function useNear(t: Transform, inside: number, outside: number): boolean {
  const [near, setNear] = useState(false);
  const frame = useRef(spread++ % EVERY);
  useFrame(({ camera }) => {
    frame.current += 1;
    if (frame.current % EVERY !== 0) return;
    const d = Math.hypot(camera.position.x - t.x, camera.position.z - t.z);
    if (!near && d < inside) setNear(true);
    else if (near && d > outside) setNear(false);
  });
  return near;
}
