import { allows } from '../../shared/access.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { z } from 'zod';
import { BanMessage, MuteMessage, ReactMessage, UnbanMessage, type BanList, type Reaction } from '../../shared/protocol/townhall.js';
import { actorOf } from '../auth/sessions.js';
import { banAck, banHeldButNotShownOut, banPlan } from '../domain/moderation.js';
import { checkNotMuted, identityKey } from '../domain/questions.js';
import { ReactionAggregator } from '../domain/reactions.js';
import type { SectionOrder } from '../domain/sectionOrders.js';
import type { HallContext, Register } from './hallContext.js';
import { Refusal, sanctionTarget, type Occupant } from './occupant.js';

/** Reactions, and moderators' mutes and bans (the rules: server/domain/moderation.ts). */
export class HallModeration {
  private readonly reactions = new ReactionAggregator();

  constructor(private readonly ctx: HallContext, private readonly onMutesChanged: () => Promise<void>) {}

  register(on: Register): void {
    on(ClientMessage.React, ReactMessage, 'A reaction is {kind: applause|agree|disagree|laugh}.', (id, who, m) => this.react(id, who, m));
    on(ClientMessage.Mute, MuteMessage, 'A mute is {sessionId, muted, reason?}.', async (id, who, m) => {
      const away = this.away(m.sessionId);
      const message = away ? await this.ctx.sections!.ask({ to: away.from, action: 'mute', by: who.identity, message: m }, away.section) : await this.mute(who, m);
      this.ctx.host.send(id, ServerMessage.Ack, { ref: ClientMessage.Mute, id: m.sessionId, message });
    });
    on(ClientMessage.Ban, BanMessage, 'A ban is {sessionId, reason, addressHours?} (an address ban lasts 1 to 24 hours).', async (id, who, m) => {
      const away = this.away(m.sessionId);
      const message = away ? await this.ctx.sections!.ask({ to: away.from, action: 'ban', by: who.identity, message: m }, away.section) : await this.ban(who, m);
      this.ctx.host.send(id, ServerMessage.Ack, { ref: ClientMessage.Ban, id: m.sessionId, message });
    });
    on(ClientMessage.Unban, UnbanMessage, 'Lifting a ban names it: {id}.', (id, who, m) => this.unban(id, who, m.id));
  }

  /**
   * The other section where this person is (their hand is up there, or they stand on its stage or
   * at its mic), if they are not here: a mute or ban is sent there, checked and done there, and
   * its answer comes back to the moderator.
   */
  private away(sessionId: string): { from: string; section: number } | undefined {
    return this.ctx.host.occupants.has(sessionId) ? undefined : this.ctx.sections?.whereIs(sessionId);
  }

  /** A mute or ban a moderator in another section ordered here (the person is here): the sentence for them. */
  onOrder(order: Extract<SectionOrder, { action: 'mute' | 'ban' }>): Promise<string> {
    const moderator = { identity: order.by };
    return order.action === 'mute' ? this.mute(moderator, order.message) : this.ban(moderator, order.message);
  }

  async load(): Promise<void> {
    const mutes = await this.ctx.deps.repos.sanctions.active(this.ctx.host.layout.id, 'mute');
    this.ctx.muted = new Set(mutes.map((m) => m.subjectKey));
  }

  /** The reactions since the last flush, as one message to everyone (called by the tick). */
  flush(): void {
    const flushed = this.reactions.flushWithOwn();
    if (!flushed) return;
    this.ctx.host.broadcast(ServerMessage.Reactions, flushed.burst);
    // The event's other sections add this section's reactions to theirs.
    if (flushed.own) this.ctx.sections?.tellReactions(flushed.own);
  }

  /** Reactions counted in another section: part of the next burst here. */
  reactedElsewhere(counts: Partial<Record<Reaction, number>>): void {
    this.reactions.addElsewhere(counts);
  }

  private react(sessionId: string, who: Occupant, m: z.infer<typeof ReactMessage>): void {
    checkNotMuted(who.muted);
    if (this.ctx.deps.limits.reaction.take(sessionId, Date.now())) this.reactions.add(sessionId, m.kind);
  }

  private async mute(moderator: Pick<Occupant, 'identity'>, m: z.infer<typeof MuteMessage>): Promise<string> {
    const target = sanctionTarget(this.ctx.host.occupants, m.sessionId, moderator, this.ctx.host.layout.id);
    const key = identityKey(target.identity);
    const spaceId = this.ctx.host.layout.id;
    await this.ctx.deps.repos.transaction(async (r) => {
      if (m.muted) {
        await r.sanctions.add({ spaceId, kind: 'mute', subjectKey: key, subjectName: target.avatar.name, ipHash: null, reason: m.reason ?? '', createdBy: actorOf(moderator.identity) });
      } else {
        await r.sanctions.lift(spaceId, 'mute', key);
      }
      await r.audit.append({
        actorId: actorOf(moderator.identity), action: m.muted ? 'space.mute' : 'space.unmute', targetType: 'identity', targetId: key,
        detail: { spaceId, name: target.avatar.name, reason: m.reason ?? null },
      });
    });
    if (m.muted) this.ctx.muted.add(key);
    else this.ctx.muted.delete(key);
    for (const o of this.ctx.host.occupants.values()) if (identityKey(o.identity) === key) o.muted = m.muted;
    await this.onMutesChanged();
    return m.muted ? `${target.avatar.name} is muted.` : `${target.avatar.name} can ask and react again.`;
  }

