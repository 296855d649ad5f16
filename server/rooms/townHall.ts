import { allows } from '../../shared/access.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import {
  EventRunMessage, FloorCallMessage, FloorEndMessage, FloorExtendMessage, FloorReleaseMessage, HandMessage,
  SitMessage, StandMessage,
} from '../../shared/protocol/townhall.js';
import type { z } from 'zod';
import { stageAt } from '../../shared/spaces/collision.js';
import { identityKey } from '../domain/questions.js';
import { standSpot } from '../domain/seating.js';
import type { HallContext, HallDeps, HallHost, Register } from './hallContext.js';
import { HallModeration } from './hallModeration.js';
import { HallQuestions } from './hallQuestions.js';
import { actorOf } from '../auth/sessions.js';
import { Refusal, type Occupant } from './occupant.js';

/** Reactions go out at most this often (every N ticks). */
const REACTION_EVERY_TICKS = 5;

/**
 * Everything a town hall adds to a space: the event and its run, seats, hands, the floor
 * microphone, questions, reactions and moderation. The room owns the connections and the tick;
 * this owns the hall's rules and state, and is called from the room's one choke point.
 */
export class TownHall {
  private readonly ctx: HallContext;
  private readonly questions: HallQuestions;
  private readonly moderation: HallModeration;
  private hands = 0;
  private ticks = 0;
  private speakersKey = '';

  constructor(host: HallHost, deps: HallDeps) {
    this.ctx = { host, deps, event: undefined, muted: new Set(), seatOwner: new Map(), floor: null };
    this.questions = new HallQuestions(this.ctx);
    this.moderation = new HallModeration(this.ctx, () => this.questions.sendQueue());
  }

  async load(): Promise<void> {
    await this.moderation.load();
    await this.loadEvent();
  }

  /** Reads the event to show (after a restart, or when one is scheduled or edited over HTTP). */
  async loadEvent(): Promise<void> {
    const { repos } = this.ctx.deps;
    const event = await repos.events.current(this.ctx.host.layout.id);
    // A turn left open by a restart ends where it started: no speaking time is invented.
    if (event?.state === 'live' && !this.ctx.floor) await repos.floorTurns.closeDangling(event.id);
    this.ctx.event = event;
    const view = this.ctx.host.hall.event;
    view.id = event?.id ?? '';
    view.title = event?.title ?? '';
    view.description = event?.description ?? '';
    view.state = event?.state ?? 'none';
    view.startsAt = event ? Date.parse(event.startsAt) : 0;
    view.startedAt = event?.startedAt ? Date.parse(event.startedAt) : 0;
    view.endedAt = event?.endedAt ? Date.parse(event.endedAt) : 0;
    await this.questions.load();
    await this.questions.sendQueue();
    for (const key of new Set([...this.ctx.host.occupants.values()].map((o) => identityKey(o.identity)))) {
      await this.questions.sendMine(key);
    }
  }

  register(on: Register): void {
    on(ClientMessage.Sit, SitMessage, 'Sitting is {seat} with a seat number.', (id, who, m) => this.sit(id, who, m.seat));
    on(ClientMessage.Stand, StandMessage, 'Standing takes no fields.', (_id, who) => this.stand(who));
    on(ClientMessage.Hand, HandMessage, 'A hand is {up}.', (_id, who, m) => this.hand(who, m.up));
    on(ClientMessage.FloorCall, FloorCallMessage, 'Calling to the floor is {sessionId, seconds?}.', (id, who, m) => this.callToFloor(id, who, m));
    on(ClientMessage.FloorEnd, FloorEndMessage, 'Ending the turn takes no fields.', () => this.endTurn('ended by a moderator'));
    on(ClientMessage.FloorExtend, FloorExtendMessage, 'Extending is {seconds}.', (_id, _who, m) => this.extend(m.seconds));
    on(ClientMessage.FloorRelease, FloorReleaseMessage, 'Giving the mic back takes no fields.', (id) => this.release(id));
    on(ClientMessage.EventRun, EventRunMessage, 'Running the event is {action: start|end}.', (id, who, m) => this.run(id, who, m.action));
    this.questions.register(on);
    this.moderation.register(on);
  }

  dispose(): void {
    this.questions.dispose();
  }

  /** May this person walk onto the stage? Hosts, moderators and admins. */
  mayTakeStage(o: Occupant): boolean {
    return allows('event.run', o.identity, this.ctx.host.layout.id);
  }

  /** Seated or at the floor mic: movement input is ignored. */
  holdsStill(o: Occupant): boolean {
    return o.avatar.seat >= 0 || o.atMic;
  }

