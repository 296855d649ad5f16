/**
 * What the JavaScript a first-time visitor downloads is made of: for a build with sourcemaps
 * (`npm run build:test`), follows the entry chunk's static imports (what the browser must load
 * before any code runs) and attributes every byte of those chunks to the source file it came
 * from, through the sourcemaps. Prints the biggest packages and project folders, then files.
 *
 *   npx tsx scripts/chunkSources.ts [--dir dist/client-test] [--also text3d,VrRoot] [--top 40] [--files]
 *
 * --also adds the chunks whose names start with these prefixes (say, lazy chunks that the bench
 * saw loaded before the first frame). "gzip alone" gzips each source's bytes by themselves, so
 * its sum is above the chunks' real gzip; the share column divides the real gzip in proportion.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DIR = arg('dir', 'dist/client-test');
const TOP = Number(arg('top', '40'));
const ALSO = arg('also', '').split(',').filter(Boolean);
const assets = path.join(DIR, 'assets');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** One line of a sourcemap's mappings: [generated column, source index or -1] per segment. */
function decodeLine(line: string, state: { source: number }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let col = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = B64_INDEX.get(ch) ?? 0;
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    col += fields[0] ?? 0;
    if (fields.length >= 4) {
      state.source += fields[1] ?? 0;
      out.push([col, state.source]);
    } else out.push([col, -1]);
  }
  return out;
}

/** The entry chunk(s) named by index.html, and the chunks they import statically, transitively. */
function initialChunks(): string[] {
  const html = fs.readFileSync(path.join(DIR, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  for (const prefix of ALSO) queue.push(...fs.readdirSync(assets).filter((f) => f.startsWith(prefix) && f.endsWith('.js')));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(assets, file), 'utf8');
    // Static imports only: `import{..}from"./x.js"` or `import"./x.js"`, never `import("./x.js")`.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(m[1] ?? '');
  }
  return [...seen];
}

/** Who a source file belongs to: its npm package, or the project folder it is in. */
function ownerOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? source);
  }
  const parts = source.replace(/^(\.\.\/)+/, '').split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
}

const chunks = initialChunks().filter((f) => !f.startsWith('testHook'));
const bySource = new Map<string, string[]>();
let totalRaw = 0;
let totalGzip = 0;
for (const file of chunks) {
  const code = fs.readFileSync(path.join(assets, file), 'utf8');
  totalRaw += Buffer.byteLength(code);
  totalGzip += zlib.gzipSync(code, { level: 9 }).length;
  const mapFile = path.join(assets, `${file}.map`);
  if (!fs.existsSync(mapFile)) {
    bySource.set(`(no map) ${file}`, [code]);
    continue;
  }
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  const state = { source: 0 };
  const add = (key: string, text: string) => {
    if (!text) return;
    const list = bySource.get(key) ?? [];
    list.push(text);
    bySource.set(key, list);
  };
  lines.forEach((line, i) => {
    const segments = decodeLine(mapLines[i] ?? '', state);
    add('(unmapped)', line.slice(0, segments[0]?.[0] ?? line.length) + '\n');
    segments.forEach(([col, source], k) => {
      const end = segments[k + 1]?.[0] ?? line.length;
      add(source >= 0 ? (map.sources[source] ?? '(unknown)') : '(unmapped)', line.slice(col, end));
    });
  });
}

interface Row { key: string; raw: number; gzipAlone: number }
const rows = (group: (source: string) => string): Row[] => {
  const texts = new Map<string, string[]>();
  for (const [source, parts] of bySource) {
    const key = group(source);
    texts.set(key, [...(texts.get(key) ?? []), ...parts]);
  }
  return [...texts].map(([key, parts]) => {
    const text = parts.join('');
    return { key, raw: Buffer.byteLength(text), gzipAlone: zlib.gzipSync(text, { level: 9 }).length };
  }).sort((a, b) => b.raw - a.raw);
};
const kB = (n: number) => (n / 1024).toFixed(1).padStart(7);
const print = (title: string, list: Row[]) => {
  const gzipSum = list.reduce((s, r) => s + r.gzipAlone, 0);
  console.log(`\n${title}\n    raw kB  gzip alone  share of real gzip`);
  for (const r of list.slice(0, TOP)) console.log(`${kB(r.raw)}  ${kB(r.gzipAlone)}  ${kB((r.gzipAlone / gzipSum) * totalGzip)}  ${r.key}`);
};

console.log(`chunks loaded before any code runs (${chunks.length}): ${chunks.join(', ')}`);
console.log(`total ${kB(totalRaw)} kB raw, ${kB(totalGzip)} kB gzip (level 9, chunk by chunk)`);
print('by package or project folder', rows(ownerOf));
if (process.argv.includes('--files')) print('by source file', rows((s) => s));
