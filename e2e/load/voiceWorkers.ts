import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SpaceLayout } from '../../shared/spaces/layout.js';

/**
 * Bots in several processes. rtc-node hands every FFI event to every Room in the process (each
 * through an async lock), so one process with a hundred Rooms spends its time dispatching: joins
 * crawled past ~50 bots and, past ~60, the bots' LiveKit connections began reconnecting and
 * rtc-node crashed ("trying to drop an invalid handle"). With ~20 bots a process it does not.
 */

/** One bot a worker runs: it enters the space as a guest, then sits, walks or stands; it joins LiveKit. */
export interface BotSpec {
  index: number;
  name: string;
  /** Town hall: the seat it takes. */
  seat?: number;
  /** Walks about the space as the load tool's walkers do. */
  walk?: boolean;
  /** Publishes a tone (in open voice; in stage mode only once its grant allows). */
  talk?: boolean;
}

export interface WorkerStart {
  type: 'start';
  url: string;
  livekitUrl: string;
  layout: SpaceLayout;
  seed: number;
  /** Joins per second in this worker. */
  ramp: number;
  bots: BotSpec[];
  /** Read the audio of every subscribed track (frame counts); off: subscribe only. */
  countFrames: boolean;
  frameSizeMs: number;
  /** What the voice token must say, else the bot counts as not joined. */
  expect: { mode: string; canPublish: boolean };
}

/** What one bot reports. */
export interface BotStats {
  name: string;
  sessionId: string;
  /** Identities subscribed now, and whether that matches what the hearing rules chose. */
  subscribed: string[];
  /** What the hearing rules chose last: subscribed ones still missing, and ones subscribed but no longer chosen. */
  chosen: number;
  missing: number;
  extra: number;
  subscribeChanges: number;
  /** Ask → TrackSubscribed times (ms) since the last mark. */
  subscribeMs: number[];
  failures: number;
  reconnects: number;
  disconnects: number;
  publishing: boolean;
  /** Per asked-for identity: audio received from its latest track. */
  heard: Record<string, { seconds: number; audibleSeconds: number; frames: number }>;
}

export type ToWorker = WorkerStart | { type: 'stats'; id: number; voices: string[] } | { type: 'mark' } | { type: 'stop' };
export type FromWorker =
  | { type: 'joined'; joined: number; errors: Record<string, number> }
  | { type: 'progress'; joined: number }
  | { type: 'stats'; id: number; bots: BotStats[]; loopDelayP99Ms: number; invalidHandleDrops: number }
  | { type: 'stopped' };

/** What the workers report together. */
export interface WorkerFigures {
  bots: BotStats[];
  /** The worst worker's event-loop delay (p99) since the last mark. */
  loopDelayP99Ms: number;
  /** rtc-node's "trying to drop an invalid handle", tolerated (see tolerateInvalidHandleDrops). */
  invalidHandleDrops: number;
}

const WORKER = fileURLToPath(new URL('./voiceWorker.ts', import.meta.url));

/** A few child processes, each running a slice of the bots; asked for their figures over IPC. */
export class BotWorkers {
  private readonly children: ChildProcess[] = [];
  private nextId = 0;

  get pids(): number[] {
    return this.children.map((c) => c.pid).filter((p): p is number => p !== undefined);
  }

  /**
   * Starts `workers` processes and deals the bots out to them round-robin; resolves when every
   * worker has joined its bots, with the join errors by message.
   */
  async start(options: Omit<WorkerStart, 'type' | 'bots' | 'ramp'> & { bots: BotSpec[]; ramp: number; workers: number; onProgress?: (joined: number) => void }): Promise<{ joined: number; errors: Map<string, number> }> {
    const n = Math.max(1, Math.min(options.workers, options.bots.length));
    const progress = new Array<number>(n).fill(0);
    const results = await Promise.all(Array.from({ length: n }, async (_, w) => {
      const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      this.children.push(child);
      const bots = options.bots.filter((_, i) => i % n === w);
      const done = new Promise<{ joined: number; errors: Record<string, number> }>((resolve, reject) => {
        child.on('message', (m: FromWorker) => {
          if (m.type === 'progress') {
            progress[w] = m.joined;
            options.onProgress?.(progress.reduce((a, b) => a + b, 0));
          } else if (m.type === 'joined') {
            resolve(m);
          }
        });
        child.once('exit', (code) => reject(new Error(`bot worker ${w + 1} exited (code ${code}) before its bots had joined`)));
      });
      const start: WorkerStart = { ...options, type: 'start', bots, ramp: options.ramp / n };
      child.send(start satisfies ToWorker);
      return done;
    }));
    const errors = new Map<string, number>();
    for (const r of results) for (const [k, v] of Object.entries(r.errors)) errors.set(k, (errors.get(k) ?? 0) + v);
    return { joined: results.reduce((s, r) => s + r.joined, 0), errors };
  }

  /** Every bot's figures now, with audio from these identities; and the workers' worst loop delay since the mark. */
  async stats(voices: string[] = []): Promise<WorkerFigures> {
    const id = ++this.nextId;
    const replies = await Promise.all(this.children.map((child) => new Promise<WorkerFigures>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type !== 'stats' || m.id !== id) return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      if (!child.connected) reject(new Error('a bot worker is gone'));
      else child.send({ type: 'stats', id, voices } satisfies ToWorker);
    })));
    return {
      bots: replies.flatMap((r) => r.bots),
      loopDelayP99Ms: Math.max(0, ...replies.map((r) => r.loopDelayP99Ms)),
      invalidHandleDrops: replies.reduce((s, r) => s + r.invalidHandleDrops, 0),
    };
  }

  /** Starts the workers' loop-delay measurement afresh. */
  mark(): void {
    for (const child of this.children) if (child.connected) child.send({ type: 'mark' } satisfies ToWorker);
  }

  /** Asks each worker to leave and exit; kills any that has not after 15 s. */
  async stop(): Promise<void> {
    await Promise.all(this.children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.connected) child.send({ type: 'stop' } satisfies ToWorker);
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }));
  }

  /** For an exit handler: end them now. */
  killAll(): void {
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}
