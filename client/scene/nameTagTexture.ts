import { CanvasTexture, SRGBColorSpace } from 'three';

/**
 * Name tags are canvas text: a name is only ever drawn with fillText, never parsed as markup.
 * One texture per distinct name, cached and bounded.
 */
const FONT = '600 40px Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
const HEIGHT = 64;
const PAD = 22;
const MAX_CACHED = 256;

export interface NameTag { texture: CanvasTexture; aspect: number; name: string }

const cache = new Map<string, NameTag>();
let fontReady = typeof document === 'undefined' || !document.fonts || document.fonts.check(FONT);

function draw(tag: NameTag): void {
  const canvas = tag.texture.image;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.font = FONT;
  const width = Math.min(1024, Math.ceil(ctx.measureText(tag.name).width) + PAD * 2);
  canvas.width = width;
  canvas.height = HEIGHT;
  ctx.font = FONT; // resizing resets the context
  ctx.clearRect(0, 0, width, HEIGHT);
  ctx.fillStyle = 'rgba(14, 18, 24, 0.72)';
  ctx.beginPath();
  ctx.roundRect(0, 0, width, HEIGHT, HEIGHT / 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(tag.name, width / 2, HEIGHT / 2 + 2, width - PAD * 2);
  tag.aspect = width / HEIGHT;
  tag.texture.dispose(); // the size may have changed: upload afresh
  tag.texture.needsUpdate = true;
}

if (!fontReady && typeof document !== 'undefined') {
  void document.fonts.load(FONT).then(() => {
    fontReady = true;
    for (const tag of cache.values()) draw(tag);
  }, () => undefined);
}

export function nameTag(name: string): NameTag {
  const hit = cache.get(name);
  if (hit) return hit;
  const texture = new CanvasTexture(document.createElement('canvas'));
  texture.colorSpace = SRGBColorSpace;
  const tag: NameTag = { texture, aspect: 1, name };
  draw(tag);
  cache.set(name, tag);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined && oldest !== name) {
      cache.get(oldest)?.texture.dispose();
      cache.delete(oldest);
    }
  }
  return tag;
}
