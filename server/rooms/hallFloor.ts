import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import {
  FloorCallMessage, FloorEndMessage, FloorExtendMessage, FloorReleaseMessage, HandMessage, SitMessage, StandMessage,
} from '../../shared/protocol/townhall.js';
import type { z } from 'zod';
import { actorOf } from '../auth/sessions.js';
import {
  checkCall, checkRelease, checkStillFree, extendedEndsAt, handAfter, handsOpen, liveEventId, returnPlace, turnEndsAt, turnToEnd,
} from '../domain/floorMic.js';
import { identityKey } from '../domain/questions.js';
import type { Place } from '../domain/seats.js';
import { leftSection, type SectionOrder } from '../domain/sectionOrders.js';
import { handOrder, turnAbandoned } from '../domain/stageMirror.js';
import { StoreError } from '../store/errors.js';
import type { HallContext, Register } from './hallContext.js';
import { Refusal, type Occupant } from './occupant.js';
import { ErrorCode } from '../../shared/protocol/errors.js';

/**
 * Seats, hands and the floor microphone in a hall: the rules are server/domain/seats.ts and
 * floorMic.ts; this writes the turn to the store first, then the room state.
 */
export class HallFloor {
  private hands = 0;

  constructor(private readonly ctx: HallContext) {}

  register(on: Register): void {
    on(ClientMessage.Sit, SitMessage, 'Sitting is {seat} with a seat number.', (id, who, m) => this.sit(id, who, m.seat));
    on(ClientMessage.Stand, StandMessage, 'Standing takes no fields.', (_id, who) => this.stand(who));
    on(ClientMessage.Hand, HandMessage, 'A hand is {up}.', (_id, who, m) => {
      // Numbered by the millisecond it went up, so hands in every section queue together.
      const next = () => (this.hands = handOrder(Date.now(), this.hands));
      who.avatar.hand = handAfter(who.avatar.hand, m.up, who.atMic, next, handsOpen(this.ctx.event?.state));
    });
    on(ClientMessage.FloorCall, FloorCallMessage, 'Calling to the floor is {sessionId, seconds?}.', (id, who, m) => this.call(id, who, m));
    // A turn another section runs is ended or extended there; a refusal from there reaches the moderator.
    on(ClientMessage.FloorEnd, FloorEndMessage, 'Ending the turn takes no fields.', async () => {
      const elsewhere = this.ctx.floor ? undefined : this.ctx.sections?.floorElsewhere();
      if (elsewhere) await this.ctx.sections!.ask({ to: elsewhere.from, action: 'end' }, elsewhere.section);
      else await this.endTurn('ended by a moderator');
    });
    on(ClientMessage.FloorExtend, FloorExtendMessage, 'Extending is {seconds}.', async (_id, _who, m) => {
      const elsewhere = this.ctx.floor ? undefined : this.ctx.sections?.floorElsewhere();
      if (elsewhere) await this.ctx.sections!.ask({ to: elsewhere.from, action: 'extend', seconds: m.seconds }, elsewhere.section);
      else this.extend(m.seconds);
    });
    on(ClientMessage.FloorRelease, FloorReleaseMessage, 'Giving the mic back takes no fields.', (id) => {
      checkRelease(this.ctx.floor, id);
      return this.endTurn('given back');
    });
  }

  /** Someone left for good: their seat goes, and their turn at the mic ends. */
  async onGone(sessionId: string, o: Occupant): Promise<void> {
    this.ctx.seats.vacate(o.avatar);
    if (this.ctx.floor?.sessionId === sessionId) await this.endTurn('left the room');
  }

  private sit(sessionId: string, o: Occupant, index: number): void {
    const sitter = { seat: o.avatar.seat, atMic: o.atMic };
    const spot = this.ctx.seats.sit(sessionId, sitter, index);
    o.avatar.seat = sitter.seat;
    place(o, spot);
  }

  /** Back after their process stopped: the seat they had, if there is such a seat and it is free. */
  sitReturning(sessionId: string, o: Occupant, seat: number): boolean {
    if (!this.ctx.host.layout.seats[seat] || !this.ctx.seats.isFree(seat)) return false;
    this.sit(sessionId, o, seat);
    return true;
  }

  private stand(o: Occupant): void {
    const spot = this.ctx.seats.stand(o.avatar);
    if (spot) place(o, spot);
  }

  /** Is this section's own floor mic in use? */
  get inUse(): boolean {
    return this.ctx.floor !== null;
  }

  /**
   * A call, end or extension a moderator in another section sent here (this section holds the
   * person or the turn): done here, and the sentence for that moderator returned; a refusal throws.
   */
  async onOrder(order: Extract<SectionOrder, { action: 'call' | 'end' | 'extend' }>): Promise<string> {
    if (order.action === 'call') {
      if (!this.ctx.host.occupants.has(order.sessionId)) throw new Refusal(ErrorCode.NOT_FOUND, leftSection(order.name, this.ctx.host.hall.section));
      return `${await this.callHere(order.sessionId, order.seconds, order.by)} has the floor in section ${this.ctx.host.hall.section}.`;
    }
    if (order.action === 'end') {
      await this.endTurn('ended by a moderator in another section');
      return 'The turn has ended.';
    }
    this.extend(order.seconds);
    return 'The turn is extended.';
  }

  private extend(seconds: number): void {
    const floor = this.ctx.host.hall.floor;
    floor.endsAt = extendedEndsAt(this.ctx.floor, Date.now(), floor.endsAt, seconds);
  }

