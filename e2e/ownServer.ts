import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.js';

/**
 * A server a spec starts and stops itself (the config's webServer cannot be restarted from a
 * test): `node --import tsx server/index.ts` on its own port, with its own data directory, the
 * test build of the client, stopped with SIGTERM as an operator's restart would.
 */
export interface OwnServer {
  readonly url: string;
  readonly dataDir: string;
  /** Start it (again, on the same port and data directory) and wait for /healthz. */
  start(): Promise<void>;
  /** SIGTERM, and wait for the process to exit; resolves with its exit code. */
  stop(): Promise<number | null>;
  /** Stop it if it runs and remove the data directory (for afterAll). */
  dispose(): Promise<void>;
}

/**
 * `exampleExhibition`: seed the exhibition hall's example exhibition on the first start (off: specs
 * count their own exhibits). `env`: more settings for this server (e.g. a small MAX_CLIENTS_PER_SPACE).
 */
export async function ownServer(options: { exampleExhibition?: boolean; env?: Record<string, string> } = {}): Promise<OwnServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-e2e-own-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const running = () => child !== null && child.exitCode === null && child.signalCode === null;

  const stop = async (): Promise<number | null> => {
    const c = child;
    if (!c || !running()) return c?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code)));
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const start = async (): Promise<void> => {
    if (running()) throw new Error('the server is already running');
    output = '';
    const c = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: 'dist/client-test',
        LOG_LEVEL: 'warn', RECONNECT_SECONDS: '5', EXAMPLE_EXHIBITION: options.exampleExhibition ? 'on' : 'off',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    const keep = (d: Buffer) => { output = (output + d.toString()).slice(-4000); };
    c.stdout.on('data', keep);
    c.stderr.on('data', keep);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!running()) throw new Error(`the server exited (${c.exitCode ?? c.signalCode}) before it was ready:\n${output}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the server did not answer /healthz within 60 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  return {
    url,
    dataDir,
    start,
    stop,
    dispose: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
