import { Client, Protocol, type Room } from 'colyseus.js';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import { MOTION_MESSAGE, readFrame } from '../../shared/protocol/motion.js';
import { REACTIONS, type Ack, type ModerationQueue, type MyQuestions, type ReactionBurst } from '../../shared/protocol/townhall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { tally } from './stats.js';

const ignore = (): void => undefined;

interface RawSocket { addEventListener(type: 'message', listener: (e: { data: ArrayBuffer }) => void): void }

/**
 * One connection to a town hall, as a browser holds it: colyseus.js decodes every patch, every
 * server message type has a handler, and it notes what it received and when it first saw each
 * question on the stage screen (`state.hall.answering`). The visitor and staff bots build on it.
 */
export class HallPeer {
  room: Room<SpaceState> | undefined;
  /** Bytes received on the socket: all of it, and the part that was state (full state and patches). */
  bytesReceived = 0;
  stateBytes = 0;
  framesReceived = 0;
  /** Refusals received, by "ref code" (the server answers at most 4 a second unless forced). */
  readonly refusals = new Map<string, number>();
  /** Reaction bursts received and the reactions they added up to. */
  reactionBursts = 0;
  reactionsCounted = 0;
  /** The connection closed without us leaving; with the close code. */
  disconnected = false;
  disconnectedAt = Infinity;
  closeCode: number | undefined;
  /** clock() when this connection first saw each question id as the one being answered. */
  readonly sawAnswering = new Map<string, number>();
  private lastAnswering = '';
  private leaving = false;

  constructor(readonly name: string) {}

  get connected(): boolean {
    return this.room !== undefined && !this.disconnected;
  }

  async join(url: string, spaceId: string, token: string): Promise<Room<SpaceState>> {
    const room = await new Client(url).joinOrCreate<SpaceState>('space', { spaceId, token });
    this.room = room;
    const ws = (room.connection as unknown as { transport: { ws: RawSocket } }).transport.ws;
    ws.addEventListener('message', (e) => {
      this.framesReceived++;
      this.bytesReceived += e.data.byteLength;
      const code = new Uint8Array(e.data, 0, 1)[0];
      if (code === Protocol.ROOM_STATE || code === Protocol.ROOM_STATE_PATCH) this.stateBytes += e.data.byteLength;
    });
    room.onMessage(ServerMessage.Error, (e: ErrorPayload) => tally(this.refusals, `${e.ref ?? '-'} ${e.code}`));
    room.onMessage(ServerMessage.Ack, (a: Ack) => this.onAck(a));
    room.onMessage(ServerMessage.Queue, (q: ModerationQueue) => this.onQueue(q));
    room.onMessage(ServerMessage.Mine, (m: MyQuestions) => this.onMine(m));
    room.onMessage(ServerMessage.Reactions, (b: ReactionBurst) => {
      this.reactionBursts++;
      for (const kind of REACTIONS) this.reactionsCounted += b.counts[kind] ?? 0;
    });
    room.onMessage(ServerMessage.Portal, () => undefined);
    room.onMessage(ServerMessage.Bans, () => undefined);
    // Others' movement, decoded as a browser would (its cost is part of what a visitor pays).
    room.onMessage(MOTION_MESSAGE, (bytes: Uint8Array) => { readFrame(bytes, ignore, ignore); });
    room.onStateChange((state) => this.watch(state));
    room.onLeave((code) => {
      if (this.leaving) return;
      this.disconnected = true;
      this.disconnectedAt = this.clock();
      this.closeCode = code;
    });
    return room;
  }

  async leave(): Promise<void> {
    this.leaving = true;
    await this.room?.leave(true).catch(() => undefined);
  }

  /** After every decoded patch: has the stage screen changed? */
  private watch(state: SpaceState): void {
    const answering = state.hall?.answering ?? '';
    if (answering === this.lastAnswering) return;
    this.lastAnswering = answering;
    if (!answering) return;
    if (!this.sawAnswering.has(answering)) this.sawAnswering.set(answering, this.clock());
    this.onAnswering(answering);
  }

  /**
   * The clock receipts are noted on: performance.now() in one process; bots in several processes
   * that must be compared with a sender elsewhere use Date.now() (one machine, one clock).
   */
  clock(): number {
    return performance.now();
  }

  protected onAnswering(_id: string): void { /* for subclasses */ }
  protected onAck(_ack: Ack): void { /* for subclasses */ }
  protected onQueue(_queue: ModerationQueue): void { /* for subclasses */ }
  protected onMine(_mine: MyQuestions): void { /* for subclasses */ }
}
