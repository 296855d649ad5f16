import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../log.js';

/** The livekit-server release the project pins (scripts/livekit.sh builds and caches it). */
export const LIVEKIT_VERSION = '1.13.5';

export interface LivekitEndpoint {
  /** ws://127.0.0.1:<port>: the signalling address. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export interface LocalLivekit extends LivekitEndpoint {
  stop(): Promise<void>;
}

/** Where scripts/livekit.sh puts the binary (HUSTINGS_CACHE, else ~/.cache/hustings). */
export function cachedBinary(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.HUSTINGS_CACHE ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'hustings');
  return path.join(cache, `livekit-server-v${LIVEKIT_VERSION}`);
}

/**
 * API key and secret for the embedded LiveKit: generated once and kept under DATA_DIR
 * (readable by this user only), like the session secret.
 */
export function loadLivekitKeys(dataDir: string): { apiKey: string; apiSecret: string } {
  const file = path.join(dataDir, 'livekit-keys.json');
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { apiKey?: unknown; apiSecret?: unknown };
    if (typeof stored.apiKey === 'string' && typeof stored.apiSecret === 'string') return { apiKey: stored.apiKey, apiSecret: stored.apiSecret };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const keys = { apiKey: `hustings${randomBytes(6).toString('hex')}`, apiSecret: randomBytes(32).toString('base64url') };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/**
 * The config of the embedded LiveKit: loopback signalling, one TCP and one UDP port for media,
 * no external STUN servers (a self-hosted install works without the internet), our keys.
 */
export function livekitConfig(options: { port: number; apiKey: string; apiSecret: string; logLevel?: string }): string {
  return [
    `port: ${options.port}`,
    'bind_addresses:',
    '  - 127.0.0.1',
    'rtc:',
    `  tcp_port: ${options.port + 1}`,
    `  udp_port: ${options.port + 2}`,
    '  use_external_ip: false',
    '  stun_servers: []',
    'keys:',
    `  ${options.apiKey}: ${options.apiSecret}`,
    'logging:',
    `  level: ${options.logLevel ?? 'warn'}`,
    '',
  ].join('\n');
}

/**
 * Starts the cached livekit-server with that config and waits until it answers. Returns
 * undefined (and says why in the log) when the binary has not been built: voice is then
 * unavailable and everything else works.
 */
export async function startLocalLivekit(options: { dataDir: string; port: number; log: Logger; binary?: string; readyTimeoutMs?: number }): Promise<LocalLivekit | undefined> {
  const binary = options.binary ?? cachedBinary();
  if (!fs.existsSync(binary)) {
    options.log.warn({ binary }, 'voice unavailable: livekit-server is not built (run scripts/livekit.sh install)');
    return undefined;
  }
  const { apiKey, apiSecret } = loadLivekitKeys(options.dataDir);
  const configFile = path.join(options.dataDir, 'livekit.yaml');
  fs.writeFileSync(configFile, livekitConfig({ port: options.port, apiKey, apiSecret }), { mode: 0o600 });
  const child: ChildProcess = spawn(binary, ['--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `ws://127.0.0.1:${options.port}`;

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  let ready = false;
  while (!ready && Date.now() < deadline && child.exitCode === null) {
    ready = await fetch(`http://127.0.0.1:${options.port}/`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  if (!ready) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`livekit-server did not start on port ${options.port}: ${output.join('').trim().slice(-800) || 'no output'}`);
  }
  options.log.info({ url, binary }, 'embedded LiveKit started');

  let stopping: Promise<void> | undefined;
  return {
    url, apiKey, apiSecret,
    stop: () => (stopping ??= (async () => {
      if (child.exitCode !== null) return;
      // LiveKit drains gracefully on the first signal and stops at once on a second.
      child.kill('SIGTERM');
      const again = setTimeout(() => child.kill('SIGTERM'), 500);
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(again);
      clearTimeout(kill);
    })()),
  };
}
