import { BoxGeometry, BufferAttribute, CapsuleGeometry, CylinderGeometry, SphereGeometry, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { HairStyle } from '../../shared/protocol/look.js';

/**
 * The people's shapes, made here in code (nothing fetched): a stylised humanoid in parts, each
 * part one geometry drawn by one instanced mesh for everyone. A part's origin is its joint
 * (hips, neck, shoulder, hip joint, knee); -z is forward. Vertex colours shade a part's own
 * details (eyes, shoes, belt) and multiply each person's colour for that part.
 */

/** Joint heights and offsets, metres, standing. */
export const HIP_HEIGHT = 0.9;
export const NECK_ABOVE_HIPS = 0.58;
export const SHOULDER = { x: 0.235, y: 0.5 };
export const HIP_JOINT_X = 0.1;
export const THIGH_LENGTH = 0.42;
/** From the neck to the top of the hair. */
export const HEAD_TOP = 0.34;

/** Paints a geometry's vertices one shade (white keeps the person's colour as it is). */
function shade<T extends BufferGeometry>(geometry: T, k: number): T {
  const n = geometry.getAttribute('position').count;
  const colours = new Float32Array(n * 3).fill(k);
  geometry.setAttribute('color', new BufferAttribute(colours, 3));
  return geometry;
}

function merge(parts: BufferGeometry[]): BufferGeometry {
  const merged = mergeGeometries(parts.map((p) => (p.index ? p.toNonIndexed() : p)));
  for (const p of parts) p.dispose();
  if (!merged) throw new Error('humanoid parts did not merge');
  merged.computeBoundingSphere();
  return merged;
}

/** Chest, shoulders and hips, from the hips up. */
export const TORSO = merge([
  shade(new CylinderGeometry(0.19, 0.155, 0.42, 14).scale(1, 1, 0.62).translate(0, 0.28, 0), 1),
  shade(new CapsuleGeometry(0.095, 0.3, 4, 10).rotateZ(Math.PI / 2).scale(1, 1, 0.7).translate(0, 0.48, 0), 1),
  shade(new CylinderGeometry(0.165, 0.17, 0.12, 14).scale(1, 1, 0.7).translate(0, 0.03, 0), 0.72),
]);

/** Neck, head, eyes, nose and ears, from the neck up. */
export const HEAD = merge([
  shade(new CylinderGeometry(0.05, 0.055, 0.12, 8).translate(0, 0.04, 0), 0.9),
  shade(new SphereGeometry(0.125, 16, 12).scale(0.95, 1.08, 1).translate(0, 0.2, 0), 1),
  shade(new SphereGeometry(0.019, 6, 4).translate(-0.045, 0.215, -0.113), 0.06),
  shade(new SphereGeometry(0.019, 6, 4).translate(0.045, 0.215, -0.113), 0.06),
  shade(new SphereGeometry(0.022, 6, 4).scale(1, 1.2, 1).translate(0, 0.18, -0.125), 0.92),
  shade(new SphereGeometry(0.03, 6, 4).scale(0.6, 1, 1).translate(-0.118, 0.2, 0), 0.9),
  shade(new SphereGeometry(0.03, 6, 4).scale(0.6, 1, 1).translate(0.118, 0.2, 0), 0.9),
]);

/** The mouth: a dark slit scaled open while the person speaks. */
export const MOUTH = new BoxGeometry(0.05, 0.014, 0.012).translate(0, 0.135, -0.118);

/** An arm hanging from the shoulder (sleeve), and the hand at its end (skin). */
export const ARM = shade(new CapsuleGeometry(0.052, 0.44, 4, 8).translate(0, -0.27, 0), 1);
export const HAND = new SphereGeometry(0.058, 8, 6).scale(0.9, 1.1, 0.8).translate(0, -0.56, 0);

/** A thigh from the hip joint to the knee, and a shin from the knee with its shoe. */
export const THIGH = new CapsuleGeometry(0.088, THIGH_LENGTH - 0.14, 4, 8).translate(0, -THIGH_LENGTH / 2, 0);
export const SHIN = merge([
  shade(new CapsuleGeometry(0.072, 0.3, 4, 8).translate(0, -0.2, 0), 1),
  shade(new BoxGeometry(0.12, 0.08, 0.24).translate(0, -0.44, -0.05), 0.16),
]);

const cap = (r: number, y: number, open = 0.55) => new SphereGeometry(r, 16, 8, 0, Math.PI * 2, 0, Math.PI * open).translate(0, y, 0.008);

/** Hair and hats, from the neck up like the head (a style with no shape has no entry). */
export const HAIR: Partial<Record<HairStyle, BufferGeometry>> = {
  short: merge([shade(cap(0.137, 0.205), 1)]),
  long: merge([
    shade(cap(0.138, 0.205, 0.6), 1),
    // Falling behind the head to the shoulders: rounded, so from behind it reads as hair, not a slab.
    shade(new SphereGeometry(0.13, 14, 10).scale(1, 1.3, 0.55).translate(0, 0.12, 0.075), 0.92),
  ]),
  bun: merge([shade(cap(0.136, 0.205), 1), shade(new SphereGeometry(0.06, 10, 8).translate(0, 0.33, 0.07), 0.92)]),
  cap: merge([
    shade(cap(0.142, 0.215, 0.5), 1),
    shade(new BoxGeometry(0.21, 0.018, 0.13).translate(0, 0.218, -0.17), 0.8),
  ]),
  beanie: merge([
    shade(new SphereGeometry(0.145, 16, 8, 0, Math.PI * 2, 0, Math.PI * 0.5).scale(1, 1.2, 1).translate(0, 0.2, 0.008), 1),
    shade(new CylinderGeometry(0.147, 0.147, 0.05, 16).translate(0, 0.215, 0.008), 0.78),
    shade(new SphereGeometry(0.035, 8, 6).translate(0, 0.39, 0.008), 0.95),
  ]),
};

/**
 * The same person in few triangles, for people beyond the nearest ones drawn in full in a big
 * crowd (client/scene/crowdDetail.ts): the parts keep their joints, sizes and shading, with a
 * fraction of the segments and none of the face; every hair or hat shape is one low cap.
 */
export const LOW = {
  torso: merge([
    shade(new CylinderGeometry(0.19, 0.155, 0.42, 6).scale(1, 1, 0.62).translate(0, 0.28, 0), 1),
    shade(new CapsuleGeometry(0.095, 0.3, 1, 4).rotateZ(Math.PI / 2).scale(1, 1, 0.7).translate(0, 0.48, 0), 1),
  ]),
  head: merge([
    shade(new CylinderGeometry(0.05, 0.055, 0.12, 4).translate(0, 0.04, 0), 0.9),
    shade(new SphereGeometry(0.125, 6, 4).scale(0.95, 1.08, 1).translate(0, 0.2, 0), 1),
  ]),
  arm: shade(new CapsuleGeometry(0.052, 0.44, 1, 4).translate(0, -0.27, 0), 1),
  hand: new SphereGeometry(0.058, 4, 3).scale(0.9, 1.1, 0.8).translate(0, -0.56, 0),
  thigh: new CapsuleGeometry(0.088, THIGH_LENGTH - 0.14, 1, 4).translate(0, -THIGH_LENGTH / 2, 0),
  shin: merge([
    shade(new CapsuleGeometry(0.072, 0.3, 1, 4).translate(0, -0.2, 0), 1),
    shade(new BoxGeometry(0.12, 0.08, 0.24).translate(0, -0.44, -0.05), 0.16),
  ]),
  hair: shade(new SphereGeometry(0.136, 6, 3, 0, Math.PI * 2, 0, Math.PI * 0.55).translate(0, 0.205, 0.008), 1),
};
