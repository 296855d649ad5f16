import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockCoverage, FONT_FALLBACK_PATH, fontFallbackRouter, interSubsets } from './fontFallback.js';

/** The resolver client's own reading of a coverage string (troika-three-text's bundled unicode-font-resolver). */
function covers(bits: string, codePoint: number): boolean {
  const offset = codePoint & 255;
  const c = bits.codePointAt(Math.floor(offset / 6));
  return (((c ?? 48) - 48) & (1 << (offset % 6))) !== 0;
}

describe('Inter subsets', () => {
  it('are read from @fontsource/inter with their ranges, and every file is there in both weights', () => {
    const subsets = interSubsets();
    expect(subsets.map((s) => s.id).sort()).toEqual(['cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'latin', 'latin-ext', 'vietnamese']);
    const dir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');
    for (const s of subsets) {
      expect(s.ranges.length, s.id).toBeGreaterThan(0);
      for (const w of [400, 700]) expect(fs.existsSync(path.join(dir, `inter-${s.id}-${w}-normal.woff`)), `${s.id} ${w}`).toBe(true);
    }
  });

  it('encode a block the way the resolver decodes it', () => {
    const subset = { id: 'x', ranges: [[0x100, 0x105], [0x177, 0x177], [0x1fe, 0x2ff]] as [number, number][] };
    const bits = blockCoverage(subset, 0x100);
    for (let cp = 0x100; cp <= 0x1ff; cp++) expect(covers(bits, cp), cp.toString(16)).toBe(cp <= 0x105 || cp === 0x177 || cp >= 0x1fe);
    expect(blockCoverage(subset, 0x600)).toBe('');
  });
});

describe('the unicode font resolver the app answers itself', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const app = express();
    app.use(FONT_FALLBACK_PATH, fontFallbackRouter());
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FONT_FALLBACK_PATH}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const index = async (block: string) => {
    const res = await fetch(`${base}/codepoint-index/${block}.json`);
    expect(res.status, block).toBe(200);
    return await res.json() as [number, Record<string, Record<string, string>>];
  };

  it('offers the Inter subset that has a character: Welsh ŷ, Ukrainian Ж, Greek Ω', async () => {
    for (const [block, cp, font] of [['plane0/100-1ff', 0x177, 'latin-ext'], ['plane0/400-4ff', 0x416, 'cyrillic'], ['plane0/300-3ff', 0x3a9, 'greek']] as const) {
      const [schema, langs] = await index(block);
      expect(schema).toBe(1);
      expect(covers(langs['']![font]!, cp), `${font} has U+${cp.toString(16)}`).toBe(true);
    }
  });

  it('offers nothing for what no bundled font has (Arabic, CJK, emoji)', async () => {
    for (const block of ['plane0/600-6ff', 'plane0/4e00-4eff', 'plane1/1f600-1f6ff']) expect(await index(block)).toEqual([1, {}]);
  });

  it('describes each font and serves its files, including the resolver\'s default "latin"', async () => {
    for (const id of ['latin', 'latin-ext', 'cyrillic']) {
      const meta = await (await fetch(`${base}/font-meta/${id}.json`)).json();
      expect(meta).toEqual([1, { id, typeforms: { 'sans-serif': { normal: [400, 700] } } }]);
      for (const weight of [400, 700]) {
        const res = await fetch(`${base}/font-files/${id}/sans-serif.normal.${weight}.woff`);
        expect(res.status).toBe(200);
        expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).subarray(0, 4)), 'a WOFF file').toBe('wOFF');
      }
    }
  });

  it('answers nothing else: unknown fonts and weights, misaligned blocks, path tricks', async () => {
    for (const p of [
      '/font-files/latin/sans-serif.normal.900.woff', '/font-files/arabic/sans-serif.normal.400.woff', '/font-meta/arabic.json',
      '/font-files/../../package.json', '/font-meta/..%2F..%2Fpackage.json', '/codepoint-index/plane99/0-ff.json',
      '/codepoint-index/plane0/10-10f.json', '/codepoint-index/plane1/100-1ff.json', '/anything',
    ]) expect((await fetch(`${base}${p}`)).status, p).toBe(404);
  });
});
