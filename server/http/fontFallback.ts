import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

/**
 * troika-three-text (behind drei's <Text>) finds fonts for characters the page's font lacks
 * with a bundled unicode-font-resolver client: JSON indexes and font files under the
 * `unicodeFontsURL` the client sets (client/scene/fonts.ts), and, if that address fails, the
 * same paths on a public CDN, which would hand a visitor's address to a third party (the CSP
 * refuses it, and the character is lost).
 *
 * The app answers those paths itself, from the fonts it bundles: Inter in all its subsets
 * (@fontsource/inter), with the coverage each subset's @font-face declares. So a name in Welsh,
 * Polish, Ukrainian or Greek is drawn in Inter, loaded from this origin only when needed; a
 * character no subset has (Arabic, CJK, emoji) falls back to the resolver's "latin" font, which
 * is Inter's Latin subset, and shows as its missing-glyph box. Nothing leaves the origin.
 */
export const FONT_FALLBACK_PATH = '/fonts/unicode';

/** The resolver's data format (unicode-font-resolver schema 1). */
const SCHEMA = 1;
const WEIGHTS = [400, 700] as const;
/** Code points per index file: one block of 256. */
const BLOCK = 256;
/** Each character of a coverage string holds 6 bits, offset from '0'. */
const BITS_PER_CHAR = 6;

export interface FontSubset {
  /** The subset's name in @fontsource/inter ('latin', 'latin-ext', 'cyrillic', ...): also its font id here. */
  id: string;
  ranges: [number, number][];
}

function interDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@fontsource/inter/package.json'));
}

/** Reads the subsets and their unicode-range from @fontsource/inter's stylesheet for one weight. */
export function interSubsets(css = fs.readFileSync(path.join(interDir(), '400.css'), 'utf8')): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const face of css.matchAll(/inter-([a-z-]+?)-400-normal\.woff2?\)[^}]*?unicode-range:\s*([^;]+);/g)) {
    const ranges = face[2]!.split(',').map((r): [number, number] => {
      const [from, to] = r.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
      return [from!, to ?? from!];
    });
    subsets.push({ id: face[1]!, ranges });
  }
  return subsets;
}

/**
 * The code points of one 256-block a subset covers, as the resolver reads them: character k
 * of the string is '0' + the bits of offsets 6k..6k+5. '' when it covers none.
 */
export function blockCoverage(subset: FontSubset, blockStart: number): string {
  const masks = new Array<number>(Math.ceil(BLOCK / BITS_PER_CHAR)).fill(0);
  let any = false;
  for (const [from, to] of subset.ranges) {
    for (let cp = Math.max(from, blockStart); cp <= Math.min(to, blockStart + BLOCK - 1); cp++) {
      const offset = cp - blockStart;
      masks[Math.floor(offset / BITS_PER_CHAR)]! |= 1 << (offset % BITS_PER_CHAR);
      any = true;
    }
  }
  return any ? String.fromCharCode(...masks.map((m) => 48 + m)) : '';
}

export function fontFallbackRouter(subsets = interSubsets()): Router {
  const router = express.Router();
  const dir = path.join(interDir(), 'files');
  const ids = new Set(subsets.map((s) => s.id));
  const cached = (res: express.Response) => res.set('Cache-Control', 'public, max-age=2592000, immutable');

  // "Which fonts cover the code points of this block?" Each Inter subset that does, for every language.
  router.get(/^\/codepoint-index\/plane([0-9]|1[0-6])\/([0-9a-f]{1,6})-([0-9a-f]{1,6})\.json$/, (req, res, next) => {
    const [plane, from, to] = Object.values(req.params as Record<string, string>).map((v, i) => (i === 0 ? Number(v) : parseInt(v, 16)));
    if (from! % BLOCK !== 0 || to !== from! + BLOCK - 1 || from! >> 16 !== plane) return next();
    const fonts: Record<string, string> = {};
    for (const subset of subsets) {
      const bits = blockCoverage(subset, from!);
      if (bits) fonts[subset.id] = bits;
    }
    cached(res).json([SCHEMA, Object.keys(fonts).length > 0 ? { '': fonts } : {}]);
  });
  // A font's description: one family, upright, the weights the app bundles.
  router.get(/^\/font-meta\/([a-z-]{1,40})\.json$/, (req, res, next) => {
    const id = (req.params as Record<string, string>)[0]!;
    if (!ids.has(id)) return next();
    cached(res).json([SCHEMA, { id, typeforms: { 'sans-serif': { normal: [...WEIGHTS] } } }]);
  });
  router.get(/^\/font-files\/([a-z-]{1,40})\/sans-serif\.normal\.(\d{3})\.woff$/, (req, res, next) => {
    const [id, weight] = Object.values(req.params as Record<string, string>);
    if (!ids.has(id!) || !WEIGHTS.some((w) => String(w) === weight)) return next();
    res.sendFile(path.join(dir, `inter-${id}-${weight}-normal.woff`), { immutable: true, maxAge: '30d' });
  });
  return router;
}
