/**
 * What the machine's other parts cost during a load run: Redis (its INFO) and processes (their
 * /proc/<pid>/stat). Parsing is pure; reading /proc is the thin part at the bottom.
 */
import fs from 'node:fs';

/** Redis INFO text as field -> value ("# Section" headers and blank lines left out). */
export function parseRedisInfo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return out;
}

/** Calls per command from INFO commandstats (`cmdstat_publish:calls=12,usec=...`). */
export function commandCalls(info: ReadonlyMap<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [field, value] of info) {
    if (!field.startsWith('cmdstat_')) continue;
    const calls = /(?:^|,)calls=(\d+)/.exec(value);
    if (calls) out.set(field.slice('cmdstat_'.length), Number(calls[1]));
  }
  return out;
}

/** A number field of INFO (NaN when absent). */
export function infoNumber(info: ReadonlyMap<string, string>, field: string): number {
  const v = info.get(field);
  return v === undefined ? Number.NaN : Number(v);
}

/** Commands per second between two INFO readings, the busiest first (at most `top`). */
export function commandRates(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, seconds: number, top: number): Record<string, number> {
  const b = commandCalls(before);
  const rates = [...commandCalls(after)]
    .map(([cmd, n]): [string, number] => [cmd, (n - (b.get(cmd) ?? 0)) / seconds])
    .filter(([, r]) => r > 0)
    .sort((x, y) => y[1] - x[1])
    .slice(0, top);
  return Object.fromEntries(rates.map(([cmd, r]) => [cmd, Math.round(r * 10) / 10]));
}

/** The fields of /proc/<pid>/stat the load tool reads, in clock ticks (see proc(5)). */
export interface ProcStat {
  ppid: number;
  /** utime + stime: this process. */
  ownTicks: number;
  /** cutime + cstime: its children that have exited and been waited for. */
  childTicks: number;
}

/** Parses /proc/<pid>/stat (the command name may hold spaces and parentheses: fields follow the last ')'). */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  if (close < 0) throw new Error('not a /proc/<pid>/stat line');
  // After ") ": state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), numbered from 1.
  const f = text.slice(close + 2).trim().split(/\s+/);
  const at = (field: number) => Number(f[field - 3]);
  return { ppid: at(4), ownTicks: at(14) + at(15), childTicks: at(16) + at(17) };
}

/** Linux's USER_HZ: /proc counts CPU in hundredths of a second. */
const TICKS_PER_SECOND = 100;

function readStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** CPU seconds a process has used (NaN when it is gone or /proc is not there). */
export function processCpuSeconds(pid: number): number {
  const s = readStat(pid);
  return s ? s.ownTicks / TICKS_PER_SECOND : Number.NaN;
}

/**
 * CPU seconds of a process and all its children, living and exited (PostgreSQL's postmaster and
 * its backends): its own, what its waited-for children used, and each live child's own and theirs.
 */
export function treeCpuSeconds(pid: number): number {
  const root = readStat(pid);
  if (!root) return Number.NaN;
  let ticks = root.ownTicks + root.childTicks;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = readStat(Number(entry));
    if (s?.ppid === pid) ticks += s.ownTicks + s.childTicks;
  }
  return ticks / TICKS_PER_SECOND;
}

/** The parent of a process (PostgreSQL: a backend's parent is the postmaster); undefined when unknown. */
export function parentOf(pid: number): number | undefined {
  return readStat(pid)?.ppid;
}
