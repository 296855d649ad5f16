import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { world } from '../state/world.js';
import { firstFrameDrawn } from './Text.js';

/** Counts frames and shares the renderer, camera and scene with non-React code (readiness, test hook). */
export function FrameProbe() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    world.view.gl = gl;
    world.view.camera = camera;
    world.view.scene = scene;
    return () => {
      if (world.view.gl === gl) world.view.gl = null;
      if (world.view.camera === camera) world.view.camera = null;
      if (world.view.scene === scene) world.view.scene = null;
    };
  }, [gl, camera, scene]);
  useFrame(() => {
    world.frame++;
    if (world.selfReady && ++world.framesSinceSelf === 1) firstFrameDrawn();
  });
  return null;
}
