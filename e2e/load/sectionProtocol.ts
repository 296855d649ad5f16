import type { FanoutTally, ModeratorAction } from './fanout.js';
import type { VisitorHabits } from './hallVisitor.js';

/** What the sections scenario's parent tells a bot process (sectionWorker.ts), phase by phase. */
export type ToSectionWorker =
  | {
    kind: 'start';
    /** Every server process's ws:// address: bot i enters through urls[i % urls.length]. */
    urls: string[];
    spaceId: string;
    /** The bots of this process: their global numbers (bot-<n>). */
    numbers: number[];
    seed: number;
    /** Joins per second from this process. */
    ramp: number;
    habits: VisitorHabits;
    /** Seats in the hall: a bot sits in a free one of its section. */
    seats: number;
  }
  /** Start the visitors' habits for the window; measure CPU and loop lag from now. */
  | { kind: 'go'; windowMs: number }
  /** The window is over: stop the habits, freeze CPU and loop lag. */
  | { kind: 'stop' }
  /** Tally what the visitors saw of these actions. */
  | { kind: 'report'; actions: ModeratorAction[] }
  | { kind: 'leave' };

/** One section as one bot process saw it. */
export interface SectionSeen {
  roomId: string;
  section: number;
  /** host:port of the server process the bots' sockets went to. */
  address: string;
  bots: number;
  seated: number;
}

/** A bot process's figures. */
export interface SectionWorkerReport {
  kind: 'report';
  bots: number;
  connected: number;
  disconnects: number;
  closeCodes: Record<string, number>;
  joinErrors: Record<string, number>;
  /** Joins that worked on a second or third try (a section opening at the same moment, say). */
  joinRetries: number;
  refusals: Record<string, number>;
  sections: SectionSeen[];
  asks: number;
  votes: number;
  reactions: number;
  hands: number;
  fanout: FanoutTally;
  /** Over the window: this process's CPU in % of one core, its event-loop lag, its memory. */
  cpuPct: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  rssMB: number;
}

export type FromSectionWorker =
  | { kind: 'say'; message: string }
  | { kind: 'joined'; joined: number }
  | { kind: 'going' }
  | { kind: 'stopped' }
  | SectionWorkerReport
  | { kind: 'left' }
  | { kind: 'failed'; message: string };
