import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { clusterRefusal } from './config.js';
import { createLogger } from './log.js';
import { startLocalLivekit, type LocalLivekit } from './voice/localLivekit.js';

/**
 * Several Hustings processes on one machine, one app (WORKERS=N scripts/start.sh): worker i
 * listens on PORT+i with its own PUBLIC_ADDRESS, all share DATABASE_URL (PostgreSQL, required)
 * and REDIS_URL (started here with scripts/redis.sh when unset), and one LiveKit (the embedded
 * one, started here, when LIVEKIT_URL is unset and VOICE is on). A worker that exits is started
 * again after a second; SIGINT/SIGTERM stop every worker, then what was started here.
 */
const run = promisify(execFile);
const env = process.env;
const log = createLogger(env.LOG_LEVEL ?? 'info');
const fail = (message: string): never => {
  log.fatal(message);
  process.exit(2);
};

const workers = Number(env.WORKERS ?? '1');
if (!Number.isInteger(workers) || workers < 1 || workers > 64) fail(`WORKERS must be a whole number from 1 to 64 (got '${env.WORKERS}')`);
const basePort = Number(env.PORT ?? '8080');
if (!Number.isInteger(basePort) || basePort < 1 || basePort + workers - 1 > 65535) fail(`PORT must leave room for ${workers} ports (got '${env.PORT}')`);
const host = env.HOST || '127.0.0.1';
const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
// PUBLIC_ADDRESS may hold {port}: events.example.org/{port} behind nginx (deploy/nginx.conf).
const addressTemplate = env.PUBLIC_ADDRESS || `${probeHost}:{port}`;
const addressOf = (port: number) => addressTemplate.replaceAll('{port}', String(port));

const refusal = clusterRefusal({ WORKERS: workers, DATABASE_URL: env.DATABASE_URL || undefined, REDIS_URL: 'redis://supervisor', VOICE: 'off', LIVEKIT_URL: undefined });
if (refusal) fail(refusal);

const stops: (() => Promise<void>)[] = [];
let redisUrl = env.REDIS_URL;
if (!redisUrl) {
  const { stdout } = await run('scripts/redis.sh', ['start'], { cwd: path.resolve(import.meta.dirname, '..'), env });
  redisUrl = /REDIS_URL=(\S+)/.exec(stdout)?.[1] ?? fail('scripts/redis.sh start printed no REDIS_URL');
  stops.push(async () => { await run('scripts/redis.sh', ['stop'], { cwd: path.resolve(import.meta.dirname, '..'), env }); });
}

const voice: Record<string, string> = {};
if ((env.VOICE ?? 'on') === 'on' && !env.LIVEKIT_URL) {
  const livekit: LocalLivekit | undefined = await startLocalLivekit({
    dataDir: path.resolve(env.DATA_DIR || 'data'), port: Number(env.LIVEKIT_PORT || '7880'), log, binary: env.LIVEKIT_BINARY || undefined,
  });
  if (livekit) {
    Object.assign(voice, { LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret });
    stops.push(() => livekit.stop());
  } else {
    voice.VOICE = 'off';
  }
}

const ports = Array.from({ length: workers }, (_, i) => basePort + i);
// Addresses on other ports of this host (no proxy in front): the page may open sockets to them.
const clusterAddresses = ports.map(addressOf).filter((a) => !a.includes('/')).join(',');
const children = new Map<number, ChildProcess>();
let stopping = false;

function startWorker(port: number): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'index.ts')], {
    env: { ...env, ...voice, PORT: String(port), HOST: host, REDIS_URL: redisUrl, PUBLIC_ADDRESS: addressOf(port), CLUSTER_ADDRESSES: clusterAddresses, WORKERS: String(workers) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.set(port, child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    log.error({ port, code, signal }, 'a worker exited; starting it again in 1 s');
    setTimeout(() => { if (!stopping) startWorker(port); }, 1000);
  });
  return child;
}

async function healthy(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the worker on port ${port} exited with code ${child.exitCode}`);
    if (await fetch(`http://${probeHost}:${port}/healthz`).then((r) => r.ok, () => false)) return;
    if (Date.now() > deadline) throw new Error(`the worker on port ${port} did not answer /healthz within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all([...children.values()].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  })));
  for (const stop of stops.reverse()) await stop().catch((err: unknown) => log.error({ err }, 'stopping a helper failed'));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    log.info({ signal }, 'stopping every worker');
    void stopAll().then(() => process.exit(0));
  });
}

try {
  // The first one alone: it migrates and seeds the database; then the rest.
  await healthy(ports[0]!, startWorker(ports[0]!));
  await Promise.all(ports.slice(1).map((port) => healthy(port, startWorker(port))));
} catch (err) {
  log.fatal({ err: String(err) }, 'the workers did not start');
  await stopAll();
  process.exit(1);
}
log.info({ workers, ports, addresses: ports.map(addressOf), redis: redisUrl.replace(/\/\/[^@]*@/, '//***@') }, `Hustings: ${workers} workers; open http://${probeHost}:${basePort}`);
