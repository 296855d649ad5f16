import { Color } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';

/**
 * The lights of a space as data: <Lighting> draws them, and the low graphics tier bakes the same
 * numbers into the floor and the walls (client/scene/floorBake.ts, bakedBoxes.ts), so both tiers
 * are lit by one rig. Pure: no DOM, no WebGL.
 */

export const SUN_POSITION: [number, number, number] = [30, 45, 20];

export interface Hemisphere { sky: string; ground: string; intensity: number }
export interface Sun { position: [number, number, number]; color: string; intensity: number }
export interface Lamp { position: [number, number, number]; color: string; intensity: number; distance: number; decay: number }
export interface LightRig { hemisphere: Hemisphere; sun: Sun; lamps: Lamp[]; environment: number; fill: number }

/**
 * The high tier's environment map (RoomEnvironment, about this bright on average once prefiltered)
 * lights every surface a little from all round. The low tier has no environment map: it stands in
 * with this much even light (irradiance), baked into the floor, walls and ceilings and given to the
 * rest as an ambient light, so the two tiers are about as bright.
 */
const ENVIRONMENT_RADIANCE = 0.7;

export function lightRig(layout: SpaceLayout): LightRig {
  const b = layout.bounds;
  const cx = (b.minX + b.maxX) / 2;
  const cz = (b.minZ + b.maxZ) / 2;
  if (layout.setting === 'outdoor') {
    return {
      hemisphere: { sky: '#dfeaf5', ground: '#8a7f6e', intensity: 1.2 },
      sun: { position: [cx + SUN_POSITION[0], SUN_POSITION[1], cz + SUN_POSITION[2]], color: '#fff3e0', intensity: 2.4 },
      lamps: [],
      environment: 0.35,
      fill: 0.35 * Math.PI * ENVIRONMENT_RADIANCE,
    };
  }
  const span = (b.maxZ - b.minZ) / 4;
  return {
    hemisphere: { sky: '#fff1dc', ground: '#5a4330', intensity: 1.0 },
    sun: { position: [cx + 8, 30, cz + 12], color: '#ffe2bd', intensity: 1.1 },
    lamps: [
      { position: [cx, 5, cz - span], color: '#ffcf8a', intensity: 60, distance: 40, decay: 2 },
      { position: [cx, 5, cz + span], color: '#ffd9a3', intensity: 45, distance: 40, decay: 2 },
    ],
    environment: 0.5,
    fill: 0.5 * Math.PI * ENVIRONMENT_RADIANCE,
  };
}

/** A rig with its colours converted once (linear RGB) for per-vertex or per-texel sums. */
export interface PreparedRig {
  /** Even light from all round (the low tier's stand-in for the environment map). */
  fill: number;
  sky: Color; ground: Color; sunDir: [number, number, number]; sun: Color;
  lamps: { p: [number, number, number]; c: Color; distance: number; decay: number }[];
}

export function prepareRig(rig: LightRig): PreparedRig {
  const [sx, sy, sz] = rig.sun.position;
  const len = Math.hypot(sx, sy, sz) || 1;
  return {
    fill: rig.fill,
    sky: new Color(rig.hemisphere.sky).multiplyScalar(rig.hemisphere.intensity),
    ground: new Color(rig.hemisphere.ground).multiplyScalar(rig.hemisphere.intensity),
    // A directional light shines from its position towards the origin (its default target).
    sunDir: [sx / len, sy / len, sz / len],
    sun: new Color(rig.sun.color).multiplyScalar(rig.sun.intensity),
    lamps: rig.lamps.map((l) => ({ p: l.position, c: new Color(l.color).multiplyScalar(l.intensity), distance: l.distance, decay: l.decay })),
  };
}

/**
 * Light arriving at a point with a normal, as three's physically based shaders sum it
 * (the even fill + hemisphere + directional + point lights with their distance falloff, no shadows). A diffuse
 * surface of colour c then shows c * E / PI before tone mapping. Writes into `out`.
 */
export function irradiance(rig: PreparedRig, p: [number, number, number], n: [number, number, number], out: Color): Color {
  const weight = 0.5 * n[1] + 0.5;
  out.setRGB(
    rig.fill + rig.ground.r + (rig.sky.r - rig.ground.r) * weight,
    rig.fill + rig.ground.g + (rig.sky.g - rig.ground.g) * weight,
    rig.fill + rig.ground.b + (rig.sky.b - rig.ground.b) * weight,
  );
  const sunNL = Math.max(0, n[0] * rig.sunDir[0] + n[1] * rig.sunDir[1] + n[2] * rig.sunDir[2]);
  out.r += rig.sun.r * sunNL;
  out.g += rig.sun.g * sunNL;
  out.b += rig.sun.b * sunNL;
  for (const l of rig.lamps) {
    const dx = l.p[0] - p[0];
    const dy = l.p[1] - p[1];
    const dz = l.p[2] - p[2];
    const d = Math.hypot(dx, dy, dz) || 1e-3;
    const nl = Math.max(0, (n[0] * dx + n[1] * dy + n[2] * dz) / d);
    if (nl === 0) continue;
    let falloff = 1 / Math.max(Math.pow(d, l.decay), 0.01);
    if (l.distance > 0) falloff *= Math.pow(Math.max(0, Math.min(1, 1 - Math.pow(d / l.distance, 4))), 2);
    const k = falloff * nl;
    out.r += l.c.r * k;
    out.g += l.c.g * k;
    out.b += l.c.b * k;
  }
  return out;
}
