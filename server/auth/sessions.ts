import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { SessionStore } from '../store/sessions.js';

/** Who a verified token speaks for. */
export interface Identity {
  sessionId: string;
  kind: 'guest';
  name: string;
}

export class AuthError extends Error {
  readonly code = ErrorCode.NOT_ALLOWED;
}

const ISSUER = 'hustings';
const ALGORITHM = 'HS256';

/**
 * Signed session tokens (HS256). A token names a session row, so verification checks the
 * signature, the expiry and that the session has not been revoked.
 */
export function createSessions(store: SessionStore, secret: Uint8Array, ttlSeconds: number, now: () => Date = () => new Date()) {
  return {
    async issueGuest(name: string): Promise<{ token: string; name: string; expiresAt: string }> {
      const id = randomUUID();
      const issued = now();
      const expires = new Date(issued.getTime() + ttlSeconds * 1000);
      await store.createGuest(id, name, expires);
      const token = await new SignJWT({ kind: 'guest', name })
        .setProtectedHeader({ alg: ALGORITHM })
        .setIssuer(ISSUER)
        .setSubject(id)
        .setIssuedAt(Math.floor(issued.getTime() / 1000))
        .setExpirationTime(Math.floor(expires.getTime() / 1000))
        .sign(secret);
      return { token, name, expiresAt: expires.toISOString() };
    },

    async verify(token: string): Promise<Identity> {
      let sub: string | undefined;
      let name: unknown;
      try {
        const { payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, currentDate: now() });
        sub = payload.sub;
        name = payload.name;
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new AuthError('Your session has expired. Please enter your name again.');
        throw new AuthError('Your session token is not valid. Please enter your name again.');
      }
      const session = sub ? await store.get(sub) : undefined;
      if (!session || typeof name !== 'string') throw new AuthError('Your session token is not valid. Please enter your name again.');
      if (session.revokedAt) throw new AuthError('This session was signed out. Please enter your name again.');
      if (Date.parse(session.expiresAt) <= now().getTime()) throw new AuthError('Your session has expired. Please enter your name again.');
      return { sessionId: session.id, kind: 'guest', name };
    },

    revoke: (sessionId: string) => store.revoke(sessionId),
  };
}
export type Sessions = ReturnType<typeof createSessions>;
