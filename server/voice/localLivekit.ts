import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import { createVoice } from './voice.js';

/** The livekit-server release the project pins (scripts/livekit.sh installs it). */
export const LIVEKIT_VERSION = '1.13.5';

export interface LivekitEndpoint {
  /** ws://127.0.0.1:<port>: the signalling address. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export interface LocalLivekit extends LivekitEndpoint {
  /** The running process (it changes when LiveKit is restarted after a crash). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Where scripts/livekit.sh installs the binary: the project's .tools/bin. The script builds it
 * once per machine from the Go module proxy and keeps the build in a cache outside the
 * checkout, so a fresh clone copies it instead of building.
 */
export function installedBinary(): string {
  return fileURLToPath(new URL(`../../.tools/bin/livekit-server-v${LIVEKIT_VERSION}`, import.meta.url));
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

/** A restart after an unexpected exit waits this long, doubling up to the cap. */
const RESTART_FIRST_MS = 1000;
const RESTART_MAX_MS = 30_000;
/** A run this long counts as healthy: the next crash starts the backoff from the beginning. */
const STABLE_MS = 60_000;

/**
 * Which of LiveKit's three ports (signalling TCP, media TCP, media UDP) another program holds,
 * if any: a second Hustings on the same machine, a LiveKit of its own, anything.
 */
export async function takenLivekitPort(port: number): Promise<{ port: number; protocol: 'TCP' | 'UDP' } | undefined> {
  const tcpFree = (p: number) => new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(p, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  const udpFree = (p: number) => new Promise<boolean>((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => { socket.close(); resolve(false); });
    socket.bind(p, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
  if (!await tcpFree(port)) return { port, protocol: 'TCP' };
  if (!await tcpFree(port + 1)) return { port: port + 1, protocol: 'TCP' };
  if (!await udpFree(port + 2)) return { port: port + 2, protocol: 'UDP' };
  return undefined;
}

/** What an operator reads when a port is taken: which one, and the variable that moves LiveKit. */
export function portTakenMessage(taken: { port: number; protocol: string }, base: number): string {
  return `voice: LiveKit's ${taken.protocol} port ${taken.port} is taken by another program (another Hustings or LiveKit on this machine?). `
    + `The embedded LiveKit uses LIVEKIT_PORT (now ${base}) and the next two ports; set LIVEKIT_PORT to move it.`;
}

/** True when the LiveKit answering on this port accepts our keys: ours, not another one. */
async function answersWithOurKeys(endpoint: LivekitEndpoint): Promise<boolean> {
  try {
    await createVoice(endpoint).listRooms();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the installed livekit-server with that config and waits until it answers. If it
 * exits unexpectedly later it is started again (with backoff), and browsers reconnect on their
 * own. If its port is taken at the start it is started as soon as the port is free (the log
 * says which port and which variable moves it). Returns undefined (and says why in the log)
 * when the binary is not installed: voice is then unavailable and everything else works.
 */
export async function startLocalLivekit(options: { dataDir: string; port: number; log: Logger; binary?: string; readyTimeoutMs?: number }): Promise<LocalLivekit | undefined> {
  const { log, port } = options;
  const binary = options.binary ?? installedBinary();
  if (!fs.existsSync(binary)) {
    log.warn({ binary }, 'voice unavailable: livekit-server is not installed (run scripts/livekit.sh install)');
    return undefined;
  }
  const { apiKey, apiSecret } = loadLivekitKeys(options.dataDir);
  const configFile = path.join(options.dataDir, 'livekit.yaml');
  fs.writeFileSync(configFile, livekitConfig({ port, apiKey, apiSecret }), { mode: 0o600 });
  const url = `ws://127.0.0.1:${port}`;
  const pidFile = path.join(options.dataDir, 'livekit.pid');
  await endLeftover(pidFile, configFile, log);
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;

  /** After an unexpected exit (or a refused attempt): try again later, each wait twice the last. */
  const scheduleRestart = () => {
    const wait = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** restarts++);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (stopping) return;
      void takenLivekitPort(port).then((taken) => {
        if (stopping) return;
        if (taken) {
          const next = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** restarts);
          log.error({ port: taken.port, protocol: taken.protocol, variable: 'LIVEKIT_PORT', restartInMs: next }, portTakenMessage(taken, port));
          scheduleRestart();
          return;
        }
        launch().then(() => log.info({ url }, 'embedded LiveKit is back'), (err: unknown) => {
          log.error({ err, restartInMs: Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** restarts) }, 'embedded LiveKit did not restart');
          if (!stopping && !child) scheduleRestart();
        });
      });
    }, wait);
    return wait;
  };

  /** One run of the process: resolves once it answers with our keys, rejects with its last output if it does not. */
  const launch = async (): Promise<void> => {
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.length > 50) output.shift();
    };
    const proc = spawn(binary, ['--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const startedAt = Date.now();
    let answered = false;
    child = proc;
    if (proc.pid !== undefined) fs.writeFileSync(pidFile, String(proc.pid), { mode: 0o600 });
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    exited = new Promise<void>((resolve) => proc.once('exit', (code, signal) => {
      resolve();
      // An exit before it answered is launch()'s failure, and its caller decides what next.
      if (stopping || child !== proc || !answered) return;
      child = undefined;
      if (Date.now() - startedAt > STABLE_MS) restarts = 0;
      const wait = scheduleRestart();
      log.error({ code, signal, output: output.join('').trim().slice(-400), restartInMs: wait }, 'embedded LiveKit exited; restarting it');
    }));
    const deadline = Date.now() + readyTimeoutMs;
    let ready = false;
    const running = () => proc.exitCode === null && proc.signalCode === null;
    while (!ready && Date.now() < deadline && running()) {
      // Answering is not enough: another LiveKit on this port answers too. Ours takes our keys.
      ready = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)
        && running() && await answersWithOurKeys({ url, apiKey, apiSecret });
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    if (!ready || !running()) {
      if (running()) {
        child = undefined;
        proc.kill('SIGKILL');
        await exited;
      } else if (child === proc) {
        child = undefined;
      }
      throw new Error(`livekit-server did not start on port ${port}: ${output.join('').trim().slice(-800) || 'no output'}`);
    }
    answered = true;
  };

  const taken = await takenLivekitPort(port);
  if (taken) {
    // Another program holds the port now (another instance, or a LiveKit left behind by a
    // process that was killed): the app starts without voice and LiveKit follows by itself
    // once the port is free, as after a crash, instead of staying voiceless until a restart.
    const wait = scheduleRestart();
    log.error({ port: taken.port, protocol: taken.protocol, variable: 'LIVEKIT_PORT', restartInMs: wait }, portTakenMessage(taken, port));
  } else {
    await launch();
    log.info({ url, binary }, 'embedded LiveKit started');
  }

  let stopped: Promise<void> | undefined;
  return {
    url, apiKey, apiSecret,
    get pid() {
      return child?.pid;
    },
    stop: () => (stopped ??= (async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      // LiveKit drains gracefully on the first signal and stops at once on a second.
      proc.kill('SIGTERM');
      const again = setTimeout(() => proc.kill('SIGTERM'), 500);
      const kill = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(again);
      clearTimeout(kill);
      fs.rmSync(pidFile, { force: true });
    })()),
  };
}

/**
 * A LiveKit this data directory started before and that outlived its app (the app was killed
 * without a chance to stop it) still holds the ports: end it. Only a process whose command line
 * names this data directory's config is touched.
 */
async function endLeftover(pidFile: string, configFile: string, log: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // Gone already (or no /proc here): nothing to end.
  }
  if (Number.isInteger(pid) && pid > 0 && cmdline.includes(configFile)) {
    log.warn({ pid }, 'ending a LiveKit left running by an earlier run of the app');
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 5000;
    while (fs.existsSync(`/proc/${pid}`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }
  fs.rmSync(pidFile, { force: true });
}
