import { CanvasTexture, Color, NoColorSpace } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { floorPools } from './lightsFor.js';
import { irradiance, lightRig, prepareRig } from './lightRig.js';

/**
 * Light and shade baked into one texture over a space's floor, drawn on a canvas when the space
 * opens (nothing fetched):
 * - `floorAo`: ambient occlusion, soft darkening where the floor meets walls, buildings, benches,
 *   stands, risers, the stage, the fountain, pillars, lamps and under trees. Both tiers use it (the
 *   high tier as the floor's aoMap).
 * - `floorLight`: for the low tier, everything the floor would get from the lights in one map: the
 *   rig's light per texel (client/scene/lightRig.ts), the pools of light of the stands and display
 *   walls, the paths' colours and the occlusion, so the floor is one unlit textured draw with no
 *   transparent layers over it (software renderers pay for every shaded pixel).
 * The canvas's top row is the space's minZ, its left column minX (a floor plane's uv, flipped).
 */

/** Texels per side: about 8 per metre, a power of two from 256 to 512 (drawn fast, uploaded once). */
export function floorTexels(layout: SpaceLayout): number {
  const b = layout.bounds;
  const wanted = Math.max(b.maxX - b.minX, b.maxZ - b.minZ) * 8;
  let n = 256;
  while (n < wanted && n < 512) n *= 2;
  return n;
}

/** World x/z to canvas pixels, and metres to pixels along each axis. */
export function floorMapping(layout: SpaceLayout, n: number) {
  const b = layout.bounds;
  const sx = n / (b.maxX - b.minX);
  const sz = n / (b.maxZ - b.minZ);
  return { px: (x: number) => (x - b.minX) * sx, pz: (z: number) => (z - b.minZ) * sz, sx, sz };
}

/** Where things meet the floor, and how dark and how soft their occlusion is (metres). */
interface Occluder { kind: 'rect' | 'disc'; x: number; z: number; w: number; d: number; alpha: number; blur: number }

export function occluders(layout: SpaceLayout): Occluder[] {
  const out: Occluder[] = [];
  for (const b of layout.boxes) {
    const big = b.kind === 'wall' || b.kind === 'building';
    out.push({ kind: 'rect', x: b.x, z: b.z, w: b.w, d: b.d, alpha: big ? 0.5 : b.kind === 'stage' ? 0.45 : 0.55, blur: big ? 0.7 : 0.4 });
  }
  for (const c of layout.circles) {
    if (c.kind === 'tree') {
      out.push({ kind: 'disc', x: c.x, z: c.z, w: c.r * 2, d: c.r * 2, alpha: 0.45, blur: 0.3 });
      const crown = Math.max(c.r * 2.6, c.h * 0.3);
      out.push({ kind: 'disc', x: c.x, z: c.z, w: crown * 1.4, d: crown * 1.4, alpha: 0.22, blur: 1.2 });
    } else if (c.kind === 'lamp') {
      out.push({ kind: 'disc', x: c.x, z: c.z, w: c.r * 1.6, d: c.r * 1.6, alpha: 0.4, blur: 0.25 });
    } else {
      out.push({ kind: 'disc', x: c.x, z: c.z, w: c.r * 2, d: c.r * 2, alpha: 0.5, blur: c.kind === 'fountain' ? 0.6 : 0.45 });
    }
  }
  return out;
}

function canvas(n: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const c = document.createElement('canvas');
  c.width = n;
  c.height = n;
  return [c, c.getContext('2d')!];
}

/** White where nothing is near, darker towards the foot of what stands on the floor. */
export function floorAoCanvas(layout: SpaceLayout): HTMLCanvasElement {
  const n = floorTexels(layout);
  const [c, g] = canvas(n);
  const m = floorMapping(layout, n);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, n, n);
  // Each shape is drawn off the canvas and only its blurred shadow lands on it (shadows ignore
  // transforms and are supported everywhere, unlike canvas filters).
  const off = n * 4;
  g.fillStyle = '#000000';
  g.shadowOffsetX = off;
  for (const o of occluders(layout)) {
    g.shadowColor = `rgba(0,0,0,${o.alpha})`;
    g.shadowBlur = o.blur * (m.sx + m.sz) / 2;
    const x = m.px(o.x) - off;
    const y = m.pz(o.z);
    g.beginPath();
    if (o.kind === 'rect') g.rect(x - (o.w * m.sx) / 2, y - (o.d * m.sz) / 2, o.w * m.sx, o.d * m.sz);
    else g.ellipse(x, y, (o.w * m.sx) / 2, (o.d * m.sz) / 2, 0, 0, Math.PI * 2);
    g.fill();
  }
  return c;
}

