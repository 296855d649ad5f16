import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
