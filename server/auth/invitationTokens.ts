import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new invitation secret: 32 random bytes, URL-safe. Only its hash is stored. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a stored hash with the hash of a presented token in constant time. */
export function sameTokenHash(stored: string, presentedHash: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(presentedHash, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