const scratch = new Color();

/** The low tier's floor light (see above): texel value times the returned scale is the light (E). */
export function floorLightCanvas(layout: SpaceLayout, ao: HTMLCanvasElement): { canvas: HTMLCanvasElement; scale: number } {
  const n = floorTexels(layout);
  const [c, g] = canvas(n);
  const m = floorMapping(layout, n);
  const b = layout.bounds;
  const rig = prepareRig(lightRig(layout));
  // The rig's light is smooth: computed on a coarse grid and drawn scaled up (bilinear).
  const coarse = 64;
  const light = new Float32Array(coarse * coarse * 3);
  let max = 0;
  for (let j = 0; j < coarse; j++) {
    for (let i = 0; i < coarse; i++) {
      const x = b.minX + ((i + 0.5) / coarse) * (b.maxX - b.minX);
      const z = b.minZ + ((j + 0.5) / coarse) * (b.maxZ - b.minZ);
      irradiance(rig, [x, 0, z], [0, 1, 0], scratch);
      light.set([scratch.r, scratch.g, scratch.b], (j * coarse + i) * 3);
      max = Math.max(max, scratch.r, scratch.g, scratch.b);
    }
  }
  const scale = max * 1.3; // headroom for the pools
  const [small, sg] = canvas(coarse);
  const pixels = sg.createImageData(coarse, coarse);
  for (let k = 0; k < coarse * coarse; k++) {
    for (let ch = 0; ch < 3; ch++) pixels.data[k * 4 + ch] = Math.round((light[k * 3 + ch]! / scale) * 255);
    pixels.data[k * 4 + 3] = 255;
  }
  sg.putImageData(pixels, 0, 0);
  g.imageSmoothingEnabled = true;
  g.drawImage(small, 0, 0, n, n);
  // Pools of light add to it.
  g.globalCompositeOperation = 'lighter';
  for (const p of floorPools(layout)) {
    const col = new Color(p.color).multiplyScalar((p.strength * 4) / scale);
    const rgb = (a: number) => `rgba(${Math.round(Math.min(1, col.r) * 255)},${Math.round(Math.min(1, col.g) * 255)},${Math.round(Math.min(1, col.b) * 255)},${a})`;
    g.save();
    g.translate(m.px(p.x), m.pz(p.z));
    g.scale((p.w * m.sx) / 2, (p.d * m.sz) / 2);
    const grad = g.createRadialGradient(0, 0, 0, 0, 0, 1);
    grad.addColorStop(0, rgb(1));
    grad.addColorStop(0.45, rgb(0.55));
    grad.addColorStop(1, rgb(0));
    g.fillStyle = grad;
    g.fillRect(-1, -1, 2, 2);
    g.restore();
  }
  // Paths multiply the floor's colour towards their own (the floor pattern's joints show through).
  g.globalCompositeOperation = 'multiply';
  const floor = new Color(layout.floorColor);
  for (const p of layout.paths) {
    const col = new Color(p.color ?? '#9b9284');
    const t = (a: number, f: number) => Math.round(Math.min(1, a / Math.max(f, 1e-3)) * 255);
    g.fillStyle = `rgb(${t(col.r, floor.r)},${t(col.g, floor.g)},${t(col.b, floor.b)})`;
    g.save();
    g.translate(m.px((p.x1 + p.x2) / 2), m.pz((p.z1 + p.z2) / 2));
    g.scale(m.sx, m.sz);
    g.rotate(Math.atan2(p.z2 - p.z1, p.x2 - p.x1));
    const length = Math.hypot(p.x2 - p.x1, p.z2 - p.z1);
    g.fillRect(-length / 2, -p.w / 2, length, p.w);
    g.restore();
  }
  g.drawImage(ao, 0, 0, n, n);
  g.globalCompositeOperation = 'source-over';
  return { canvas: c, scale };
}

/** A canvas as a data texture (linear values: light and occlusion, not colours). */
export function bakedTexture(c: HTMLCanvasElement): CanvasTexture {
  const t = new CanvasTexture(c);
  t.colorSpace = NoColorSpace;
  return t;
}
