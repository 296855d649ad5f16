/** Reading the server's Prometheus text: the figures the load tool reports. */

export type Scrape = Map<string, number>;

export function parsePrometheus(text: string): Scrape {
  const out: Scrape = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) out.set(line.slice(0, space), value);
  }
  return out;
}

/**
 * Reads /metrics with the bearer token in METRICS_TOKEN: startServer() sets one for the server it
 * starts; with --url, export the server's own METRICS_TOKEN before running the tool.
 */
export async function scrape(httpUrl: string): Promise<Scrape> {
  const token = process.env.METRICS_TOKEN;
  const res = await fetch(`${httpUrl}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}${token ? '' : ' (set METRICS_TOKEN to the server\'s)'}`);
  return parsePrometheus(await res.text());
}

/**
 * A quantile of a Prometheus histogram over the window between two scrapes, interpolating
 * linearly inside the bucket (as PromQL's histogram_quantile does).
 */
export function histogramQuantile(name: string, q: number, before: Scrape, after: Scrape): number {
  const buckets: { le: number; count: number }[] = [];
  for (const [key, value] of after) {
    const m = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\}$`).exec(key);
    if (!m) continue;
    const le = m[1] === '+Inf' ? Infinity : Number(m[1]);
    buckets.push({ le, count: value - (before.get(key) ?? 0) });
  }
  buckets.sort((a, b) => a.le - b.le);
  const total = buckets.at(-1)?.count ?? 0;
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return prevLe;
      const inBucket = b.count - prevCount;
      return inBucket <= 0 ? b.le : prevLe + (b.le - prevLe) * ((rank - prevCount) / inBucket);
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}

export function delta(name: string, before: Scrape, after: Scrape): number {
  return (after.get(name) ?? 0) - (before.get(name) ?? 0);
}

/** The change of a counter per value of one label, e.g. refusals by reason. */
export function deltaByLabel(name: string, label: string, before: Scrape, after: Scrape): Map<string, number> {
  const out = new Map<string, number>();
  const pattern = new RegExp(`^${name}\\{(?:.*,)?${label}="([^"]*)"`);
  for (const [key, value] of after) {
    const m = pattern.exec(key);
    if (m) out.set(m[1]!, value - (before.get(key) ?? 0));
  }
  return out;
}

/** How many histogram observations in the window were above `le` (a bucket bound). */
export function countAbove(name: string, le: string, before: Scrape, after: Scrape): number {
  const total = delta(`${name}_count`, before, after);
  return total - delta(`${name}_bucket{le="${le}"}`, before, after);
}

/** The labels of a series key: `name{a="x",le="0.1"}` gives { a: 'x', le: '0.1' } (escapes kept as written). */
export function seriesLabels(key: string): Record<string, string> {
  const open = key.indexOf('{');
  const out: Record<string, string> = {};
  if (open < 0) return out;
  for (const m of key.slice(open + 1, -1).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

function seriesName(key: string): string {
  const open = key.indexOf('{');
  return open < 0 ? key : key.slice(0, open);
}

/** The values a label takes in a histogram's series (e.g. every room with ticks). */
export function labelValues(name: string, label: string, scrape: Scrape): string[] {
  const values = new Set<string>();
  for (const key of scrape.keys()) {
    if (seriesName(key) !== `${name}_count`) continue;
    const v = seriesLabels(key)[label];
    if (v !== undefined) values.add(v);
  }
  return [...values].sort();
}

/**
 * One labelled series of a histogram as if it were the only one, so histogramQuantile, delta and
 * countAbove read it: `name_bucket{room="a",le="0.1"}` becomes `name_bucket{le="0.1"}`.
 */
export function histogramSeries(name: string, label: string, value: string, scrape: Scrape): Scrape {
  const out: Scrape = new Map();
  for (const [key, n] of scrape) {
    const base = seriesName(key);
    if (!base.startsWith(name) || ![`${name}_bucket`, `${name}_count`, `${name}_sum`].includes(base)) continue;
    const labels = seriesLabels(key);
    if (labels[label] !== value) continue;
    out.set(base === `${name}_bucket` ? `${base}{le="${labels.le}"}` : base, n);
  }
  return out;
}
