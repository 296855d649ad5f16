import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { createSessionStore } from '../store/sessions.js';
import { createRepos } from '../store/repos.js';
import { loadSessionSecret } from './secret.js';
import { AuthError, createSessions } from './sessions.js';

let handle: DatabaseHandle;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-auth-'));
  handle = openDatabase({ dataDir });
  await migrateToLatest(handle);
});
afterAll(async () => {
  await handle.close();
});

describe('guest sessions', () => {
  it('issues a token that verifies to the same name and session', async () => {
    const sessions = createSessions(createRepos(handle.db), loadSessionSecret(undefined, dataDir), 3600);
    const issued = await sessions.issueGuest('Ada');
    const identity = await sessions.verify(issued.token);
    expect(identity).toMatchObject({ kind: 'guest', name: 'Ada' });
    expect((await createSessionStore(handle.db).get(identity.sessionId))?.guestName).toBe('Ada');
  });

  it('refuses a revoked session and an expired one with NOT_ALLOWED', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const sessions = createSessions(createRepos(handle.db, () => now), loadSessionSecret(undefined, dataDir), 60, () => now);
    const a = await sessions.issueGuest('Revoked');
    const identity = await sessions.verify(a.token);
    await sessions.revoke(identity.sessionId);
    await expect(sessions.verify(a.token)).rejects.toThrow(/signed out/);
    const b = await sessions.issueGuest('Late');
    now = new Date(now.getTime() + 61_000);
    const err = await sessions.verify(b.token).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).code).toBe('NOT_ALLOWED');
    expect((err as AuthError).message).toMatch(/expired/);
  });

  it('keeps the generated signing key across restarts, readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-secret-'));
    const first = loadSessionSecret(undefined, dir);
    expect(first.length).toBe(48);
    expect(loadSessionSecret(undefined, dir)).toEqual(first);
    expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(loadSessionSecret('y'.repeat(40), dir)).toEqual(new TextEncoder().encode('y'.repeat(40)));
  });
});

describe('account sessions', () => {
  const setup = () => {
    const repos = createRepos(handle.db);
    return { repos, sessions: createSessions(repos, loadSessionSecret(undefined, dataDir), 3600) };
  };
  let count = 0;
  const newAccount = (repos: ReturnType<typeof createRepos>) => repos.accounts.create({
    email: `session-${++count}@example.org`, passwordHash: 'not checked here', displayName: `Session ${count}`,
  });

  it('reads the roles fresh on every check', async () => {
    const { repos, sessions } = setup();
    const account = await newAccount(repos);
    const issued = await sessions.issueAccount(account.id);
    expect(await sessions.verify(issued.token)).toMatchObject({
      kind: 'account', name: account.displayName, accountId: account.id, sessionId: issued.sessionId, grants: [], expiresAt: issued.expiresAt,
    });
    const grant = await repos.roles.grant({ accountId: account.id, role: 'moderator', spaceId: null });
    expect((await sessions.verify(issued.token)).grants).toEqual([{ role: 'moderator', spaceId: null }]);
    await repos.roles.revokeById(grant.id);
    expect((await sessions.verify(issued.token)).grants).toEqual([]);
  });

  it('refuses the sessions of a disabled account, and all of an account\'s sessions once signed out everywhere', async () => {
    const { repos, sessions } = setup();
    const account = await newAccount(repos);
    const [a, b] = [await sessions.issueAccount(account.id), await sessions.issueAccount(account.id)];
    await repos.accounts.setDisabled(account.id, true);
    await expect(sessions.verify(a.token)).rejects.toThrow(/disabled/);
    await repos.accounts.setDisabled(account.id, false);
    expect((await sessions.verify(a.token)).accountId).toBe(account.id);
    expect(await repos.sessions.revokeAllForAccount(account.id, b.sessionId)).toBe(1);
    await expect(sessions.verify(a.token)).rejects.toThrow(/signed out/);
    expect((await sessions.verify(b.token)).sessionId).toBe(b.sessionId);
  });

  it('refuses tokens signed with the right key but the wrong issuer, algorithm or guest name', async () => {
    const { sessions } = setup();
    const key = loadSessionSecret(undefined, dataDir);
    const guest = await sessions.issueGuest('Honest');
    const sub = decodeJwt(guest.token).sub!;
    const sign = (claims: Record<string, string>, alg: string, issuer: string) => new SignJWT(claims)
      .setProtectedHeader({ alg }).setIssuer(issuer).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(key);
    // The control: rebuilt as the server builds it, it passes.
    expect((await sessions.verify(await sign({ kind: 'guest', name: 'Honest' }, 'HS256', 'hustings'))).name).toBe('Honest');
    for (const token of [
      await sign({ kind: 'guest', name: 'Honest' }, 'HS256', 'someone-else'),
      await sign({ kind: 'guest', name: 'Honest' }, 'HS512', 'hustings'),
      await sign({ kind: 'guest', name: 'Admin' }, 'HS256', 'hustings'),
    ]) {
      const err = await sessions.verify(token).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthError);
      expect((err as AuthError).message).toMatch(/not valid/);
    }
  });
});
