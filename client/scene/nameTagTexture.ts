import { CanvasTexture, SRGBColorSpace } from 'three';
import type { Role } from '../../shared/access.js';
import { ROLE_COLOUR, ROLE_TEXT, roleLabel, showsBadge } from '../roles.js';

/**
 * Name tags are canvas text: a name is only ever drawn with fillText, never parsed as markup.
 * A role badge (a pill in the role's colour) sits beside the name. One texture per distinct
 * name and role, cached and bounded.
 */
const FONT = '600 40px Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
const BADGE_FONT = '700 30px Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
const HEIGHT = 64;
const PAD = 22;
const BADGE_HEIGHT = 46;
const BADGE_PAD = 14;
/** Space between the name and the badge; the badge's own margin to the tag's edge. */
const GAP = 14;
const BADGE_MARGIN = (HEIGHT - BADGE_HEIGHT) / 2;
const MAX_WIDTH = 1024;
const MAX_CACHED = 256;

export interface NameTag { texture: CanvasTexture; aspect: number; name: string; role: Role }

const cache = new Map<string, NameTag>();
let fontReady = typeof document === 'undefined' || !document.fonts || (document.fonts.check(FONT) && document.fonts.check(BADGE_FONT));

function draw(tag: NameTag): void {
  const canvas = tag.texture.image;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const badge = showsBadge(tag.role) ? roleLabel(tag.role) : null;
  ctx.font = BADGE_FONT;
  const badgeWidth = badge ? Math.ceil(ctx.measureText(badge).width) + BADGE_PAD * 2 : 0;
  ctx.font = FONT;
  const nameRoom = MAX_WIDTH - PAD * 2 - (badge ? GAP + badgeWidth - PAD + BADGE_MARGIN : 0);
  const nameWidth = Math.min(nameRoom, Math.ceil(ctx.measureText(tag.name).width));
  const width = badge ? PAD + nameWidth + GAP + badgeWidth + BADGE_MARGIN : nameWidth + PAD * 2;
  canvas.width = width;
  canvas.height = HEIGHT;
  ctx.clearRect(0, 0, width, HEIGHT);
  ctx.fillStyle = 'rgba(14, 18, 24, 0.72)';
  ctx.beginPath();
  ctx.roundRect(0, 0, width, HEIGHT, HEIGHT / 2);
  ctx.fill();
  ctx.font = FONT; // resizing resets the context
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(tag.name, PAD + nameWidth / 2, HEIGHT / 2 + 2, nameWidth);
  if (badge) {
    const x = width - BADGE_MARGIN - badgeWidth;
    ctx.fillStyle = ROLE_COLOUR[tag.role];
    ctx.beginPath();
    ctx.roundRect(x, BADGE_MARGIN, badgeWidth, BADGE_HEIGHT, BADGE_HEIGHT / 2);
    ctx.fill();
    ctx.font = BADGE_FONT;
    ctx.fillStyle = ROLE_TEXT;
    ctx.fillText(badge, x + badgeWidth / 2, HEIGHT / 2 + 1);
  }
  tag.aspect = width / HEIGHT;
  tag.texture.dispose(); // the size may have changed: upload afresh
  tag.texture.needsUpdate = true;
}

if (!fontReady && typeof document !== 'undefined') {
  void Promise.all([document.fonts.load(FONT), document.fonts.load(BADGE_FONT)]).then(() => {
    fontReady = true;
    for (const tag of cache.values()) draw(tag);
  }, () => undefined);
}

export function nameTag(name: string, role: Role): NameTag {
  const key = `${role}\n${name}`; // names cannot contain line breaks
  const hit = cache.get(key);
  if (hit) return hit;
  const texture = new CanvasTexture(document.createElement('canvas'));
  texture.colorSpace = SRGBColorSpace;
  const tag: NameTag = { texture, aspect: 1, name, role };
  draw(tag);
  cache.set(key, tag);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined && oldest !== key) {
      cache.get(oldest)?.texture.dispose();
      cache.delete(oldest);
    }
  }
  return tag;
}
