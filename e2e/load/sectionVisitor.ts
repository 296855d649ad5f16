import { getStateCallbacks, type Room } from 'colyseus.js';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { QuestionState } from '../../shared/schema/Hall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { effectKey, type VisitorReceipts } from './fanout.js';
import { HallVisitor, type VisitorHabits } from './hallVisitor.js';
import type { Random } from './random.js';
import { waitFor } from './stats.js';

/** host:port of the server process a room's socket went to (the seat reservation named it). */
export function socketAddress(room: Room): string {
  return new URL((room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url).host;
}

/** Tries at a free seat before standing for the rest of the run (another bot took each one first). */
const SEAT_TRIES = 5;

/**
 * A town-hall visitor in a section of a big event: enters wherever the server places it, sits in
 * a free seat of its section, then behaves as HallVisitor does. It notes, on Date.now(), when it
 * first saw each effect a moderator can have on every section: a question made public (approve),
 * a question on the stage screen (answer), a floor turn starting and ending (the holder's id).
 */
export class SectionVisitor extends HallVisitor {
  section = 0;
  joinedAt = Infinity;
  /** host:port of the server process this bot's socket went to. */
  address = '';
  private readonly effects = new Map<string, number>();
  private holder = '';
  private seatTries = 0;

  constructor(name: string, private readonly rand: Random, habits: VisitorHabits) {
    super(name, -1, rand, habits);
  }

  override clock(): number {
    return Date.now();
  }

  override async join(url: string, spaceId: string, token: string): Promise<Room<SpaceState>> {
    const room = await super.join(url, spaceId, token);
    this.address = socketAddress(room);
    room.onStateChange((state) => this.watchFloor(state));
    room.onMessage(ServerMessage.Error, (e: ErrorPayload) => {
      if (e.ref === ClientMessage.Sit && e.code === 'CONFLICT') this.retrySeat = true;
    });
    await waitFor(() => (room.state.hall?.section ?? 0) > 0, 15_000, `${this.name}'s section`);
    this.section = room.state.hall.section;
    // The questions already public are noted now (before any action this run measures), new ones as they come.
    getStateCallbacks(room)(room.state.hall).questions.onAdd((_q: QuestionState, id: string) => this.note(effectKey('approve', id)));
    this.joinedAt = Date.now();
    return room;
  }

  /** Set when the seat this bot asked for was taken first; the driver picks another. */
  retrySeat = false;

  /**
   * Sits in a free seat of its section: none any avatar holds, nor one this process's bots in the
   * same room asked for (`claimed`). False when the section has no free seat or the tries ran out.
   */
  sitSomewhere(seats: number, claimed: Set<number>): boolean {
    const room = this.room;
    if (!room || this.disconnected || this.seatTries >= SEAT_TRIES) return false;
    this.retrySeat = false;
    const taken = new Set(claimed);
    room.state.avatars.forEach((a) => { if (a.seat >= 0) taken.add(a.seat); });
    const free: number[] = [];
    for (let i = 0; i < seats; i++) if (!taken.has(i)) free.push(i);
    if (free.length === 0) return false;
    this.seatTries++;
    this.seat = free[Math.floor(this.rand() * free.length)]!;
    claimed.add(this.seat);
    this.sit();
    return true;
  }

  receipts(): VisitorReceipts {
    const seen = new Map(this.effects);
    for (const [id, at] of this.sawAnswering) seen.set(effectKey('answer', id), at);
    return { section: this.section, joinedAt: this.joinedAt, goneAt: this.disconnected ? this.disconnectedAt : Infinity, seen };
  }

  private note(key: string): void {
    if (!this.effects.has(key)) this.effects.set(key, Date.now());
  }

  /** The floor as this section shows it: whoever holds it, in this section or another. */
  private watchFloor(state: SpaceState): void {
    const holder = state.hall?.floor.holder ?? '';
    if (holder === this.holder) return;
    if (this.holder) this.note(effectKey('floorEnd', this.holder));
    if (holder) this.note(effectKey('floorCall', holder));
    this.holder = holder;
  }
}