  async onJoin(sessionId: string, o: Occupant): Promise<void> {
    o.muted = this.ctx.muted.has(identityKey(o.identity));
    this.updatePresent();
    // A muted person arriving changes the moderators' list of who is muted here: all get the queue.
    await Promise.all([this.questions.sendQueue(o.muted ? undefined : sessionId), this.questions.sendMine(identityKey(o.identity))]);
  }

  onConnectionChange(): void {
    this.updatePresent();
  }

  /** Someone left for good: their seat and hand go, and their turn at the mic ends. */
  async onGone(sessionId: string, o: Occupant): Promise<void> {
    if (o.avatar.seat >= 0) this.ctx.seatOwner.delete(o.avatar.seat);
    this.moderation.forget(sessionId);
    this.updatePresent();
    if (this.ctx.floor?.sessionId === sessionId) await this.endTurn('left the room');
    if (o.muted) await this.questions.sendQueue();
  }

  /** Once per tick, after movement: the floor countdown, who may speak, reactions. */
  tick(now: number): void {
    const { host } = this.ctx;
    if (this.ctx.floor && host.hall.floor.endsAt <= now) void this.endTurn('time is up').catch((err: unknown) => this.ctx.deps.log.error({ err }, 'ending a floor turn failed'));
    const speakers: string[] = [];
    for (const [id, o] of host.occupants) {
      if (!o.avatar.connected) continue;
      if (this.ctx.floor?.sessionId === id || (stageAt(host.layout, o.avatar.x, o.avatar.z) && this.mayTakeStage(o))) speakers.push(id);
    }
    const key = speakers.join(',');
    if (key !== this.speakersKey) {
      this.speakersKey = key;
      host.hall.speakers.splice(0, host.hall.speakers.length);
      host.hall.speakers.push(...speakers);
    }
    if (++this.ticks % REACTION_EVERY_TICKS === 0) this.moderation.flush();
  }

  private updatePresent(): void {
    let n = 0;
    for (const o of this.ctx.host.occupants.values()) if (o.avatar.connected && !o.removed) n++;
    this.ctx.host.hall.present = n;
  }

  private sit(sessionId: string, o: Occupant, index: number): void {
    const seat = this.ctx.host.layout.seats[index];
    if (!seat) throw new Refusal(ErrorCode.NOT_FOUND, 'There is no such seat.');
    if (o.atMic) throw new Refusal(ErrorCode.CONFLICT, 'You are at the floor microphone; give it back first.');
    const owner = this.ctx.seatOwner.get(index);
    if (owner !== undefined && owner !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'That seat is taken.');
    if (o.avatar.seat >= 0) this.ctx.seatOwner.delete(o.avatar.seat);
    this.place(o, seat.x, seat.z, seat.yaw);
    o.avatar.seat = index;
    this.ctx.seatOwner.set(index, sessionId);
  }

  private stand(o: Occupant): void {
    if (o.avatar.seat < 0) return;
    const seat = this.ctx.host.layout.seats[o.avatar.seat]!;
    this.ctx.seatOwner.delete(o.avatar.seat);
    o.avatar.seat = -1;
    const spot = standSpot(this.ctx.host.layout, seat);
    this.place(o, spot.x, spot.z, spot.yaw);
  }

  private place(o: Occupant, x: number, z: number, yaw: number): void {
    o.intents.clear();
    o.avatar.x = x;
    o.avatar.z = z;
    o.avatar.yaw = yaw;
    o.avatar.gait = 0;
  }

  private hand(o: Occupant, up: boolean): void {
    if (up && o.atMic) throw new Refusal(ErrorCode.CONFLICT, 'You already have the floor.');
    if (up && o.avatar.hand === 0) o.avatar.hand = ++this.hands;
    if (!up) o.avatar.hand = 0;
  }

  private liveEventId(): string {
    const event = this.ctx.event;
    if (event?.state !== 'live') throw new Refusal(ErrorCode.CONFLICT, 'The floor microphone is used during a live event.');
    return event.id;
  }

