import { allows } from '../../shared/access.js';
import { stageAt } from '../../shared/spaces/collision.js';
import type { Reaction } from '../../shared/protocol/townhall.js';
import { speakersOf, turnOver } from '../domain/floorMic.js';
import { banCheckOf } from '../domain/moderation.js';
import { identityKey } from '../domain/questions.js';
import { REACTION_EVERY_TICKS } from '../domain/reactions.js';
import { holdsStill, SeatPlan } from '../domain/seats.js';
import { showEvent, type HallContext, type HallDeps, type HallHost, type OtherSections, type Register } from './hallContext.js';
import { HallFloor } from './hallFloor.js';
import { HallModeration } from './hallModeration.js';
import { HallRun } from './hallRun.js';
import { HallQuestions } from './hallQuestions.js';
import { HallStage } from './hallStage.js';
import type { Occupant } from './occupant.js';
import { Serial } from './serial.js';
import type { RemoveMessage } from '../../shared/protocol/messages.js';
import type { SectionOrder } from '../domain/sectionOrders.js';

/**
 * Everything a town hall adds to a space: the event and its run, seats, hands, the floor
 * microphone (hallFloor.ts), questions (hallQuestions.ts), reactions and moderation
 * (hallModeration.ts). The room owns the connections and the tick; the rules are in server/domain.
 */
export class TownHall {
  private readonly ctx: HallContext;
  /** Seats, hands and the floor mic (public for the sections' relay, roomStage.ts). */
  readonly floor: HallFloor;
  private readonly questions: HallQuestions;
  private readonly moderation: HallModeration;
  private readonly eventRun: HallRun;
  private ticks = 0;
  private speakersKey = '';
  /** Reading the event to show and running it, one at a time (a read must not land after a later commit). */
  private readonly eventOps = new Serial();

  constructor(host: HallHost, deps: HallDeps) {
    this.ctx = { host, deps, event: undefined, muted: new Set(), seats: new SeatPlan(host.layout), floor: null };
    this.floor = new HallFloor(this.ctx);
    this.questions = new HallQuestions(this.ctx);
    this.moderation = new HallModeration(this.ctx, () => this.questions.sendQueue());
    this.eventRun = new HallRun(this.ctx, this.floor, this.eventOps, () => this.readEvent());
  }

  /** `alone`: no other section of the space is open (so no turn at a floor mic can be running). */
  async load(alone: boolean): Promise<void> {
    await this.moderation.load();
    await this.loadEvent(alone);
  }

  /**
   * Reads the event to show: when the room opens, when one is scheduled or edited over HTTP, and
   * when another section started, ended or thanked it (an end closes this section's floor and hands).
   */
  loadEvent(opening = false, eventId?: string): Promise<void> {
    return this.eventOps.run(() => this.readEvent(opening, eventId));
  }

  private async readEvent(opening = false, eventId?: string): Promise<void> {
    const { repos } = this.ctx.deps;
    // Started, ended or thanked in another section: that event (an ended one stays on show).
    const named = eventId === undefined ? undefined : await repos.events.get(eventId);
    const event = named?.spaceId === this.ctx.host.layout.id ? named : await repos.events.current(this.ctx.host.layout.id);
    // A turn left open by a restart ends where it started: no speaking time is invented.
    if (opening && event?.state === 'live' && !this.ctx.floor) await repos.floorTurns.closeDangling(event.id);
    const endedElsewhere = event?.state === 'ended' && event.id === this.ctx.event?.id && this.ctx.event.state === 'live';
    this.ctx.event = event;
    if (endedElsewhere) await this.eventRun.closeHere();
    showEvent(this.ctx.host.hall.event, event);
    await this.questions.load();
    await this.questions.sendQueue();
    for (const key of new Set([...this.ctx.host.occupants.values()].map((o) => identityKey(o.identity)))) {
      await this.questions.sendMine(key);
    }
  }

  register(on: Register): void {
    this.eventRun.register(on);
    this.floor.register(on);
    new HallStage(this.ctx).register(on);
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
    return holdsStill({ seat: o.avatar.seat, atMic: o.atMic });
  }

  async onJoin(sessionId: string, o: Occupant): Promise<void> {
    o.muted = this.ctx.muted.has(identityKey(o.identity));
    this.updatePresent();
    // A muted person arriving changes the moderators' list of who is muted here: all get the queue.
    await Promise.all([this.questions.sendQueue(o.muted ? undefined : sessionId), this.questions.sendMine(identityKey(o.identity)), this.moderation.sendBans(sessionId)]);
  }

