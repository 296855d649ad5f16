import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from '../freePort.js';

/**
 * A real server process (`server/index.ts` under tsx) for the hostile suite: its own port and
 * data directory, stderr counted (stack traces per frame are a finding of their own), and
 * killable with SIGKILL and startable again on the same port and data.
 */
export interface ServerProcess {
  readonly port: number;
  readonly http: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Bytes the process wrote to stderr so far. */
  stderrBytes(): number;
  /** The last few kB of stderr (for a report when it died). */
  stderrTail(): string;
  /** Set once the process has exited: its code or signal. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Resident memory of the process in bytes, from /proc (undefined once it exited). */
  rss(): number | undefined;
  /** CPU seconds the process used so far (user + system), from /proc. */
  cpuSeconds(): number | undefined;
}

export interface ServerOptions {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** Let the server's log lines through to this process's stderr (default: keep them). */
  echo?: boolean;
  readyTimeoutMs?: number;
}

const CLOCK_TICKS = 100;

export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const port = options.port ?? await freePort();
  // /metrics needs a bearer token (server/http/gate.ts); the scrapes read it from the environment.
  process.env.METRICS_TOKEN ||= randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VOICE: 'off',
      MAX_CLIENTS_PER_SPACE: '600', DATA_DIR: options.dataDir, ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errBytes = 0;
  let tail = '';
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  child.stderr.on('data', (d: Buffer) => {
    errBytes += d.length;
    tail = (tail + d.toString('utf8')).slice(-4000);
    if (options.echo) process.stderr.write(d);
  });
  child.stdout.on('data', (d: Buffer) => { if (options.echo) process.stderr.write(d); });
  child.once('exit', (code, signal) => { exited = { code, signal }; });
  const proc: ServerProcess = {
    port, child, http: `http://127.0.0.1:${port}`, url: `ws://127.0.0.1:${port}`,
    stderrBytes: () => errBytes,
    stderrTail: () => tail,
    exit: () => exited,
    rss: () => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    cpuSeconds: () => {
      try {
        const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      } catch {
        return undefined;
      }
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`the server exited during start-up (code ${exited.code}, signal ${exited.signal}): ${tail.slice(-1500)}`);
    if (await healthy(proc.http)) return proc;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within ${options.readyTimeoutMs ?? 60_000} ms: ${tail.slice(-1500)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One /healthz request with a short timeout: true when it answered 200. */
export async function healthy(http: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(`${http}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** Ends the process: SIGTERM (or the given signal), SIGKILL after 10 s; resolves once it exited. */
export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.exit()) return;
  const done = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill(signal);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}
