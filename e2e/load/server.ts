import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { freePort } from '../freePort.js';

/** A server the load tool started as a child process (or none, with --url). */
export interface LoadServer {
  url: string;
  child: ChildProcess | undefined;
  /** With voice on: the embedded LiveKit's signalling address, for bots (browsers use the app's /livekit). */
  livekitUrl?: string;
}

export interface StartOptions {
  /** Run with VOICE=on and the embedded livekit-server on free ports (default: VOICE from the environment, else off). */
  voice?: boolean;
  /** Listen on this port (default: a free one the system picks). */
  port?: number;
}

async function portFree(port: number, kind: 'tcp' | 'udp'): Promise<boolean> {
  return new Promise((resolve) => {
    if (kind === 'udp') {
      const socket = dgram.createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
      return;
    }
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port whose next two are free as well: LiveKit's signalling, TCP media and UDP media ports. */
async function freeLivekitPorts(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort();
    if (port > 65533) continue;
    if (await portFree(port + 1, 'tcp') && await portFree(port + 2, 'udp')) return port;
  }
  throw new Error('found no three free ports in a row for the embedded LiveKit');
}

/** Starts `server/index.ts` on a free port with this data directory and waits for /healthz. */
export async function startServer(dataDir: string, maxClients: number, options: StartOptions = {}): Promise<LoadServer> {
  const port = options.port ?? await freePort();
  const livekitPort = options.voice ? await freeLivekitPorts() : undefined;
  const voice = livekitPort !== undefined ? { VOICE: 'on', LIVEKIT_PORT: String(livekitPort), LIVEKIT_URL: '', LIVEKIT_API_KEY: '', LIVEKIT_API_SECRET: '' } : { VOICE: process.env.VOICE ?? 'off' };
  // /metrics answers only the bearer token (README, Security): scrape() sends the same one.
  process.env.METRICS_TOKEN ||= randomBytes(24).toString('base64url');
  // LOAD_SERVER_NODE_ARGS: extra options for the server's node (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
  const nodeArgs = (process.env.LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...voice, MAX_CLIENTS_PER_SPACE: String(maxClients), DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const http = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${http}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the server did not answer /healthz within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const livekitUrl = livekitPort !== undefined ? `ws://127.0.0.1:${livekitPort}` : undefined;
  return { url: `ws://127.0.0.1:${port}`, child, ...(livekitUrl ? { livekitUrl } : {}) };
}

/** Stops a server we started and waits for it to exit (SIGKILL after 10 s). */
export async function stopServer(server: LoadServer): Promise<void> {
  const child = server.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Creates an admin account in a data directory with the admin CLI, as an operator would
 * (`npm run admin -- create`); an admin may do everything a host or moderator may.
 */
export async function createAdmin(dataDir: string, account: { email: string; password: string; name: string }): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', 'create', '--email', account.email, '--name', account.name], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HUSTINGS_ADMIN_PASSWORD: account.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the admin CLI failed (exit ${code}): ${output.trim()}`);
}
