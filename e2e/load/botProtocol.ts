import type { SpaceLayout } from '../../shared/spaces/layout.js';

/** What the load tool's parent tells a bot process (botWorker.ts), phase by phase. */
export type ToWorker =
  | { kind: 'start'; url: string; layout: SpaceLayout; names: string[]; seed: number; ramp: number; pauseSeconds: number }
  | { kind: 'mark' }
  | { kind: 'report' }
  | { kind: 'leave' };

/** A bot process's figures for the measured window (since 'mark'). */
export interface WorkerReport {
  kind: 'report';
  /** Bytes each still-connected bot received in the window. */
  bytes: number[];
  connected: number;
  disconnects: number;
  errors: number;
  /** Motion frames the bots decoded in the whole run. */
  motionFrames: number;
  /** This process's CPU over the window, in % of one core. */
  cpuPct: number;
  /** Of cpuPct, the part spent in the kernel (socket reads and writes). */
  cpuSystemPct: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  wallS: number;
}

export type FromWorker =
  | { kind: 'say'; message: string }
  | { kind: 'joined' }
  | { kind: 'marked' }
  | WorkerReport
  | { kind: 'left' }
  | { kind: 'failed'; message: string };
