import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { z } from 'zod';
import { BanMessage, MuteMessage, ReactMessage } from '../../shared/protocol/townhall.js';
import { identityKey } from '../domain/questions.js';
import { ReactionAggregator } from '../domain/reactions.js';
import { TokenBucket } from '../domain/tokenBucket.js';
import type { HallContext, Register } from './hallContext.js';
import { actorOf } from '../auth/sessions.js';
import { Refusal, sanctionTarget, type Occupant } from './occupant.js';

/** Reactions per person: a burst of 6, then 3 a second (the rest are dropped quietly). */
const REACT_BURST = 6;
const REACT_PER_SECOND = 3;

/** Reactions, and moderators' mutes and bans. */
export class HallModeration {
  private readonly reactions = new ReactionAggregator();
  private readonly reactBuckets = new Map<string, TokenBucket>();

  constructor(private readonly ctx: HallContext, private readonly onMutesChanged: () => Promise<void>) {}

  register(on: Register): void {
    on(ClientMessage.React, ReactMessage, 'A reaction is {kind: applause|agree|disagree|laugh}.', (id, who, m) => this.react(id, who, m));
    on(ClientMessage.Mute, MuteMessage, 'A mute is {sessionId, muted, reason?}.', (id, who, m) => this.mute(id, who, m));
    on(ClientMessage.Ban, BanMessage, 'A ban is {sessionId, reason}.', (id, who, m) => this.ban(id, who, m));
  }

  async load(): Promise<void> {
    const mutes = await this.ctx.deps.repos.sanctions.active(this.ctx.host.layout.id, 'mute');
    this.ctx.muted = new Set(mutes.map((m) => m.subjectKey));
  }

  /** The reactions since the last flush, as one message to everyone (called by the tick). */
  flush(): void {
    const burst = this.reactions.flush();
    if (burst) this.ctx.host.broadcast(ServerMessage.Reactions, burst);
  }

  forget(sessionId: string): void {
    this.reactBuckets.delete(sessionId);
  }

  private react(sessionId: string, who: Occupant, m: z.infer<typeof ReactMessage>): void {
    if (who.muted) throw new Refusal(ErrorCode.NOT_ALLOWED, 'A moderator has muted your questions and reactions here.');
    const now = Date.now();
    let bucket = this.reactBuckets.get(sessionId);
    if (!bucket) this.reactBuckets.set(sessionId, bucket = new TokenBucket(REACT_BURST, REACT_PER_SECOND, now));
    if (bucket.take(now)) this.reactions.add(sessionId, m.kind);
  }

  private target(sessionId: string, moderator: Occupant): Occupant {
    return sanctionTarget(this.ctx.host.occupants, sessionId, moderator, this.ctx.host.layout.id);
  }

  private async mute(sessionId: string, moderator: Occupant, m: z.infer<typeof MuteMessage>): Promise<void> {
    const target = this.target(m.sessionId, moderator);
    const key = identityKey(target.identity);
    const spaceId = this.ctx.host.layout.id;
    const { repos } = this.ctx.deps;
    await repos.transaction(async (r) => {
      if (m.muted) {
        await r.sanctions.add({ spaceId, kind: 'mute', subjectKey: key, ipHash: null, reason: m.reason ?? '', createdBy: actorOf(moderator.identity) });
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
    this.ctx.host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.Mute, id: m.sessionId, message: m.muted ? `${target.avatar.name} is muted.` : `${target.avatar.name} can ask and react again.` });
    await this.onMutesChanged();
  }

  private async ban(sessionId: string, moderator: Occupant, m: z.infer<typeof BanMessage>): Promise<void> {
    const target = this.target(m.sessionId, moderator);
    const key = identityKey(target.identity);
    const spaceId = this.ctx.host.layout.id;
    // A guest is banned by session and by a keyed hash of their address, so a fresh guest
    // session from the same place is refused too; an account by the account.
    const ipHash = target.identity.accountId ? null : this.ctx.deps.hashAddress(target.address);
    await this.ctx.deps.repos.transaction(async (r) => {
      await r.sanctions.add({ spaceId, kind: 'ban', subjectKey: key, ipHash, reason: m.reason, createdBy: actorOf(moderator.identity) });
      await r.audit.append({
        actorId: actorOf(moderator.identity), action: 'space.ban', targetType: 'identity', targetId: key,
        detail: { spaceId, name: target.avatar.name, reason: m.reason },
      });
    });
    this.ctx.host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.Ban, id: m.sessionId, message: `${target.avatar.name} is banned from this space.` });
    this.ctx.host.disconnectPerson(target.identity, `NOT_ALLOWED: A moderator banned you from this space (${m.reason}).`);
  }
}