  /**
   * A ban: the person, and their address only when the moderator chose it (time-limited).
   * Committed with its audit rows first; from then on the ban holds whatever happens, and the
   * moderator is told so.
   */
  private async ban(moderator: Pick<Occupant, 'identity'>, m: z.infer<typeof BanMessage>): Promise<string> {
    const target = sanctionTarget(this.ctx.host.occupants, m.sessionId, moderator, this.ctx.host.layout.id);
    const plan = banPlan(target.identity, m.addressHours, Date.now());
    const spaceId = this.ctx.host.layout.id;
    const actorId = actorOf(moderator.identity);
    const name = target.avatar.name;
    const ipHash = plan.address ? this.ctx.deps.hashAddress(target.address) : null;
    await this.ctx.deps.repos.transaction(async (r) => {
      await r.sanctions.add({ spaceId, kind: 'ban', subjectKey: plan.subjectKey, subjectName: name, ipHash: null, reason: m.reason, createdBy: actorId });
      await r.audit.append({ actorId, action: 'space.ban', targetType: 'identity', targetId: plan.subjectKey, detail: { spaceId, name, reason: m.reason } });
      if (plan.address) {
        await r.sanctions.add({
          spaceId, kind: 'address_ban', subjectKey: plan.subjectKey, subjectName: name, ipHash, reason: m.reason, createdBy: actorId, expiresAt: plan.address.expiresAt,
        });
        await r.audit.append({
          actorId, action: 'space.ban_address', targetType: 'identity', targetId: plan.subjectKey,
          detail: { spaceId, name, reason: m.reason, hours: plan.address.hours, expiresAt: plan.address.expiresAt },
        });
      }
    });
    let message = banAck(name, plan.address);
    try {
      // A fixed sentence: the reason (typed by the moderator) stays in the audit log.
      this.ctx.host.showOutBanned(target.identity);
    } catch (err) {
      this.ctx.deps.log.error({ err, sessionId: m.sessionId }, 'showing a banned person out failed; the ban holds');
      message = banHeldButNotShownOut(name);
    }
    await this.sendBans().catch((err: unknown) => this.ctx.deps.log.error({ err }, 'sending the ban list failed'));
    return message;
  }

  private async unban(sessionId: string, moderator: Occupant, id: string): Promise<void> {
    const spaceId = this.ctx.host.layout.id;
    const lifted = await this.ctx.deps.repos.transaction(async (r) => {
      const ban = await r.sanctions.liftById(spaceId, id);
      if (!ban) return undefined;
      await r.audit.append({
        actorId: actorOf(moderator.identity), action: ban.kind === 'address_ban' ? 'space.unban_address' : 'space.unban',
        targetType: 'identity', targetId: ban.subjectKey, detail: { spaceId, name: ban.subjectName, banId: ban.id },
      });
      return ban;
    });
    if (!lifted) throw new Refusal(ErrorCode.NOT_FOUND, 'That ban is no longer in force.');
    const what = lifted.kind === 'address_ban' ? `The address ban of ${lifted.subjectName || 'that guest'} is lifted.` : `${lifted.subjectName || 'That person'} may come back.`;
    this.ctx.host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.Unban, id, message: what });
    await this.sendBans();
  }

  /** The bans in force here, to everyone present who may ban (or just to `only`). */
  async sendBans(only?: string): Promise<void> {
    const { host } = this.ctx;
    const to = [...host.occupants].filter(([id, o]) => (only === undefined || id === only) && allows('space.ban', o.identity, host.layout.id));
    if (to.length === 0) return;
    const { sanctions } = this.ctx.deps.repos;
    const [people, addresses] = await Promise.all([sanctions.active(host.layout.id, 'ban'), sanctions.active(host.layout.id, 'address_ban')]);
    const list: BanList = {
      bans: [...people, ...addresses].map((b) => ({
        id: b.id, kind: b.kind === 'address_ban' ? 'address' as const : 'person' as const, name: b.subjectName, reason: b.reason,
        createdAt: Date.parse(b.createdAt), expiresAt: b.expiresAt ? Date.parse(b.expiresAt) : null,
      })),
    };
    for (const [id] of to) host.send(id, ServerMessage.Bans, list);
  }
}
