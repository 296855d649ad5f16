import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { Role, type Grant } from '../../shared/access.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { Repos } from '../store/repos.js';
import type { SessionStore } from '../store/sessions.js';

/** Who a verified token speaks for, with the roles they hold right now. */
export interface Identity {
  sessionId: string;
  kind: 'guest' | 'account';
  /** The guest's chosen name or the account's display name. */
  name: string;
  accountId: string | null;
  grants: Grant[];
  expiresAt: string;
}

/**
 * Who acts, for audit rows and removals: the account, or a guest's session. (An account signed
 * in on two devices is one person.)
 */
export function actorOf(identity: Pick<Identity, 'accountId' | 'sessionId'>): string {
  return identity.accountId ?? identity.sessionId;
}

/** Stored role grants as Grants, skipping any role this version does not know. */
export function toGrants(rows: readonly { role: string; spaceId: string | null }[]): Grant[] {
  return rows.flatMap((g): Grant[] => {
    const role = Role.safeParse(g.role);
    return role.success ? [{ role: role.data, spaceId: g.spaceId }] : [];
  });
}

export class AuthError extends Error {
  readonly code = ErrorCode.NOT_ALLOWED;
}

export interface IssuedSession {
  token: string;
  sessionId: string;
  expiresAt: string;
}

const ISSUER = 'hustings';
const ALGORITHM = 'HS256';
const INVALID = 'Your session is not valid any more. Please sign in or enter your name again.';
const EXPIRED = 'Your session has expired. Please sign in or enter your name again.';

/**
 * Signed session tokens (HS256). A token names a session row, so verification checks the
 * signature, the expiry, that the session has not been revoked and, for accounts, that the
 * account is not disabled; the roles are read fresh on every check.
 */
export function createSessions(repos: Pick<Repos, 'sessions' | 'accounts' | 'roles'>, secret: Uint8Array, ttlSeconds: number, now: () => Date = () => new Date()) {
  async function sign(sessionId: string, claims: Record<string, string>, issued: Date, expires: Date): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setSubject(sessionId)
      .setIssuedAt(Math.floor(issued.getTime() / 1000))
      .setExpirationTime(Math.floor(expires.getTime() / 1000))
      .sign(secret);
  }

  function window(): { issued: Date; expires: Date } {
    const issued = now();
    return { issued, expires: new Date(issued.getTime() + ttlSeconds * 1000) };
  }

  return {
    async issueGuest(name: string): Promise<{ token: string; name: string; expiresAt: string }> {
      const id = randomUUID();
      const { issued, expires } = window();
      await repos.sessions.createGuest(id, name, expires);
      return { token: await sign(id, { kind: 'guest', name }, issued, expires), name, expiresAt: expires.toISOString() };
    },

    /** A session for an account. Pass the transaction's session store when issuing inside one. */
    async issueAccount(accountId: string, store: SessionStore = repos.sessions): Promise<IssuedSession> {
      const id = randomUUID();
      const { issued, expires } = window();
      await store.createForAccount(id, accountId, expires);
      return { token: await sign(id, { kind: 'account' }, issued, expires), sessionId: id, expiresAt: expires.toISOString() };
    },

    async verify(token: string): Promise<Identity> {
      let sub: string | undefined;
      let claimedName: unknown;
      try {
        const { payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, currentDate: now() });
        sub = payload.sub;
        claimedName = payload.name;
      } catch (err) {
        throw new AuthError(err instanceof joseErrors.JWTExpired ? EXPIRED : INVALID);
      }
      const session = sub ? await repos.sessions.get(sub) : undefined;
      if (!session) throw new AuthError(INVALID);
      if (session.revokedAt) throw new AuthError('This session was signed out. Please sign in or enter your name again.');
      if (Date.parse(session.expiresAt) <= now().getTime()) throw new AuthError(EXPIRED);
      if (session.accountId === null) {
        if (typeof claimedName !== 'string' || claimedName !== session.guestName) throw new AuthError(INVALID);
        return { sessionId: session.id, kind: 'guest', name: claimedName, accountId: null, grants: [], expiresAt: session.expiresAt };
      }
      const account = await repos.accounts.get(session.accountId);
      if (!account) throw new AuthError(INVALID);
      if (account.disabledAt) throw new AuthError('This account has been disabled. Please contact an administrator.');
      const grants = toGrants(await repos.roles.listForAccount(account.id));
      return { sessionId: session.id, kind: 'account', name: account.displayName, accountId: account.id, grants, expiresAt: session.expiresAt };
    },

    revoke: (sessionId: string) => repos.sessions.revoke(sessionId),
  };
}
export type Sessions = ReturnType<typeof createSessions>;