  private async callToFloor(moderatorSession: string, moderator: Occupant, m: z.infer<typeof FloorCallMessage>): Promise<void> {
    const eventId = this.liveEventId();
    const { host } = this.ctx;
    if (this.ctx.floor) {
      const holder = host.occupants.get(this.ctx.floor.sessionId);
      throw new Refusal(ErrorCode.CONFLICT, `${holder?.avatar.name ?? 'Someone'} has the floor; end their turn first.`);
    }
    const target = host.occupants.get(m.sessionId);
    if (!target || target.removed || !target.avatar.connected) throw new Refusal(ErrorCode.NOT_FOUND, 'That person is not here.');
    const mic = host.layout.stage?.floorMic;
    if (!mic) throw new Refusal(ErrorCode.CONFLICT, 'This space has no floor microphone.');
    const turn = await this.ctx.deps.repos.floorTurns.start({
      eventId, holderKey: identityKey(target.identity), holderName: target.avatar.name,
      calledBy: actorOf(moderator.identity),
    });
    if (this.ctx.floor) {
      // Someone else was called while this one was being written: undo ours.
      await this.ctx.deps.repos.floorTurns.end(turn.id);
      throw new Refusal(ErrorCode.CONFLICT, 'Someone else was called to the floor just now.');
    }
    const a = target.avatar;
    this.ctx.floor = { turnId: turn.id, sessionId: m.sessionId, returnTo: { seat: a.seat, x: a.x, z: a.z, yaw: a.yaw } };
    if (a.seat >= 0) this.ctx.seatOwner.delete(a.seat);
    a.seat = -1;
    a.hand = 0;
    target.atMic = true;
    this.place(target, mic.x, mic.z, mic.yaw);
    host.hall.floor.holder = m.sessionId;
    host.hall.floor.name = a.name;
    host.hall.floor.endsAt = Date.now() + m.seconds * 1000;
    host.send(moderatorSession, ServerMessage.Ack, { ref: ClientMessage.FloorCall, id: m.sessionId, message: `${a.name} has the floor.` });
  }

  private extend(seconds: number): void {
    if (!this.ctx.floor) throw new Refusal(ErrorCode.CONFLICT, 'Nobody has the floor.');
    const floor = this.ctx.host.hall.floor;
    floor.endsAt = Math.max(Date.now() + 5000, floor.endsAt + seconds * 1000);
  }

  private async release(sessionId: string): Promise<void> {
    if (this.ctx.floor?.sessionId !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'You do not have the floor.');
    await this.endTurn('given back');
  }

  /** Ends the turn at the mic: its time is recorded, then the holder goes back to their seat. */
  private async endTurn(why: string): Promise<void> {
    const floor = this.ctx.floor;
    if (!floor) throw new Refusal(ErrorCode.CONFLICT, 'Nobody has the floor.');
    this.ctx.floor = null;
    const { host } = this.ctx;
    host.hall.floor.holder = '';
    host.hall.floor.name = '';
    host.hall.floor.endsAt = 0;
    await this.ctx.deps.repos.floorTurns.end(floor.turnId);
    const holder = host.occupants.get(floor.sessionId);
    if (holder) {
      holder.atMic = false;
      const back = floor.returnTo;
      const seatFree = back.seat >= 0 && !this.ctx.seatOwner.has(back.seat);
      if (seatFree) {
        this.sit(floor.sessionId, holder, back.seat);
      } else {
        this.place(holder, back.x, back.z, back.yaw);
      }
    }
    this.ctx.deps.log.info({ roomId: host.roomId, holder: floor.sessionId, why }, 'floor turn ended');
  }

  private async run(sessionId: string, who: Occupant, action: 'start' | 'end'): Promise<void> {
    // The hall keeps showing an event after it ends; starting means the next scheduled one.
    if (action === 'start' && this.ctx.event?.state === 'ended') await this.loadEvent();
    const event = this.ctx.event;
    if (!event) throw new Refusal(ErrorCode.CONFLICT, 'There is no event here; schedule one first.');
    const { repos } = this.ctx.deps;
    const actorId = actorOf(who.identity);
    if (action === 'end' && this.ctx.floor) await this.endTurn('the event ended');
    const moved = await repos.transaction(async (r) => {
      const result = action === 'start' ? await r.events.start(event.id) : await r.events.end(event.id);
      if (!result) return undefined;
      await r.audit.append({ actorId, action: `event.${action}`, targetType: 'event', targetId: event.id });
      return result;
    });
    if (!moved) {
      throw new Refusal(ErrorCode.CONFLICT, action === 'start'
        ? `The event is ${event.state === 'live' ? 'already live' : 'over'}.`
        : 'The event is not live.');
    }
    this.ctx.event = moved;
    const view = this.ctx.host.hall.event;
    view.state = moved.state;
    view.startedAt = moved.startedAt ? Date.parse(moved.startedAt) : 0;
    view.endedAt = moved.endedAt ? Date.parse(moved.endedAt) : 0;
    this.ctx.host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.EventRun, id: event.id, message: action === 'start' ? 'The event is live.' : 'The event has ended.' });
  }

  /** Bans checked on join: this account or guest session, or (for guests) this address. */
  isBanned(identity: Occupant['identity'], address: string): Promise<boolean> {
    const keys = [identityKey(identity)];
    return this.ctx.deps.repos.sanctions.isBanned(this.ctx.host.layout.id, keys, identity.accountId ? null : this.ctx.deps.hashAddress(address));
  }
}

