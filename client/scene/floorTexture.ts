import { CanvasTexture, Color, RepeatWrapping, SRGBColorSpace } from 'three';

/** Metres of floor one repeat of the pattern covers. */
export const PATTERN_METRES = 4;

/**
 * A floor pattern drawn on a canvas: paving slabs or timber boards in shades of the layout's
 * floor colour, with darker joints. Deterministic (seeded), so every visitor sees the same floor.
 */
export function makeFloorTexture(baseColor: string, style: 'paving' | 'boards'): CanvasTexture {
  const size = 256;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  const texture = new CanvasTexture(canvas);
  if (!ctx) return texture;
  const base = new Color(baseColor);
  const joint = base.clone().multiplyScalar(0.78).getStyle();
  let seed = 17;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const shade = (amount: number) => base.clone().offsetHSL(0, 0, (random() - 0.5) * amount).getStyle();
  ctx.fillStyle = joint;
  ctx.fillRect(0, 0, size, size);
  if (style === 'paving') {
    const cells = 4; // 1 m slabs
    const cell = size / cells;
    for (let row = 0; row < cells; row++) {
      for (let col = 0; col < cells; col++) {
        ctx.fillStyle = shade(0.07);
        ctx.fillRect(col * cell + 1.5, row * cell + 1.5, cell - 3, cell - 3);
      }
    }
  } else {
    const rows = 16; // 25 cm boards, staggered joints
    const board = size / rows;
    for (let row = 0; row < rows; row++) {
      const offset = random() * size;
      for (let start = -offset; start < size; start += size / 2) {
        ctx.fillStyle = shade(0.09);
        ctx.fillRect(start + 1, row * board + 1, size / 2 - 2, board - 2);
      }
    }
  }
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}
