import type { BallotsLive } from '../../shared/protocol/ballots.js';
import type { Logger } from '../log.js';

/** Broadcasts go out at most this often while allocations keep changing (the last change is always sent). */
export const BALLOT_RELAY_MS = 250;
/** setTimeout's longest wait. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;

export interface BallotRelayDeps {
  /** The space's ballots as rooms show them, read from the store. */
  load(now: Date): Promise<BallotsLive>;
  broadcast(live: BallotsLive): void;
  log: Logger;
  now?: () => Date;
}

/**
 * Tells everyone in a room about its space's ballots when one changes (over HTTP, in any room):
 * changes are coalesced (one read of the store at a time, at most one broadcast per
 * BALLOT_RELAY_MS), and a ballot that opens or closes by its own times is announced then.
 */
export class BallotRelay {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private clockTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private pending = false;
  private lastSent = 0;
  private disposed = false;

  constructor(private readonly deps: BallotRelayDeps) {}

  /** Reads the ballots once without telling anyone, to know when the next one opens or closes by its times. */
  start(): void {
    const now = this.deps.now?.() ?? new Date();
    this.deps.load(now).then((live) => {
      if (!this.disposed) this.watchClock(live, now);
    }, (err: unknown) => this.deps.log.error({ err }, 'reading ballots for the room failed'));
  }

  /** Something changed: a broadcast follows soon. */
  changed(): void {
    if (this.disposed) return;
    this.pending = true;
    if (this.running || this.timer) return;
    const wait = Math.max(0, this.lastSent + BALLOT_RELAY_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, wait);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.clockTimer);
  }

  private async send(): Promise<void> {
    if (this.disposed) return;
    this.pending = false;
    this.running = true;
    const now = this.deps.now?.() ?? new Date();
    try {
      const live = await this.deps.load(now);
      if (this.disposed) return;
      this.deps.broadcast(live);
      this.lastSent = Date.now();
      this.watchClock(live, now);
    } catch (err) {
      this.deps.log.error({ err }, 'reading ballots for the room failed');
    } finally {
      this.running = false;
      if (this.pending) this.changed();
    }
  }

  /** The next opening or closing time still ahead: announce the new phase when it comes. */
  private watchClock(live: BallotsLive, now: Date): void {
    clearTimeout(this.clockTimer);
    const ahead = live.ballots.flatMap(({ ballot }) => [ballot.opensAt, ballot.closesAt])
      .map((t) => (t === null ? Number.NaN : Date.parse(t) - now.getTime()))
      .filter((ms) => ms > 0);
    if (ahead.length === 0) return;
    this.clockTimer = setTimeout(() => this.changed(), Math.min(Math.min(...ahead) + 5, LONGEST_WAIT_MS));
  }
}
