import type { Client } from '@colyseus/core';
import { badgeFor } from '../../shared/access.js';
import { CloseCode } from '../../shared/protocol/errors.js';
import type { RemoveMessage } from '../../shared/protocol/messages.js';
import { actorOf, toGrants, type Identity } from '../auth/sessions.js';
import { LEAVE_REASONS, REMOVED_FOR_MS } from '../domain/moderation.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Repos } from '../store/repos.js';
import { sanctionTarget, type Occupant } from './occupant.js';

/** The moderators' actions that show a person out of a whole space. */
export type SanctionKind = 'removed' | 'banned';

export interface PeopleHost {
  readonly roomId: string;
  readonly spaceId: string;
  readonly occupants: ReadonlyMap<string, Occupant>;
  readonly repos: Pick<Repos, 'accounts' | 'roles' | 'audit' | 'sessions'>;
  readonly log: Logger;
  readonly metrics: Metrics;
  client(sessionId: string): Client | undefined;
  /** Takes the avatar out at once (the connection is already gone). */
  remove(sessionId: string, why: string): void;
  /** Tells every other instance of this space (on any process) that this person was removed or banned. */
  announce(actor: string, kind: SanctionKind): void;
  /** Roles changed: curation re-checks who may edit. */
  rolesChanged(sessionId: string, occupant: Occupant): void;
}

/**
 * Showing people out: a moderator's removal, a ban's disconnection, a signed-out session, a
 * disabled account; and keeping the roles of people here current.
 */
export class RoomPeople {
  /** Accounts (or, for guests, auth sessions) removed by a moderator, until when. */
  private readonly removedUntil = new Map<string, number>();

  constructor(private readonly host: PeopleHost) {}

  /** Whether a moderator removed this person from this instance a short while ago. */
  isRemoved(identity: Identity, now: number): boolean {
    const until = this.removedUntil.get(actorOf(identity));
    return until !== undefined && until > now;
  }

  /**
   * A moderator removes someone: written to the audit log first, then they are disconnected.
   * `by`: the moderator's connection here, or the section the order came from. Returns the sentence for the moderator.
   */
  async onRemove(by: string, moderator: Pick<Occupant, 'identity'>, message: RemoveMessage): Promise<string> {
    const target = sanctionTarget(this.host.occupants, message.sessionId, moderator, this.host.spaceId);
    target.removed = true;
    try {
      await this.host.repos.audit.append({
        actorId: actorOf(moderator.identity),
        action: 'space.remove', targetType: 'session', targetId: target.identity.sessionId,
        detail: { spaceId: this.host.spaceId, name: target.avatar.name, accountId: target.identity.accountId, reason: message.reason ?? null },
      });
    } catch (err) {
      target.removed = false;
      throw err;
    }
    // An account stays out however often it signs in again; a guest session, until it enters anew.
    this.removedUntil.set(actorOf(target.identity), Date.now() + REMOVED_FOR_MS);
    this.host.metrics.disconnectsForced.inc({ reason: 'removed' });
    this.host.log.info({ roomId: this.host.roomId, by, removed: message.sessionId }, 'removed by a moderator');
    this.sanctioned(target.identity, 'removed');
    return `${target.avatar.name} is removed.`;
  }

  /** A removal or ban (already committed): out of this instance now, and of the others through the change feed. */
  sanctioned(identity: Identity, kind: SanctionKind): void {
    this.disconnectPerson(identity, LEAVE_REASONS[kind]);
    this.host.announce(actorOf(identity), kind);
  }

  /**
   * Another instance of this space (perhaps on another process) removed or banned this person:
   * they leave here too, and a removal keeps them out of this instance for as long.
   */
  shownOutElsewhere(actor: string, kind: string, now: number): void {
    if (kind !== 'removed' && kind !== 'banned') return;
    if (kind === 'removed') this.removedUntil.set(actor, now + REMOVED_FOR_MS);
    for (const [sessionId, occupant] of [...this.host.occupants]) {
      if (actorOf(occupant.identity) === actor && !occupant.removed) this.showOut(sessionId, occupant, LEAVE_REASONS[kind]);
    }
  }

  /** Every connection of this person here goes (an account may be in on two devices). */
  disconnectPerson(identity: Identity, reason: string): void {
    const who = actorOf(identity);
    for (const [sessionId, occupant] of [...this.host.occupants]) {
      if (actorOf(occupant.identity) === who) this.showOut(sessionId, occupant, reason);
    }
  }

  /** An auth session was signed out (a guest's or an account's): its connections here end. */
  sessionEnded(authSessionId: string): void {
    for (const [sessionId, occupant] of [...this.host.occupants]) {
      if (occupant.identity.sessionId === authSessionId) this.showOut(sessionId, occupant, LEAVE_REASONS.signedOut);
    }
  }

  /** An account's roles or standing changed: update badges and permissions, or show a disabled account out. */
  async refreshAccount(accountId: string): Promise<void> {
    const affected = [...this.host.occupants].filter(([, o]) => o.identity.accountId === accountId);
    if (affected.length === 0) return;
    const { repos } = this.host;
    const [account, grants] = await Promise.all([repos.accounts.get(accountId), repos.roles.listForAccount(accountId)]);
    const fresh = toGrants(grants);
    for (const [sessionId, occupant] of affected) {
      const session = await repos.sessions.get(occupant.identity.sessionId);
      const ended = !account || account.disabledAt ? LEAVE_REASONS.disabled
        : !session || session.revokedAt ? LEAVE_REASONS.revoked
          : null;
      if (ended) {
        this.showOut(sessionId, occupant, ended);
        continue;
      }
      occupant.identity = { ...occupant.identity, grants: fresh };
      occupant.avatar.role = badgeFor(fresh, this.host.spaceId);
      this.host.rolesChanged(sessionId, occupant);
    }
  }

  /** Closes one connection for good with a fixed reason (never text a client chose). */
  private showOut(sessionId: string, occupant: Occupant, reason: string): void {
    occupant.removed = true;
    const connection = this.host.client(sessionId);
    if (!connection) {
      this.host.remove(sessionId, 'removed while away');
      return;
    }
    try {
      connection.leave(CloseCode.REMOVED, reason);
    } catch (err) {
      // The reason could not be sent: close without one; failing that, take the avatar out.
      this.host.log.warn({ err, sessionId }, 'closing a connection with its reason failed');
      try {
        connection.leave(CloseCode.REMOVED);
      } catch {
        this.host.remove(sessionId, 'removed (close failed)');
      }
    }
  }
}
