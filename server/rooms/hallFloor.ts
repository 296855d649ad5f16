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
import type { HallContext, Register } from './hallContext.js';
import type { Occupant } from './occupant.js';

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
      who.avatar.hand = handAfter(who.avatar.hand, m.up, who.atMic, () => ++this.hands, handsOpen(this.ctx.event?.state));
    });
    on(ClientMessage.FloorCall, FloorCallMessage, 'Calling to the floor is {sessionId, seconds?}.', (id, who, m) => this.call(id, who, m));
    on(ClientMessage.FloorEnd, FloorEndMessage, 'Ending the turn takes no fields.', () => this.endTurn('ended by a moderator'));
    on(ClientMessage.FloorExtend, FloorExtendMessage, 'Extending is {seconds}.', (_id, _who, m) => {
      const floor = this.ctx.host.hall.floor;
      floor.endsAt = extendedEndsAt(this.ctx.floor, Date.now(), floor.endsAt, m.seconds);
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

  private stand(o: Occupant): void {
    const spot = this.ctx.seats.stand(o.avatar);
    if (spot) place(o, spot);
  }

  private async call(moderatorSession: string, moderator: Occupant, m: z.infer<typeof FloorCallMessage>): Promise<void> {
    const eventId = liveEventId(this.ctx.event);
    const { host } = this.ctx;
    const target = host.occupants.get(m.sessionId);
    const mic = host.layout.stage?.floorMic;
    checkCall({
      floor: this.ctx.floor, holderName: this.ctx.floor ? host.occupants.get(this.ctx.floor.sessionId)?.avatar.name : undefined,
      target: target && { removed: target.removed, connected: target.avatar.connected }, hasMic: mic !== undefined,
    });
    const turn = await this.ctx.deps.repos.floorTurns.start({
      eventId, holderKey: identityKey(target!.identity), holderName: target!.avatar.name, calledBy: actorOf(moderator.identity),
    });
    if (this.ctx.floor) {
      // Someone else was called while this one was being written: undo ours.
      await this.ctx.deps.repos.floorTurns.end(turn.id);
      checkStillFree(this.ctx.floor);
    }
    const a = target!.avatar;
    this.ctx.floor = { turnId: turn.id, sessionId: m.sessionId, returnTo: { seat: a.seat, x: a.x, z: a.z, yaw: a.yaw } };
    this.ctx.seats.vacate(a);
    a.hand = 0;
    target!.atMic = true;
    place(target!, mic!);
    host.hall.floor.holder = m.sessionId;
    host.hall.floor.name = a.name;
    host.hall.floor.endsAt = turnEndsAt(Date.now(), m.seconds);
    host.send(moderatorSession, ServerMessage.Ack, { ref: ClientMessage.FloorCall, id: m.sessionId, message: `${a.name} has the floor.` });
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