  /** Someone coming back after the server lost their place: the seat they had, if it is free. */
  seatReturning(sessionId: string, o: Occupant, seat: number): void {
    // The same rule as the Sit message (the permissions table's seat.sit), asked for at the door.
    if (!o.console && allows('seat.sit', o.identity, this.ctx.host.layout.id)) this.floor.sitReturning(sessionId, o, seat);
  }

  onConnectionChange(): void {
    this.updatePresent();
  }

  /** Someone left for good: their seat and hand go, and their turn at the mic ends. */
  async onGone(sessionId: string, o: Occupant): Promise<void> {
    this.updatePresent();
    await this.floor.onGone(sessionId, o);
    if (o.muted) await this.questions.sendQueue();
  }

  /** Once per tick, after movement: the floor countdown, who may speak; every few ticks, question changes and reactions. */
  tick(now: number): void {
    const { host } = this.ctx;
    if (turnOver(this.ctx.floor, host.hall.floor.endsAt, now)) {
      void this.floor.endTurn('time is up').catch((err: unknown) => this.ctx.deps.log.error({ err }, 'ending a floor turn failed'));
    }
    const mayTakeStage = (o: Occupant) => this.mayTakeStage(o);
    const people = function* () {
      for (const [id, o] of host.occupants) {
        if (o.console) continue;
        yield {
          id, connected: o.avatar.connected,
          get onStage() { return stageAt(host.layout, o.avatar.x, o.avatar.z) !== undefined; },
          get mayTakeStage() { return mayTakeStage(o); },
        };
      }
    };
    const speakers = speakersOf(people(), this.ctx.floor);
    const key = speakers.join(',');
    if (key !== this.speakersKey) {
      this.speakersKey = key;
      host.hall.speakers.splice(0, host.hall.speakers.length);
      host.hall.speakers.push(...speakers);
    }
    // The batch tick: question changes and the reactions go out together, in one patch and one
    // burst that share a write to each socket (server/socketBatch.ts).
    if (++this.ticks % REACTION_EVERY_TICKS === 0) {
      this.questions.flushViews();
      this.moderation.flush();
    }
  }

  private updatePresent(): void {
    let n = 0;
    for (const o of this.ctx.host.occupants.values()) if (o.avatar.connected && !o.removed && !o.console) n++;
    this.ctx.host.hall.present = n;
  }

  /** Joins the event's other sections (roomStage.ts): their hands, their floor, orders sent there. */
  connectSections(sections: OtherSections): void {
    this.ctx.sections = sections;
  }

  /** A removal of someone another section holds (their hand is up there, or they stand at its mic): sent there, its answer returned. */
  removeElsewhere(moderator: Occupant, message: RemoveMessage): Promise<string> | undefined {
    const away = this.ctx.host.occupants.has(message.sessionId) ? undefined : this.ctx.sections?.whereIs(message.sessionId);
    return away && this.ctx.sections!.ask({ to: away.from, action: 'remove', by: moderator.identity, message }, away.section);
  }

  /** An order from a moderator in another section about someone or something here: done here, the sentence for them returned. */
  onOrder(order: Exclude<SectionOrder, { action: 'remove' }>): Promise<string> {
    return order.action === 'mute' || order.action === 'ban' ? this.moderation.onOrder(order) : this.floor.onOrder(order);
  }

  /** Reactions counted in another section: heard here too. */
  reactedElsewhere(counts: Partial<Record<Reaction, number>>): void {
    this.moderation.reactedElsewhere(counts);
  }

  /** Questions another section of this event changed: shown here too. */
  questionsChangedElsewhere(eventId: string, ids: readonly string[], keys: readonly string[]): void {
    if (this.ctx.event?.id === eventId) this.questions.changedElsewhere(ids, keys);
  }

  /** Bans checked on join (server/domain/moderation.ts: the person always, the address only for guests). */
  isBanned(identity: Occupant['identity'], address: string): Promise<boolean> {
    const check = banCheckOf(identity, () => this.ctx.deps.hashAddress(address));
    return this.ctx.deps.repos.sanctions.isBanned(this.ctx.host.layout.id, check.subjectKeys, check.addressHash);
  }
}
