import { rolesFor, type Principal } from '../../shared/access.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { identityKey } from './questions.js';
import { Refusal } from './refusal.js';

/** A person as the moderation rules see them: their session, account (if any) and roles. */
export interface Person extends Principal {
  sessionId: string;
  accountId: string | null;
}

/** How long someone a moderator removed stays out of this room instance. */
export const REMOVED_FOR_MS = 15 * 60_000;

/**
 * What a person shown out is told (the WebSocket close reason, "CODE: sentence"). Fixed
 * sentences only: nothing a client typed (a ban's reason) ever goes into a close reason; the
 * reason stays in the audit log and the moderators' list.
 */
export const LEAVE_REASONS = {
  banned: 'NOT_ALLOWED: A moderator banned you from this space.',
  removed: 'NOT_ALLOWED: A moderator removed you from this space.',
  signedOut: 'NOT_ALLOWED: You signed out, so this connection has ended.',
  disabled: 'NOT_ALLOWED: This account has been disabled.',
  revoked: 'NOT_ALLOWED: You were signed out (a sign-out or a password change elsewhere).',
} as const;

/**
 * Who may be sanctioned (removed, muted, banned) by whom: someone present, not oneself, and
 * staff only by an admin. Held roles count, not the badge: an admin who hosts here wears the
 * host badge and is still an admin.
 */
export function checkSanction(target: (Person & { removed: boolean }) | undefined, moderator: Person, isSelf: boolean, spaceId: string): void {
  if (!target || target.removed) throw new Refusal(ErrorCode.NOT_FOUND, 'That person is no longer in this space.');
  if (isSelf) throw new Refusal(ErrorCode.INVALID_INPUT, 'You cannot do that to yourself.');
  const held = rolesFor(target, 'space', spaceId);
  if ((held.has('moderator') || held.has('admin')) && !rolesFor(moderator, 'global').has('admin')) {
    throw new Refusal(ErrorCode.NOT_ALLOWED, 'Only an admin can do that to a moderator or an admin.');
  }
}

/** Address bans: only by a moderator's explicit choice, and never for longer than a day. */
export const ADDRESS_BAN_HOURS = { min: 1, max: 24, default: 1 } as const;

/** What one ban writes: always the person; their address only when the moderator chose it. */
export interface BanPlan {
  /** "account:<id>" or "guest:<session id>": the person, for as long as the ban stands. */
  subjectKey: string;
  /** The address ban, when asked for: until when (ISO time). */
  address: { expiresAt: string; hours: number } | null;
}

/**
 * The ban policy. A ban targets the person: an account (whatever device it signs in from) or a
 * guest session. A moderator may also, explicitly, bar the address the person joined from, for
 * `addressHours` (1 to 24): everyone behind that address (a school, a library, a phone network)
 * then enters only by signing in, until it expires or a moderator lifts it.
 */
export function banPlan(target: Person, addressHours: number | undefined, now: number): BanPlan {
  if (addressHours !== undefined && (!Number.isInteger(addressHours) || addressHours < ADDRESS_BAN_HOURS.min || addressHours > ADDRESS_BAN_HOURS.max)) {
    throw new Refusal(ErrorCode.INVALID_INPUT, `An address ban lasts ${ADDRESS_BAN_HOURS.min} to ${ADDRESS_BAN_HOURS.max} hours.`);
  }
  return {
    subjectKey: identityKey(target),
    address: addressHours === undefined ? null : { hours: addressHours, expiresAt: new Date(now + addressHours * 3_600_000).toISOString() },
  };
}

/**
 * What a join is checked against: the person's key always; the address only for guests (an
 * address ban never keeps out someone who signs in, so bystanders have a way in).
 */
export function banCheckOf(who: Person, addressHash: () => string): { subjectKeys: string[]; addressHash: string | null } {
  return { subjectKeys: [identityKey(who)], addressHash: who.accountId ? null : addressHash() };
}

/** What the moderator is told once the ban is committed (true whatever happens next). */
export function banAck(name: string, address: BanPlan['address']): string {
  return address
    ? `${name} is banned from this space, and guests from their address are kept out for ${address.hours} hour${address.hours === 1 ? '' : 's'}.`
    : `${name} is banned from this space.`;
}

/** A committed ban whose showing-out failed: the truth, not "nothing was changed". */
export function banHeldButNotShownOut(name: string): string {
  return `${name} is banned (the ban is saved and holds), but their connection could not be closed just now; they will be refused when they next join.`;
}
