import { BoxGeometry, BufferAttribute, Color, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { Box, SpaceLayout } from '../../shared/spaces/layout.js';
import { irradiance, lightRig, prepareRig, type PreparedRig } from './lightRig.js';

/**
 * The low tier's buildings, walls, stages and furniture: every box of a layout in one geometry
 * (one draw call), lit once when the space opens by the same rig the high tier lights in real
 * time (client/scene/lightRig.ts), with occlusion at the foot of each side (darker where it meets
 * the floor). Drawn with an unlit vertex-coloured material: a software renderer pays for no
 * lighting per pixel. Pure (three's geometry classes only, no WebGL), so it is tested in Node.
 */

export const BOX_COLOURS: Record<Box['kind'], string> = {
  wall: '#ece5d8',
  building: '#ddd5c8',
  stage: '#5b3f2c',
  furniture: '#7a5c43',
};

/** How far up a side the occlusion reaches (m) and how dark it is where the side meets the floor. */
export const AO_REACH = 0.6;
export const AO_FOOT = 0.55;

/** One solid block: position of its centre on the floor, size, colour. */
interface Block { x: number; y: number; z: number; w: number; h: number; d: number; color: string; occluded: boolean }

/** A layout box as blocks: a building also has a cornice and a darker plinth (as <Boxes> draws it). */
export function blocksOf(box: Box): Block[] {
  const color = box.color ?? BOX_COLOURS[box.kind];
  const main: Block = { x: box.x, y: 0, z: box.z, w: box.w, h: box.h, d: box.d, color, occluded: true };
  if (!(box.kind === 'building' && box.w > 2 && box.d > 2)) return [main];
  return [
    main,
    { x: box.x, y: box.h - 0.3, z: box.z, w: box.w + 0.4, h: 0.3, d: box.d + 0.4, color, occluded: false },
    { x: box.x, y: 0, z: box.z, w: box.w + 0.12, h: 0.6, d: box.d + 0.12, color: '#8f877c', occluded: true },
  ];
}

function blockGeometry(b: Block, rig: PreparedRig): BufferGeometry {
  // Two rows of side faces: the lower one ends AO_REACH up, so the occlusion stays at the foot;
  // columns every few metres, so a lamp's light on a long wall is not lost between its corners.
  const g = new BoxGeometry(b.w, b.h, b.d, Math.ceil(b.w / 3), 2, Math.ceil(b.d / 3));
  const pos = g.getAttribute('position') as BufferAttribute;
  const foot = Math.min(AO_REACH, b.h / 2);
  for (let i = 0; i < pos.count; i++) {
    if (Math.abs(pos.getY(i)) < 1e-6) pos.setY(i, -b.h / 2 + foot);
  }
  g.translate(b.x, b.y + b.h / 2, b.z);
  const normal = g.getAttribute('normal');
  const colours = new Float32Array(pos.count * 3);
  const base = new Color(b.color);
  const e = new Color();
  for (let i = 0; i < pos.count; i++) {
    const p: [number, number, number] = [pos.getX(i), pos.getY(i), pos.getZ(i)];
    const n: [number, number, number] = [normal.getX(i), normal.getY(i), normal.getZ(i)];
    irradiance(rig, p, n, e);
    const side = Math.abs(n[1]) < 0.5;
    const ao = b.occluded && side && p[1] - b.y < 1e-3 ? AO_FOOT : 1;
    const k = ao / Math.PI;
    colours.set([base.r * e.r * k, base.g * e.g * k, base.b * e.b * k], i * 3);
  }
  g.setAttribute('color', new BufferAttribute(colours, 3));
  return g;
}

/**
 * Every box of the layout merged, with `boxOf[triangle]` naming the layout box each triangle
 * belongs to (a click on the merged mesh still knows which box it hit).
 */
export function bakedBoxes(layout: SpaceLayout): { geometry: BufferGeometry; boxOf: Uint16Array } | null {
  if (layout.boxes.length === 0) return null;
  const rig = prepareRig(lightRig(layout));
  const parts: BufferGeometry[] = [];
  const owners: number[] = [];
  layout.boxes.forEach((box, i) => {
    for (const block of blocksOf(box)) {
      const g = blockGeometry(block, rig);
      parts.push(g);
      owners.push(...new Array<number>(g.index!.count / 3).fill(i));
    }
  });
  const geometry = mergeGeometries(parts);
  for (const p of parts) p.dispose();
  if (!geometry) return null;
  geometry.computeBoundingSphere();
  return { geometry, boxOf: Uint16Array.from(owners) };
}
