import type { Room } from 'colyseus.js';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { FloorCallMessage } from '../../shared/protocol/townhall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import type { ModeratorAction } from './fanout.js';
import { HallStaff } from './hallStaff.js';

/** A raised hand the moderator may call: in this section or another. */
export interface HandSeen { id: string; section: number; hand: number }

/**
 * Which hand to call next: the oldest hand of the first section after `lastSection` (in section
 * order, wrapping round) that has one, so calls go to every section in turn; none called before.
 */
export function nextHand(hands: readonly HandSeen[], called: ReadonlySet<string>, lastSection: number): HandSeen | undefined {
  const open = hands.filter((h) => !called.has(h.id) && h.hand > 0);
  if (open.length === 0) return undefined;
  const sections = [...new Set(open.map((h) => h.section))].sort((a, b) => a - b);
  const section = sections.find((s) => s > lastSection) ?? sections[0]!;
  return open.filter((h) => h.section === section).sort((a, b) => a.hand - b.hand)[0];
}

/**
 * The moderator of a sectioned event, in section 1: HallStaff's passes over the queue (approve,
 * dismiss) and answers, plus floor turns: every `everyMs` it calls the next raised hand (from any
 * section, in turn) and ends the turn `holdMs` later. Every action that has an effect in every
 * section is noted with Date.now(), for the fan-out figure.
 */
export class SectionStaff extends HallStaff {
  floorCalls = 0;
  floorRefusals = 0;
  private floorEnds: ModeratorAction[] = [];
  private calls: (ModeratorAction & { section: number; refused: boolean })[] = [];
  private readonly called = new Set<string>();
  private lastSection = 0;
  private turn: { id: string; endAt: number } | undefined;
  private floorPlan: { everyMs: number; holdMs: number; seconds: number; nextCall: number; lastCallAt: number } | undefined;

  override clock(): number {
    return Date.now();
  }

  override async join(url: string, spaceId: string, token: string): Promise<Room<SpaceState>> {
    const room = await super.join(url, spaceId, token);
    room.onMessage(ServerMessage.Error, (e: ErrorPayload) => {
      if (e.ref !== ClientMessage.FloorCall) return;
      const last = this.calls.at(-1);
      if (last && !last.refused) {
        last.refused = true;
        this.floorRefusals++;
        this.turn = undefined;
      }
    });
    return room;
  }

  /** Floor turns from `t0` (performance.now()) until `lastCallAt`: a call every `everyMs`, each ended after `holdMs`. */
  startFloor(plan: { t0: number; everyMs: number; holdMs: number; seconds: number; lastCallAt: number }): void {
    this.floorPlan = { ...plan, nextCall: plan.t0 + plan.everyMs / 2 };
  }

  override stopModerating(): void {
    super.stopModerating();
    this.floorPlan = undefined;
  }

  override step(now: number): void {
    super.step(now);
    const plan = this.floorPlan;
    const room = this.room;
    if (!plan || !room || this.disconnected) return;
    if (this.turn && now >= this.turn.endAt) {
      room.send(ClientMessage.FloorEnd, {});
      this.floorEnds.push({ kind: 'floorEnd', key: this.turn.id, sentAt: this.clock() });
      this.turn = undefined;
    }
    if (this.turn || now < plan.nextCall || now >= plan.lastCallAt) return;
    plan.nextCall = now + plan.everyMs;
    const hand = nextHand(this.hands(), this.called, this.lastSection);
    if (!hand) return;
    this.called.add(hand.id);
    this.lastSection = hand.section;
    room.send(ClientMessage.FloorCall, { sessionId: hand.id, seconds: plan.seconds } satisfies FloorCallMessage);
    this.calls.push({ kind: 'floorCall', key: hand.id, sentAt: this.clock(), section: hand.section, refused: false });
    this.floorCalls++;
    this.turn = { id: hand.id, endAt: now + plan.holdMs };
  }

  /** Every action whose effect every section shows: approvals, answers, floor calls the server took, their ends. */
  actions(): ModeratorAction[] {
    const accepted = new Set(this.calls.filter((c) => !c.refused).map((c) => c.key));
    return [
      ...this.approvals.map((a) => ({ kind: 'approve' as const, key: a.id, sentAt: a.sentAt })),
      ...this.answers.map((a) => ({ kind: 'answer' as const, key: a.id, sentAt: a.sentAt })),
      ...this.calls.filter((c) => !c.refused).map(({ kind, key, sentAt }) => ({ kind, key, sentAt })),
      ...this.floorEnds.filter((e) => accepted.has(e.key)),
    ].sort((a, b) => a.sentAt - b.sentAt);
  }

  /** Calls and the sections they went to. */
  callsBySection(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) if (!c.refused) out[c.section] = (out[c.section] ?? 0) + 1;
    return out;
  }

  /** Raised hands the moderator sees: in this section (avatars) and in the others (handsElsewhere). */
  private hands(): HandSeen[] {
    const room = this.room!;
    const hall = room.state.hall;
    const out: HandSeen[] = [];
    room.state.avatars.forEach((a, id) => {
      if (id !== room.sessionId && a.hand > 0 && a.connected) out.push({ id, section: hall.section, hand: a.hand });
    });
    hall.handsElsewhere.forEach((h, id) => out.push({ id, section: h.section, hand: h.hand }));
    return out;
  }
}
