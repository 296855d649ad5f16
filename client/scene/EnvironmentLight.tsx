import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { PMREMGenerator, type Texture } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { useGraphics } from '../state/graphics.js';
import { world } from '../state/world.js';

/**
 * Image-based light made by the app itself (three's RoomEnvironment, prefiltered with
 * PMREMGenerator; nothing fetched): soft reflections and fill on every standard material. High
 * tier only (a software renderer pays for the extra texture reads on every pixel), and made after
 * the first frame has been drawn, so it never delays arriving.
 */
export function EnvironmentLight({ intensity }: { intensity: number }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const high = useGraphics((s) => s.settings.tier === 'high');
  const made = useRef<Texture | null>(null);
  useFrame(() => {
    if (!high || made.current || world.frame < 2) return;
    const pmrem = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    made.current = pmrem.fromScene(room, 0.04).texture;
    room.dispose();
    pmrem.dispose();
    scene.environment = made.current;
    scene.environmentIntensity = intensity;
  });
  useEffect(() => {
    scene.environmentIntensity = intensity;
  }, [scene, intensity]);
  useEffect(() => {
    if (high) return undefined;
    scene.environment = null;
    made.current?.dispose();
    made.current = null;
    return undefined;
  }, [high, scene]);
  useEffect(() => () => {
    scene.environment = null;
    made.current?.dispose();
    made.current = null;
  }, [scene]);
  return null;
}
