import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { round } from './stats.js';

/** Clock ticks per second, the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** One process's stat line: its parent and its CPU seconds so far (user + system, all threads). */
function readStat(pid: number): { ppid: number; cpuSeconds: number } | undefined {
  let line: string;
  try {
    line = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
}

/** The livekit-server a server process started (its child running that binary), if any. */
export function findLivekitChild(serverPid: number): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || readStat(pid)?.ppid !== serverPid) continue;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    if (cmdline.includes('livekit-server')) return pid;
  }
  return undefined;
}

/** Named processes (or groups of them, summed) whose CPU time is read at the start and end of a window. */
export class CpuWindow {
  private readonly start = new Map<string, number>();
  private t0 = 0;
  private machine0 = { busy: 0, total: 0 };
  /** The bots' own event loop: when it lags, the bots' timings include their own queueing. */
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  constructor(private readonly processes: Record<string, number | readonly number[] | undefined>) {}

  begin(): void {
    this.t0 = performance.now();
    this.machine0 = machineTicks();
    this.loop.reset();
    this.loop.enable();
    for (const [name, pids] of Object.entries(this.processes)) {
      const seconds = cpuSeconds(pids);
      if (seconds !== undefined) this.start.set(name, seconds);
    }
  }

  /**
   * CPU % of each process over the window (100 = one core busy), and of the whole machine
   * (100 = every core busy).
   */
  end(): Record<string, number> {
    const wall = (performance.now() - this.t0) / 1000;
    const result: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.processes)) {
      const seconds = cpuSeconds(pids);
      const before = this.start.get(name);
      if (seconds !== undefined && before !== undefined) result[name] = round(((seconds - before) / wall) * 100, 1);
    }
    const machine = machineTicks();
    this.loop.disable();
    result.botsLoopDelayP99Ms = round(Math.max(0, this.loop.percentile(99) / 1e6 - 10), 1);
    result.machineBusyPct = round(((machine.busy - this.machine0.busy) / Math.max(1, machine.total - this.machine0.total)) * 100, 1);
    return result;
  }
}

/** CPU seconds so far of a process, or the sum of a group (undefined if one is gone). */
function cpuSeconds(pids: number | readonly number[] | undefined): number | undefined {
  if (pids === undefined) return undefined;
  let total = 0;
  for (const pid of typeof pids === 'number' ? [pids] : pids) {
    const stat = readStat(pid);
    if (!stat) return undefined;
    total += stat.cpuSeconds;
  }
  return total;
}

/** The machine's busy and total CPU ticks so far (/proc/stat's first line). */
function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

/** One line for readers: the machine the figures come from. */
export function machineNote(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), shared by the Node server, livekit-server and the bots' own processes`;
}