  private async call(moderatorSession: string, moderator: Occupant, m: z.infer<typeof FloorCallMessage>): Promise<void> {
    const { host, sections } = this.ctx;
    const elsewhere = sections?.floorElsewhere();
    if (elsewhere) throw new Refusal(ErrorCode.CONFLICT, `${elsewhere.name} has the floor in section ${elsewhere.section}; end their turn first.`);
    const away = host.occupants.has(m.sessionId) ? undefined : sections?.whereIs(m.sessionId);
    if (away) {
      // Their hand is up in another section: that section calls them to its own floor mic, writes
      // the turn, and answers; the moderator hears what it answered (or that it did not).
      liveEventId(this.ctx.event);
      checkCall({ floor: this.ctx.floor, holderName: this.ctx.floor ? host.occupants.get(this.ctx.floor.sessionId)?.avatar.name : undefined, target: { removed: false, connected: true }, hasMic: host.layout.stage?.floorMic !== undefined });
      const message = await sections!.ask({ to: away.from, action: 'call', sessionId: m.sessionId, name: away.name, seconds: m.seconds, by: actorOf(moderator.identity) }, away.section);
      // Known here at once (the moderator may end or extend it straight away); that section's next news confirms it.
      sections!.floorCalled(away.from, away.section, { holder: m.sessionId, name: away.name, endsAt: turnEndsAt(Date.now(), m.seconds) });
      host.send(moderatorSession, ServerMessage.Ack, { ref: ClientMessage.FloorCall, id: m.sessionId, message });
      return;
    }
    const name = await this.callHere(m.sessionId, m.seconds, actorOf(moderator.identity));
    host.send(moderatorSession, ServerMessage.Ack, { ref: ClientMessage.FloorCall, id: m.sessionId, message: `${name} has the floor.` });
  }

  /** Calls someone in this section to its floor mic: the turn is written first, then they walk there. */
  private async callHere(sessionId: string, seconds: number, calledBy: string | null): Promise<string> {
    const eventId = liveEventId(this.ctx.event);
    const { host } = this.ctx;
    const target = host.occupants.get(sessionId);
    const mic = host.layout.stage?.floorMic;
    checkCall({
      floor: this.ctx.floor, holderName: this.ctx.floor ? host.occupants.get(this.ctx.floor.sessionId)?.avatar.name : undefined,
      target: target && { removed: target.removed, connected: target.avatar.connected }, hasMic: mic !== undefined,
    });
    // One open turn per event (the store's unique index): a call from another section that won
    // the race is refused here with who has the floor, and where.
    const { floorTurns } = this.ctx.deps.repos;
    const start = () => floorTurns.start({
      eventId, holderKey: identityKey(target!.identity), holderName: target!.avatar.name, calledBy, section: host.hall.section,
    });
    const turn = await start().catch(async (err: unknown) => {
      if (!(err instanceof StoreError && err.code === ErrorCode.CONFLICT)) throw err;
      // A turn no section tells of any more (its process died) is closed where it started, once.
      const open = await floorTurns.open(eventId);
      if (open && turnAbandoned(Date.parse(open.startedAt), Date.now(), this.ctx.sections?.floorElsewhere() !== undefined)) {
        await floorTurns.closeDangling(eventId);
        this.ctx.deps.log.warn({ turnId: open.id, section: open.section }, 'closed a floor turn no section tells of');
        return start();
      }
      throw new Refusal(err.code, err.message);
    }).catch((err: unknown) => {
      throw err instanceof StoreError && err.code === ErrorCode.CONFLICT ? new Refusal(err.code, err.message) : err;
    });
    if (this.ctx.floor) {
      // Someone else was called while this one was being written: undo ours.
      await this.ctx.deps.repos.floorTurns.end(turn.id);
      checkStillFree(this.ctx.floor);
    }
    const a = target!.avatar;
    this.ctx.floor = { turnId: turn.id, sessionId, returnTo: { seat: a.seat, x: a.x, z: a.z, yaw: a.yaw } };
    this.ctx.seats.vacate(a);
    a.hand = 0;
    target!.atMic = true;
    place(target!, mic!);
    host.hall.floor.holder = sessionId;
    host.hall.floor.name = a.name;
    host.hall.floor.endsAt = turnEndsAt(Date.now(), seconds);
    host.hall.floorSection = 0;
    return a.name;
  }

  /** Ends the turn at the mic: its time is recorded, then the holder goes back to their seat. */
  async endTurn(why: string): Promise<void> {
    const floor = turnToEnd(this.ctx.floor);
    this.ctx.floor = null;
    const { host } = this.ctx;
    host.hall.floor.holder = '';
    host.hall.floor.name = '';
    host.hall.floor.endsAt = 0;
    await this.ctx.deps.repos.floorTurns.end(floor.turnId);
    const holder = host.occupants.get(floor.sessionId);
    if (holder) {
      holder.atMic = false;
      const back = returnPlace(floor.returnTo, (seat) => this.ctx.seats.isFree(seat));
      if ('seat' in back) this.sit(floor.sessionId, holder, back.seat);
      else place(holder, back.place);
    }
    this.ctx.deps.log.info({ roomId: host.roomId, holder: floor.sessionId, why }, 'floor turn ended');
  }
}

/** Puts an avatar somewhere (the server decides; queued movement is dropped). */
function place(o: Occupant, p: Place): void {
  o.intents.clear();
  o.avatar.x = p.x;
  o.avatar.z = p.z;
  o.avatar.yaw = p.yaw;
  o.avatar.gait = 0;
}
