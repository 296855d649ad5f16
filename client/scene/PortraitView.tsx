import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { PerspectiveCamera } from 'three';

/** The vertical field of view on a landscape screen (World's camera), degrees. */
const LANDSCAPE_FOV = 55;
/** On a portrait screen, widen the vertical view until this much is seen side to side... */
const MIN_HORIZONTAL_FOV = 50;
/** ...but never beyond this vertically (more looks like a fish-eye). */
const MAX_FOV = 80;

const toRad = Math.PI / 180;

/** The vertical field of view for an aspect ratio (width / height): pure, for the unit test. */
export function fovFor(aspect: number): number {
  if (aspect >= 1) return LANDSCAPE_FOV;
  const wanted = (2 * Math.atan(Math.tan((MIN_HORIZONTAL_FOV * toRad) / 2) / aspect)) / toRad;
  return Math.min(MAX_FOV, Math.max(LANDSCAPE_FOV, wanted));
}

/**
 * A phone held upright sees a slit of the world at a landscape field of view (about 27 degrees
 * side to side at 390 x 844): widen it, so seats and exhibits beside the path are in view.
 * Landscape screens (desktops) keep the camera as it is.
 */
export function PortraitView() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  useEffect(() => {
    const fov = fovFor(width / Math.max(1, height));
    if (camera.fov === fov) return;
    camera.fov = fov;
    camera.updateProjectionMatrix();
  }, [camera, width, height]);
  return null;
}
