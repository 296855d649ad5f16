import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { createAccountStore } from './accounts.js';
import { appendAudit, listAudit } from './audit.js';
import type { Clock } from './clock.js';
import { type DatabaseHandle, openDatabase } from './db.js';
import { StoreError } from './errors.js';
import { Migrator } from 'kysely';
import { migrateToLatest } from './migrate.js';
import { allMigrations } from './migrations/index.js';
import { createRepos, type Repos } from './repos.js';
import { createRoleStore } from './roles.js';
import { createScratchPostgres } from './scratch.js';
import { createSpaceStore } from './spaces.js';

/**
 * One suite, every backend: SQLite always; PostgreSQL when TEST_DATABASE_URL points at a
 * server (scripts/postgres.sh start prints one). Each PostgreSQL run gets its own scratch
 * database, dropped afterwards.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'sqlite', adminUrl: undefined, skip: false },
  pgUrl
    ? { name: 'postgres', adminUrl: pgUrl, skip: false }
    : { name: 'postgres (skipped: TEST_DATABASE_URL is not set; see scripts/postgres.sh)', adminUrl: undefined, skip: true },
];

async function expectStoreError(work: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

/** A clock the test moves by hand, so timestamps and expiry are exact. */
function manualClock(start: string): { clock: Clock; at: () => string; advance: (ms: number) => void; set: (iso: string) => void } {
  let now = new Date(start);
  return {
    clock: () => now,
    at: () => now.toISOString(),
    advance: (ms) => { now = new Date(now.getTime() + ms); },
    set: (iso) => { now = new Date(iso); },
  };
}

/** Resolves for everyone once `parties` callers are waiting. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => { release = resolve; });
  return () => {
    if (++arrived >= parties) release();
    return all;
  };
}

const HOUR = 3_600_000;

function newAccount(repos: Repos, name: string) {
  return repos.accounts.create({ email: `${name}@example.org`, passwordHash: `hash-of-${name}`, displayName: name });
}

describe.each(backends)('store on $name', ({ name, adminUrl, skip }) => {
  let handle: DatabaseHandle;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropScratch: (() => Promise<void>) | undefined;
  const plaza = SPACES.get('plaza')!;

  beforeAll(async () => {
    if (skip) return;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-store-'));
    if (adminUrl) {
      const scratch = await createScratchPostgres(adminUrl, 'hustings_test');
      databaseUrl = scratch.url;
      dropScratch = scratch.drop;
    }
    handle = openDatabase({ databaseUrl, dataDir });
  });

  afterAll(async () => {
    if (skip) return;
    await handle?.close();
    await dropScratch?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe.skipIf(skip)(`repositories on ${name}`, () => {
    it('opens the dialect the URL asks for', () => {
      expect(handle.dialect).toBe(adminUrl ? 'postgres' : 'sqlite');
      if (handle.dialect === 'sqlite') expect(handle.location).toBe(path.join(dataDir, 'hustings.sqlite'));
    });

    it('runs migrations once, and a second run (also from a second connection) does nothing', async () => {
      expect(await migrateToLatest(handle)).toEqual(['0001_initial', '0002_invitation_details', '0003_town_hall', '0004_exhibits', '0005_audit_space', '0006_address_bans', '0007_looks', '0008_ballots', '0009_consensus', '0010_event_thanks', '0012_consensus_analyses', '0013_question_merges', '0014_one_floor_turn']);
      expect(await migrateToLatest(handle)).toEqual([]);
      // WAL mode keeps a -wal file beside the database while it is open.
      if (handle.dialect === 'sqlite') expect(fs.existsSync(`${handle.location}-wal`)).toBe(true);
      const second = openDatabase({ databaseUrl, dataDir });
      try {
        expect(await migrateToLatest(second)).toEqual([]);
      } finally {
        await second.close();
      }
    });

    it('seeds spaces once and reads back the same validated layouts', async () => {
      const spaces = createSpaceStore(handle.db);
      expect(await spaces.seedIfEmpty(SPACES.values())).toBe(SPACES.size);
      expect(await spaces.seedIfEmpty(SPACES.values())).toBe(0);
      expect(await spaces.get('plaza')).toEqual(plaza);
      expect(await spaces.get('nowhere')).toBeUndefined();
      const listed = await spaces.list();
      expect(listed.map((s) => s.id)).toEqual([...SPACES.keys()].sort());
      for (const layout of listed) expect(layout).toEqual(SPACES.get(layout.id));
    });

    it('put replaces a space and refuses an invalid layout with INVALID_INPUT', async () => {
      const spaces = createSpaceStore(handle.db);
      const renamed: SpaceLayout = { ...plaza, name: 'Market Square', floorColor: '#aabbcc' };
      await spaces.put(renamed);
      expect(await spaces.get('plaza')).toEqual(renamed);
      await spaces.put({ ...plaza, id: 'annex', name: 'Annex' });
      expect((await spaces.list()).map((s) => s.id)).toContain('annex');
      await expectStoreError(spaces.put({ ...plaza, spawns: [] }), 'INVALID_INPUT');
      expect(await spaces.get('plaza')).toEqual(renamed);
      await spaces.put(plaza);
    });

    it('appends audit entries and lists them newest first, paging with before', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(await appendAudit(handle.db, { actorId: 'system', action: 'test.step', targetType: 'space', targetId: 'plaza', detail: { i } }));
      }
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      const page = await listAudit(handle.db, { limit: 3 });
      expect(page.map((e) => e.id)).toEqual([ids[4], ids[3], ids[2]]);
      expect(page[0]).toMatchObject({ actorId: 'system', action: 'test.step', targetType: 'space', targetId: 'plaza', detail: { i: 4 } });
      expect(page[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const older = await listAudit(handle.db, { limit: 3, before: page[2]!.id });
      expect(older.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    });

    it('commits a change and its audit entry together, or neither', async () => {
      const before = (await listAudit(handle.db, { limit: 1 }))[0]!.id;
      await expect(handle.db.transaction().execute(async (trx) => {
        await createSpaceStore(trx).put({ ...plaza, id: 'doomed', name: 'Doomed' });
        await appendAudit(trx, { actorId: 'system', action: 'space.put', targetType: 'space', targetId: 'doomed' });
        throw new Error('abort');
      })).rejects.toThrow('abort');
      expect(await createSpaceStore(handle.db).get('doomed')).toBeUndefined();
      expect((await listAudit(handle.db, { limit: 1 }))[0]!.id).toBe(before);

      await handle.db.transaction().execute(async (trx) => {
        await createSpaceStore(trx).put({ ...plaza, id: 'kept', name: 'Kept' });
        await appendAudit(trx, { actorId: 'system', action: 'space.put', targetType: 'space', targetId: 'kept' });
      });
      expect(await createSpaceStore(handle.db).get('kept')).toMatchObject({ name: 'Kept' });
      expect((await listAudit(handle.db, { limit: 1 }))[0]).toMatchObject({ action: 'space.put', targetId: 'kept' });
    });

    it('refuses a duplicate email and a duplicate role grant with CONFLICT', async () => {
      const accounts = createAccountStore(handle.db);
      const roles = createRoleStore(handle.db);
      const ada = await accounts.create({ email: 'Ada@Example.org', passwordHash: 'x', displayName: 'Ada' });
      await expectStoreError(accounts.create({ email: 'ada@example.org ', passwordHash: 'y', displayName: 'Other' }), 'CONFLICT');
      expect((await accounts.findByEmail('ADA@example.org'))?.id).toBe(ada.id);

      await roles.grant({ accountId: ada.id, role: 'moderator', spaceId: 'plaza' });
      await roles.grant({ accountId: ada.id, role: 'moderator' });
      await roles.grant({ accountId: ada.id, role: 'curator', spaceId: 'plaza' });
      await expectStoreError(roles.grant({ accountId: ada.id, role: 'moderator', spaceId: 'plaza' }), 'CONFLICT');
      // A global grant (no space) is unique too, although SQL treats NULLs as distinct.
      await expectStoreError(roles.grant({ accountId: ada.id, role: 'moderator', spaceId: null }), 'CONFLICT');
      expect((await roles.listForAccount(ada.id)).map((g) => `${g.role}@${g.spaceId ?? '*'}`))
        .toEqual(['curator@plaza', 'moderator@*', 'moderator@plaza']);
      expect(await roles.revoke(ada.id, 'moderator', null)).toBe(true);
      expect(await roles.revoke(ada.id, 'moderator', null)).toBe(false);
    });

    it('enforces foreign keys (off by default in SQLite): a grant for a missing account or space fails', async () => {
      const roles = createRoleStore(handle.db);
      await expect(roles.grant({ accountId: 'no-such-account', role: 'host' })).rejects.toThrow();
      const bo = await createAccountStore(handle.db).create({ email: 'bo@example.org', passwordHash: 'x', displayName: 'Bo' });
      await expect(roles.grant({ accountId: bo.id, role: 'host', spaceId: 'no-such-space' })).rejects.toThrow();
    });
    it('lists accounts oldest first, counts them, changes a password hash, and disables idempotently', async () => {
      const t = manualClock('2030-01-02T00:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      const before = await repos.accounts.count();
      const late = await newAccount(repos, 'late');
      t.set('2030-01-01T00:00:00.000Z');
      const early = await newAccount(repos, 'early');
      expect(early).toEqual({ id: early.id, email: 'early@example.org', displayName: 'early', createdAt: '2030-01-01T00:00:00.000Z', disabledAt: null });
      expect(await repos.accounts.count()).toBe(before + 2);
      const listed = await repos.accounts.list();
      expect(listed).toHaveLength(before + 2);
      expect(listed.filter((a) => a.id === early.id || a.id === late.id)).toEqual([early, late]);

      expect(await repos.accounts.setPasswordHash(early.id, 'new-hash')).toBe(true);
      expect(await repos.accounts.passwordHash(early.id)).toBe('new-hash');
      expect(await repos.accounts.passwordHash(late.id)).toBe('hash-of-late');
      expect(await repos.accounts.setPasswordHash('no-such-account', 'x')).toBe(false);
      expect(await repos.accounts.passwordHash('no-such-account')).toBeUndefined();

      t.set('2030-02-01T00:00:00.000Z');
      expect(await repos.accounts.setDisabled(early.id, true)).toMatchObject({ id: early.id, disabledAt: '2030-02-01T00:00:00.000Z' });
      t.advance(HOUR);
      // Disabling twice keeps the first timestamp.
      expect((await repos.accounts.setDisabled(early.id, true))?.disabledAt).toBe('2030-02-01T00:00:00.000Z');
      expect((await repos.accounts.get(early.id))?.disabledAt).toBe('2030-02-01T00:00:00.000Z');
      expect((await repos.accounts.findByEmail('early@example.org'))?.disabledAt).toBe('2030-02-01T00:00:00.000Z');
      expect((await repos.accounts.get(late.id))?.disabledAt).toBeNull();
      expect((await repos.accounts.setDisabled(early.id, false))?.disabledAt).toBeNull();
      expect((await repos.accounts.setDisabled(early.id, false))?.disabledAt).toBeNull();
      expect(await repos.accounts.setDisabled('no-such-account', true)).toBeUndefined();
      expect(await repos.accounts.count()).toBe(before + 2);
    });

    it('treats emails as unique whatever their case or surrounding spaces (CONFLICT)', async () => {
      const repos = createRepos(handle.db);
      const before = await repos.accounts.count();
      const cy = await repos.accounts.create({ email: 'Cy.Twombly@Example.ORG', passwordHash: 'x', displayName: 'Cy' });
      expect(cy.email).toBe('cy.twombly@example.org');
      for (const email of ['cy.twombly@example.org', 'CY.TWOMBLY@EXAMPLE.ORG', '  Cy.Twombly@example.org\t']) {
        await expectStoreError(repos.accounts.create({ email, passwordHash: 'y', displayName: 'Impostor' }), 'CONFLICT');
      }
      expect(await repos.accounts.count()).toBe(before + 1);
      expect(await repos.accounts.findByEmail(' CY.twombly@example.org ')).toMatchObject({ id: cy.id, passwordHash: 'x' });
    });

    it('creates account sessions and revokes all of an account\'s sessions, optionally keeping one', async () => {
      const t = manualClock('2030-03-01T00:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      const dee = await newAccount(repos, 'dee');
      const other = await newAccount(repos, 'dee-other');
      const expires = new Date('2030-03-02T00:00:00.000Z');
      const [keep, a, b, alreadyRevoked] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      for (const id of [keep, a, b, alreadyRevoked]) await repos.sessions.createForAccount(id, dee.id, expires);
      const otherSession = await repos.sessions.createForAccount(randomUUID(), other.id, expires);
      const guest = await repos.sessions.createGuest(randomUUID(), 'Passer-by', expires);
      expect(await repos.sessions.get(keep)).toEqual({
        id: keep, accountId: dee.id, guestName: null, createdAt: '2030-03-01T00:00:00.000Z', expiresAt: '2030-03-02T00:00:00.000Z', revokedAt: null,
      });
      expect(await repos.sessions.get('no-such-session')).toBeUndefined();

      await repos.sessions.revoke(alreadyRevoked);
      t.advance(HOUR);
      expect(await repos.sessions.revokeAllForAccount(dee.id, keep)).toBe(2);
      const revokedAt = async (id: string) => (await repos.sessions.get(id))?.revokedAt;
      expect(await revokedAt(a)).toBe('2030-03-01T01:00:00.000Z');
      expect(await revokedAt(b)).toBe('2030-03-01T01:00:00.000Z');
      expect(await revokedAt(alreadyRevoked)).toBe('2030-03-01T00:00:00.000Z');
      expect(await revokedAt(keep)).toBeNull();
      expect(await revokedAt(otherSession.id)).toBeNull();
      expect(await revokedAt(guest.id)).toBeNull();

      t.advance(HOUR);
      expect(await repos.sessions.revokeAllForAccount(dee.id)).toBe(1);
      expect(await revokedAt(keep)).toBe('2030-03-01T02:00:00.000Z');
      expect(await revokedAt(a)).toBe('2030-03-01T01:00:00.000Z');
      expect(await repos.sessions.revokeAllForAccount(dee.id)).toBe(0);
      expect(await repos.sessions.revokeAllForAccount('no-such-account')).toBe(0);
      expect(await revokedAt(otherSession.id)).toBeNull();
    });

    it('gets, lists and revokes role grants by id; a global grant is unique, one per space is fine', async () => {
      const t = manualClock('2030-04-01T00:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      const eve = await newAccount(repos, 'eve');
      const fin = await newAccount(repos, 'fin');
      const global = await repos.roles.grant({ accountId: eve.id, role: 'host', grantedBy: fin.id });
      expect(global).toEqual({ id: global.id, accountId: eve.id, role: 'host', spaceId: null, grantedBy: fin.id, createdAt: '2030-04-01T00:00:00.000Z' });
      expect(await repos.roles.get(global.id)).toEqual(global);
      expect(await repos.roles.get('no-such-grant')).toBeUndefined();
      await expectStoreError(repos.roles.grant({ accountId: eve.id, role: 'host' }), 'CONFLICT');
      await expectStoreError(repos.roles.grant({ accountId: eve.id, role: 'host', spaceId: null, grantedBy: eve.id }), 'CONFLICT');

      const inPlaza = await repos.roles.grant({ accountId: eve.id, role: 'host', spaceId: 'plaza' });
      const inTownhall = await repos.roles.grant({ accountId: eve.id, role: 'host', spaceId: 'townhall' });
      await expectStoreError(repos.roles.grant({ accountId: eve.id, role: 'host', spaceId: 'plaza' }), 'CONFLICT');
      const curator = await repos.roles.grant({ accountId: eve.id, role: 'curator', spaceId: 'plaza' });
      const finHost = await repos.roles.grant({ accountId: fin.id, role: 'host' });
      const finAdmin = await repos.roles.grant({ accountId: fin.id, role: 'admin' });

      // listAll: grouped by account, then by role, the global grant before the per-space ones.
      const byAccount = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
      const expected = [
        ...(eve.id < fin.id ? [] : [finAdmin, finHost]),
        curator, global, inPlaza, inTownhall,
        ...(eve.id < fin.id ? [finAdmin, finHost] : []),
      ];
      const all = await repos.roles.listAll();
      expect(all.map((g) => g.accountId)).toEqual(all.map((g) => g.accountId).sort(byAccount));
      expect(all.filter((g) => g.accountId === eve.id || g.accountId === fin.id)).toEqual(expected);

      expect(await repos.roles.revokeById(inPlaza.id)).toEqual(inPlaza);
      expect(await repos.roles.revokeById(inPlaza.id)).toBeUndefined();
      expect(await repos.roles.get(inPlaza.id)).toBeUndefined();
      expect(await repos.roles.revokeById(global.id)).toEqual(global);
      expect((await repos.roles.listForAccount(eve.id)).map((g) => g.id)).toEqual([curator.id, inTownhall.id]);
      // With the global grant gone, granting it again is allowed.
      expect(await repos.roles.grant({ accountId: eve.id, role: 'host' })).toMatchObject({ spaceId: null });
    });

    it('creates invitations, lists them newest first, and tells pending, used, expired and revoked apart by the clock', async () => {
      const t = manualClock('2030-05-01T12:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      const gus = await newAccount(repos, 'gus');
      const hal = await newAccount(repos, 'hal');
      const hashes = new Map<string, string>();
      const invite = async (name: string, hours: number) => {
        const tokenHash = randomBytes(32).toString('hex');
        const created = await repos.invitations.create({
          tokenHash, role: 'moderator', spaceId: 'plaza', email: `${name}@example.org`, note: `for ${name}`, createdBy: gus.id,
          expiresAt: new Date(t.clock().getTime() + hours * HOUR),
        });
        hashes.set(created.id, tokenHash);
        t.advance(1000);
        return created;
      };
      const a = await invite('a', 1);
      const b = await invite('b', 1);
      const c = await invite('c', 1);
      const d = await invite('d', 2);
      expect(a).toEqual({
        id: a.id, role: 'moderator', spaceId: 'plaza', email: 'a@example.org', note: 'for a', createdBy: gus.id,
        createdAt: '2030-05-01T12:00:00.000Z', expiresAt: '2030-05-01T13:00:00.000Z', usedAt: null, usedBy: null, revokedAt: null, status: 'pending',
      });
      expect(await repos.invitations.get(a.id)).toEqual(a);
      expect(await repos.invitations.get('no-such-invitation')).toBeUndefined();
      expect(await repos.invitations.findByTokenHash(hashes.get(b.id)!)).toEqual({ ...b, tokenHash: hashes.get(b.id) });
      expect(await repos.invitations.findByTokenHash('0'.repeat(64))).toBeUndefined();
      const mine = new Set([a.id, b.id, c.id, d.id]);
      expect((await repos.invitations.list()).filter((i) => mine.has(i.id)).map((i) => i.id)).toEqual([d.id, c.id, b.id, a.id]);

      // Used: once only.
      const usedAt = t.at();
      expect(await repos.invitations.markUsed(a.id, hal.id)).toBe(true);
      t.advance(1000);
      expect(await repos.invitations.markUsed(a.id, hal.id)).toBe(false);
      expect(await repos.invitations.markUsed(a.id, gus.id)).toBe(false);
      expect(await repos.invitations.get(a.id)).toMatchObject({ status: 'used', usedAt, usedBy: hal.id, revokedAt: null });

      // Revoked: not usable, and revoking again keeps the first timestamp.
      const revokedAt = t.at();
      expect(await repos.invitations.revoke(b.id)).toMatchObject({ id: b.id, status: 'revoked', revokedAt });
      t.advance(1000);
      expect(await repos.invitations.markUsed(b.id, hal.id)).toBe(false);
      expect(await repos.invitations.revoke(b.id)).toMatchObject({ status: 'revoked', revokedAt, usedAt: null, usedBy: null });

      // Revoking a used invitation changes nothing.
      expect(await repos.invitations.revoke(a.id)).toMatchObject({ status: 'used', revokedAt: null, usedBy: hal.id });
      expect(await repos.invitations.revoke('no-such-invitation')).toBeUndefined();

      // Expired: from the moment expiresAt is reached (by this store's clock).
      t.set(c.expiresAt);
      t.advance(-1);
      expect((await repos.invitations.get(c.id))?.status).toBe('pending');
      t.advance(1);
      expect((await repos.invitations.get(c.id))?.status).toBe('expired');
      expect(await repos.invitations.markUsed(c.id, hal.id)).toBe(false);
      expect(await repos.invitations.get(c.id)).toMatchObject({ status: 'expired', usedAt: null, usedBy: null });
      // Still pending with an hour left; usable.
      expect((await repos.invitations.get(d.id))?.status).toBe('pending');
      expect(await repos.invitations.markUsed(d.id, gus.id)).toBe(true);

      const statuses = Object.fromEntries((await repos.invitations.list()).filter((i) => mine.has(i.id)).map((i) => [i.note, i.status]));
      expect(statuses).toEqual({ 'for a': 'used', 'for b': 'revoked', 'for c': 'expired', 'for d': 'used' });
    });

    it('finds which addresses have an account, and the pending invitations made for addresses (members in bulk)', async () => {
      const t = manualClock('2030-06-01T12:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      await newAccount(repos, 'kit-bulk');
      expect(await repos.accounts.existingEmails(['KIT-bulk@example.org', 'nobody@example.org', ...Array.from({ length: 450 }, (_, i) => `x${i}@example.org`)]))
        .toEqual(new Set(['kit-bulk@example.org']));
      const make = (email: string, hours: number, role = 'visitor') => repos.invitations.create({
        tokenHash: randomBytes(32).toString('hex'), role, spaceId: 'plaza', email, note: null, createdBy: null, expiresAt: new Date(t.clock().getTime() + hours * HOUR),
      });
      const pending = await make('pen@example.org', 2);
      const staff = await make('pen@example.org', 2, 'host');
      const used = await make('used@example.org', 2);
      const revoked = await make('gone@example.org', 2);
      const expired = await make('old@example.org', 1);
      await repos.invitations.markUsed(used.id, (await newAccount(repos, 'pen-user')).id);
      await repos.invitations.revoke(revoked.id);
      t.advance(HOUR);
      const found = await repos.invitations.pendingForEmails(['Pen@example.org', 'used@example.org', 'gone@example.org', 'old@example.org', expired.email!]);
      expect(found.map((i) => i.id).sort()).toEqual([pending.id, staff.id].sort());
      expect(await repos.invitations.pendingForEmails([])).toEqual([]);
    });

    it('repos.transaction rolls back every write (account, grant, audit) when the work throws, and commits them all when it returns', async () => {
      const repos = createRepos(handle.db);
      const accountsBefore = await repos.accounts.count();
      const newestAudit = async () => (await repos.audit.list({ limit: 1 }))[0]?.id;
      const auditBefore = await newestAudit();
      let doomedId: string | undefined;
      await expect(repos.transaction(async (tx) => {
        const doomed = await newAccount(tx, 'ivy');
        doomedId = doomed.id;
        await tx.audit.append({ actorId: 'system', action: 'account.create', targetType: 'account', targetId: doomed.id });
        // A nested call joins the outer transaction rather than committing on its own.
        await tx.transaction((inner) => inner.roles.grant({ accountId: doomed.id, role: 'admin' }));
        expect(await tx.accounts.get(doomed.id)).toBeDefined();
        throw new Error('abort after writing');
      })).rejects.toThrow('abort after writing');
      expect(doomedId).toBeDefined();
      expect(await repos.accounts.get(doomedId!)).toBeUndefined();
      expect(await repos.accounts.findByEmail('ivy@example.org')).toBeUndefined();
      expect(await repos.roles.listForAccount(doomedId!)).toEqual([]);
      expect(await repos.accounts.count()).toBe(accountsBefore);
      expect(await newestAudit()).toBe(auditBefore);

      const kept = await repos.transaction(async (tx) => {
        const account = await newAccount(tx, 'ivy');
        await tx.roles.grant({ accountId: account.id, role: 'admin' });
        await tx.audit.append({ actorId: 'system', action: 'account.create', targetType: 'account', targetId: account.id });
        return account;
      });
      expect(await repos.accounts.findByEmail('ivy@example.org')).toMatchObject({ id: kept.id });
      expect((await repos.roles.listForAccount(kept.id)).map((g) => g.role)).toEqual(['admin']);
      expect(await repos.accounts.count()).toBe(accountsBefore + 1);
      expect((await repos.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'account.create', targetId: kept.id });
    });

    it('moves events scheduled -> live -> ended one step at a time, and changes only scheduled ones', async () => {
      const t = manualClock('2030-06-01T10:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      await repos.spaces.put({ ...SPACES.get('townhall')!, id: 'stage-one', name: 'Stage One' });
      const event = await repos.events.create({
        spaceId: 'stage-one', title: 'Budget night', description: 'About money', startsAt: new Date('2030-06-02T18:00:00Z'), autoApprove: true, createdBy: null,
      });
      expect(event).toEqual({
        id: event.id, spaceId: 'stage-one', title: 'Budget night', description: 'About money', state: 'scheduled',
        startsAt: '2030-06-02T18:00:00.000Z', startedAt: null, endedAt: null, autoApprove: true, createdBy: null, createdAt: '2030-06-01T10:00:00.000Z',
        thanks: '',
      });
      // A closing note only for a live or ended event (migration 0010).
      expect(await repos.events.setThanks(event.id, 'Thanks!')).toBeUndefined();
      expect(await repos.events.get(event.id)).toEqual(event);
      expect(await repos.events.get('no-such-event')).toBeUndefined();

      expect(await repos.events.update(event.id, { title: 'Budget night 2', startsAt: new Date('2030-06-02T19:00:00Z'), autoApprove: false }))
        .toMatchObject({ title: 'Budget night 2', description: 'About money', startsAt: '2030-06-02T19:00:00.000Z', autoApprove: false });
      expect(await repos.events.update(event.id, {})).toMatchObject({ title: 'Budget night 2' });
      expect(await repos.events.update('no-such-event', { title: 'x' })).toBeUndefined();
      // Ending before it started, or starting twice: nothing moves.
      expect(await repos.events.end(event.id)).toBeUndefined();
      t.advance(HOUR);
      expect(await repos.events.start(event.id)).toMatchObject({ state: 'live', startedAt: '2030-06-01T11:00:00.000Z', endedAt: null });
      t.advance(HOUR);
      expect(await repos.events.start(event.id)).toBeUndefined();
      expect(await repos.events.update(event.id, { title: 'Too late' })).toBeUndefined();
      expect(await repos.events.update(event.id, {})).toBeUndefined();
      expect(await repos.events.end(event.id)).toMatchObject({ state: 'ended', startedAt: '2030-06-01T11:00:00.000Z', endedAt: '2030-06-01T12:00:00.000Z' });
      expect(await repos.events.end(event.id)).toBeUndefined();
      expect(await repos.events.start(event.id)).toBeUndefined();
      expect(await repos.events.setThanks(event.id, 'Thank you, Stage One.')).toMatchObject({ state: 'ended', thanks: 'Thank you, Stage One.' });
      expect(await repos.events.get(event.id)).toMatchObject({ title: 'Budget night 2', state: 'ended', thanks: 'Thank you, Stage One.' });
      expect(await repos.events.start('no-such-event')).toBeUndefined();

      // Two callers starting at once: exactly one moves it.
      const race = await repos.events.create({ spaceId: 'stage-one', title: 'Race', description: '', startsAt: new Date('2030-07-01T00:00:00Z'), autoApprove: false, createdBy: null });
      const second = openDatabase({ databaseUrl, dataDir });
      try {
        const won = await Promise.all([repos.events.start(race.id), createRepos(second.db).events.start(race.id)]);
        expect(won.filter((e) => e !== undefined)).toHaveLength(1);
      } finally {
        await second.close();
      }
    });

    it('shows a town hall its live event, else the next scheduled one, else the last ended; lists and counts', async () => {
      const t = manualClock('2030-08-01T00:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      await repos.spaces.put({ ...SPACES.get('townhall')!, id: 'stage-two', name: 'Stage Two' });
      expect(await repos.events.current('stage-two')).toBeUndefined();
      expect(await repos.events.count('stage-two')).toBe(0);
      const make = (title: string, startsAt: string) => repos.events.create({ spaceId: 'stage-two', title, description: '', startsAt: new Date(startsAt), autoApprove: false, createdBy: null });
      const later = await make('Later', '2030-08-03T18:00:00Z');
      const sooner = await make('Sooner', '2030-08-02T18:00:00Z');
      const latest = await make('Latest', '2030-08-04T18:00:00Z');
      expect((await repos.events.current('stage-two'))?.id).toBe(sooner.id);
      await repos.events.start(later.id);
      expect((await repos.events.current('stage-two'))?.id).toBe(later.id);
      t.advance(HOUR);
      await repos.events.end(later.id);
      expect((await repos.events.current('stage-two'))?.id).toBe(sooner.id);
      for (const e of [sooner, latest]) {
        await repos.events.start(e.id);
        t.advance(HOUR);
        await repos.events.end(e.id);
      }
      // All over: the one that ended last.
      expect((await repos.events.current('stage-two'))?.id).toBe(latest.id);
      expect(await repos.events.count('stage-two')).toBe(3);

      const listed = await repos.events.list({ spaceId: 'stage-two' });
      expect(listed.map((e) => e.title)).toEqual(['Latest', 'Later', 'Sooner']);
      const another = await make('Another', '2030-08-05T18:00:00Z');
      expect((await repos.events.list({ spaceId: 'stage-two', state: 'scheduled' })).map((e) => e.id)).toEqual([another.id]);
      expect((await repos.events.list({ spaceId: 'stage-two', state: 'ended' })).map((e) => e.id)).toEqual([latest.id, later.id, sooner.id]);
      expect(await repos.events.list({ spaceId: 'stage-two', state: 'live' })).toEqual([]);
      expect((await repos.events.list({ state: 'scheduled' })).some((e) => e.id === another.id)).toBe(true);
      expect(await repos.events.list({ spaceId: 'no-such-space' })).toEqual([]);
    });

    it('moves questions through their states with timestamps, keeps the first original text, and finds open duplicates', async () => {
      const t = manualClock('2030-09-01T00:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      const event = await repos.events.create({ spaceId: 'stage-one', title: 'Questions', description: '', startsAt: new Date('2030-09-01T18:00:00Z'), autoApprove: false, createdBy: null });
      const ask = (text: string, normalized: string, state: 'pending' | 'approved' = 'pending', authorKey = 'guest:a') => {
        t.advance(1000);
        return repos.questions.create({ eventId: event.id, authorKey, authorName: 'Ann', anonymous: state === 'approved', text, normalized, state, flagged: false });
      };
      const q = await ask('Bus lanes?', 'bus lanes');
      expect(q).toEqual({
        id: q.id, eventId: event.id, authorKey: 'guest:a', authorName: 'Ann', anonymous: false, text: 'Bus lanes?', originalText: null,
        normalized: 'bus lanes', state: 'pending', flagged: false, votes: 0, createdAt: '2030-09-01T00:00:01.000Z',
        approvedAt: null, answeringAt: null, answeredAt: null, dismissedAt: null, mergedInto: null, votesCarried: 0,
      });
      const straight = await ask('Parks?', 'parks', 'approved');
      expect(straight).toMatchObject({ state: 'approved', anonymous: true, approvedAt: '2030-09-01T00:00:02.000Z' });

      expect(await repos.questions.edit(q.id, 'New bus lanes?', 'new bus lanes')).toMatchObject({ text: 'New bus lanes?', originalText: 'Bus lanes?', normalized: 'new bus lanes', state: 'pending' });
      expect(await repos.questions.edit(q.id, 'Newer bus lanes?', 'newer bus lanes')).toMatchObject({ text: 'Newer bus lanes?', originalText: 'Bus lanes?' });
      // Only from the states asked for.
      expect(await repos.questions.transition(q.id, ['approved'], 'answering')).toBeUndefined();
      t.advance(1000);
      expect(await repos.questions.transition(q.id, ['pending'], 'approved', 'Bus lanes, east side?')).toMatchObject({
        state: 'approved', text: 'Bus lanes, east side?', originalText: 'Bus lanes?', approvedAt: '2030-09-01T00:00:03.000Z',
      });
      t.advance(1000);
      expect(await repos.questions.transition(q.id, ['approved', 'answered'], 'answering')).toMatchObject({ state: 'answering', answeringAt: '2030-09-01T00:00:04.000Z' });
      expect(await repos.questions.edit(q.id, 'Too late?', 'too late')).toBeUndefined();
      t.advance(1000);
      expect(await repos.questions.transition(q.id, ['answering'], 'answered')).toMatchObject({ state: 'answered', answeredAt: '2030-09-01T00:00:05.000Z', approvedAt: '2030-09-01T00:00:03.000Z' });
      expect(await repos.questions.transition(q.id, ['pending', 'approved'], 'dismissed')).toBeUndefined();
      expect(await repos.questions.transition('no-such-question', ['pending'], 'approved')).toBeUndefined();
      t.advance(1000);
      expect(await repos.questions.transition(straight.id, ['pending', 'approved'], 'dismissed')).toMatchObject({ state: 'dismissed', dismissedAt: '2030-09-01T00:00:06.000Z' });
      expect((await repos.questions.get(q.id))?.text).toBe('Bus lanes, east side?');
      expect(await repos.questions.get('no-such-question')).toBeUndefined();

      // Duplicates: same folded text, this event, not dismissed, the first asked.
      const first = await ask('Trams?', 'trams');
      await ask('TRAMS!', 'trams');
      expect((await repos.questions.findOpenDuplicate(event.id, 'trams'))?.id).toBe(first.id);
      expect(await repos.questions.findOpenDuplicate(event.id, 'parks')).toBeUndefined();
      expect((await repos.questions.findOpenDuplicate(event.id, 'bus lanes east side'))).toBeUndefined();
      const other = await repos.events.create({ spaceId: 'stage-one', title: 'Other', description: '', startsAt: new Date('2030-09-02T18:00:00Z'), autoApprove: false, createdBy: null });
      expect(await repos.questions.findOpenDuplicate(other.id, 'trams')).toBeUndefined();
      await repos.questions.transition(first.id, ['pending'], 'dismissed');
      expect((await repos.questions.findOpenDuplicate(event.id, 'trams'))?.text).toBe('TRAMS!');

      expect((await repos.questions.listForEvent(event.id)).map((x) => x.text)).toEqual(['Bus lanes, east side?', 'Parks?', 'Trams?', 'TRAMS!']);
      expect(await repos.questions.listForEvent(other.id)).toEqual([]);

      // A merged duplicate is dismissed and remembers where it went and how many backers it took (migration 0013).
      const again = (await repos.questions.findOpenDuplicate(event.id, 'trams'))!;
      t.advance(1000);
      expect(await repos.questions.markMerged(again.id, ['approved'], q.id, 2)).toBeUndefined();
      expect(await repos.questions.markMerged(again.id, ['pending', 'approved'], q.id, 2)).toMatchObject({
        state: 'dismissed', dismissedAt: '2030-09-01T00:00:09.000Z', mergedInto: q.id, votesCarried: 2,
      });
      expect(await repos.questions.markMerged(again.id, ['pending', 'approved'], q.id, 1)).toBeUndefined();
    });

    it('counts one vote per voter, takes votes back, and lists a voter\'s votes per event', async () => {
      const repos = createRepos(handle.db);
      const make = async (title: string) => repos.events.create({ spaceId: 'stage-one', title, description: '', startsAt: new Date('2030-10-01T18:00:00Z'), autoApprove: false, createdBy: null });
      const [one, two] = [await make('Votes one'), await make('Votes two')];
      const ask = (eventId: string, text: string) => repos.questions.create({ eventId, authorKey: 'guest:a', authorName: 'Ann', anonymous: false, text, normalized: text, state: 'approved', flagged: false });
      const [a, b, c] = [await ask(one.id, 'a'), await ask(one.id, 'b'), await ask(two.id, 'c')];
      const votes = async (id: string) => (await repos.questions.get(id))!.votes;

      expect(await repos.transaction((r) => r.questions.vote(a.id, 'account:v'))).toBe(true);
      expect(await repos.transaction((r) => r.questions.vote(a.id, 'account:v'))).toBe(false);
      expect(await repos.questions.vote(a.id, 'guest:w')).toBe(true);
      expect(await repos.questions.vote(b.id, 'account:v')).toBe(true);
      expect(await repos.questions.vote(c.id, 'account:v')).toBe(true);
      expect([await votes(a.id), await votes(b.id), await votes(c.id)]).toEqual([2, 1, 1]);
      expect((await repos.questions.votesOf(one.id, 'account:v')).sort()).toEqual([a.id, b.id].sort());
      expect(await repos.questions.votesOf(two.id, 'account:v')).toEqual([c.id]);
      expect(await repos.questions.votesOf(one.id, 'guest:nobody')).toEqual([]);

      expect(await repos.questions.unvote(a.id, 'account:v')).toBe(true);
      expect(await repos.questions.unvote(a.id, 'account:v')).toBe(false);
      expect(await repos.questions.unvote(b.id, 'guest:never-voted')).toBe(false);
      expect([await votes(a.id), await votes(b.id)]).toEqual([1, 1]);
      expect(await repos.questions.votesOf(one.id, 'account:v')).toEqual([b.id]);
      // Voting again after taking it back counts again.
      expect(await repos.questions.vote(a.id, 'account:v')).toBe(true);
      expect(await votes(a.id)).toBe(2);

      // The same voter twice at once: one vote. (Two transactions: on PostgreSQL on two pooled
      // connections at the same time; SQLite runs a handle's transactions one after the other.)
      const d = await ask(one.id, 'd');
      const won = await Promise.all([
        repos.transaction((r) => r.questions.vote(d.id, 'account:twice')),
        repos.transaction((r) => r.questions.vote(d.id, 'account:twice')),
      ]);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await votes(d.id)).toBe(1);
    });

    it('records floor turns with their length, and closes turns a restart left open at their start', async () => {
      const t = manualClock('2030-11-01T18:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      const event = await repos.events.create({ spaceId: 'stage-one', title: 'Floor', description: '', startsAt: new Date('2030-11-01T18:00:00Z'), autoApprove: false, createdBy: null });
      const start = (holderName: string) => repos.floorTurns.start({ eventId: event.id, holderKey: `guest:${holderName}`, holderName, calledBy: 'account:mod' });
      const first = await start('Ann');
      expect(first).toEqual({ id: first.id, eventId: event.id, holderKey: 'guest:Ann', holderName: 'Ann', calledBy: 'account:mod', startedAt: '2030-11-01T18:00:00.000Z', endedAt: null, seconds: null, section: 0 });
      t.advance(12_340);
      expect(await repos.floorTurns.end(first.id)).toBe(true);
      t.advance(5000);
      expect(await repos.floorTurns.end(first.id)).toBe(false);
      expect(await repos.floorTurns.end('no-such-turn')).toBe(false);
      const open1 = await start('Bob');
      t.advance(60_000);

      expect(await repos.floorTurns.closeDangling(event.id)).toBe(1);
      expect(await repos.floorTurns.closeDangling(event.id)).toBe(0);
      const turns = await repos.floorTurns.listForEvent(event.id);
      expect(turns.map((x) => [x.holderName, x.endedAt, x.seconds])).toEqual([
        ['Ann', '2030-11-01T18:00:12.340Z', 12.3],
        ['Bob', open1.startedAt, 0],
      ]);
      expect(await repos.floorTurns.end(open1.id)).toBe(false);
      expect(await repos.floorTurns.listForEvent('no-such-event')).toEqual([]);
    });

    it('keeps one open floor turn per event: of two calls at once from two sections, one is written and the other refused', async () => {
      const repos = createRepos(handle.db);
      const event = await repos.events.create({ spaceId: 'stage-one', title: 'One floor', description: '', startsAt: new Date('2030-11-02T18:00:00Z'), autoApprove: false, createdBy: null });
      const other = await repos.events.create({ spaceId: 'stage-one', title: 'Another floor', description: '', startsAt: new Date('2030-11-03T18:00:00Z'), autoApprove: false, createdBy: null });
      const call = (eventId: string, holderName: string, section: number) => repos.floorTurns.start({ eventId, holderKey: `guest:${holderName}`, holderName, calledBy: 'account:mod', section });
      const both = await Promise.allSettled([call(event.id, 'Bo', 2), call(event.id, 'Cy', 1)]);
      const won = both.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const lost = both.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(StoreError);
      const where = won[0]!.holderName === 'Bo' ? 'Bo has the floor in section 2' : 'Cy has the floor in section 1';
      expect(lost[0]).toMatchObject({ code: 'CONFLICT', message: `${where}; end their turn first.` });
      // Another event's floor is its own; once the turn ends, the next call is written.
      expect((await call(other.id, 'Di', 1)).holderName).toBe('Di');
      expect(await repos.floorTurns.end(won[0]!.id)).toBe(true);
      expect((await call(event.id, 'Cy', 1)).section).toBe(1);
      expect((await repos.floorTurns.listForEvent(event.id)).filter((x) => x.endedAt === null)).toHaveLength(1);
    });

    it("migration 0006 ends the address part of bans made under the old policy, and keeps the person's ban", async () => {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => allMigrations(handle.dialect) } });
      expect((await migrator.migrateTo('0005_audit_space')).error).toBeUndefined();
      await handle.db.insertInto('sanctions').values({
        id: 'old-guest-ban', space_id: 'stage-one', kind: 'ban', subject_key: 'guest:old', ip_hash: 'hash-of-a-school',
        reason: 'spam', created_by: null, created_at: '2030-01-01T00:00:00.000Z', lifted_at: null,
      } as never).execute();
      expect(await migrateToLatest(handle)).toEqual(['0006_address_bans', '0007_looks', '0008_ballots', '0009_consensus', '0010_event_thanks', '0012_consensus_analyses', '0013_question_merges', '0014_one_floor_turn']);
      const repos = createRepos(handle.db);
      expect(await repos.sanctions.isBanned('stage-one', ['guest:old'], null)).toBe(true);
      expect(await repos.sanctions.isBanned('stage-one', ['guest:someone-else'], 'hash-of-a-school')).toBe(false);
      expect((await repos.sanctions.active('stage-one', 'ban'))).toMatchObject([{ subjectKey: 'guest:old', ipHash: null, expiresAt: null, subjectName: '' }]);
      expect(await repos.sanctions.lift('stage-one', 'ban', 'guest:old')).toBe(1);
    });

    it('migration 0013 reads the merges made before it from the audit log', async () => {
      const repos = createRepos(handle.db);
      const event = await repos.events.create({ spaceId: 'stage-one', title: 'Merged before 0013', description: '', startsAt: new Date('2030-12-02T18:00:00Z'), autoApprove: false, createdBy: null });
      const ask = (text: string) => repos.questions.create({ eventId: event.id, authorKey: `guest:${text}`, authorName: text, anonymous: false, text, normalized: text, state: 'approved', flagged: false });
      const [original, merged, garbled] = [await ask('original'), await ask('merged'), await ask('garbled')];
      for (const q of [merged, garbled]) await repos.questions.transition(q.id, ['approved'], 'dismissed');
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => allMigrations(handle.dialect) } });
      expect((await migrator.migrateTo('0012_consensus_analyses')).error).toBeUndefined();
      await repos.audit.append({ actorId: 'account:mod', action: 'question.merge', targetType: 'question', targetId: merged.id, detail: { eventId: event.id, into: original.id, votesMoved: 3 } });
      await repos.audit.append({ actorId: 'account:mod', action: 'question.merge', targetType: 'question', targetId: garbled.id, detail: { eventId: event.id } });
      expect(await migrateToLatest(handle)).toEqual(['0013_question_merges', '0014_one_floor_turn']);
      expect(await repos.questions.get(merged.id)).toMatchObject({ state: 'dismissed', mergedInto: original.id, votesCarried: 3 });
      expect(await repos.questions.get(garbled.id)).toMatchObject({ state: 'dismissed', mergedInto: null, votesCarried: 0 });
      expect(await repos.questions.get(original.id)).toMatchObject({ state: 'approved', mergedInto: null, votesCarried: 0 });
    });

    it('adds, lists and lifts mutes and bans per space; a ban matches the person, an address ban the address until it expires', async () => {
      const t = manualClock('2030-12-01T00:00:00.000Z');
      const repos = createRepos(handle.db, t.clock);
      const space = 'stage-one';
      const mute = await repos.sanctions.add({ spaceId: space, kind: 'mute', subjectKey: 'guest:loud', ipHash: null, reason: 'shouting', createdBy: 'account:mod' });
      expect(mute).toEqual({
        id: mute.id, spaceId: space, kind: 'mute', subjectKey: 'guest:loud', subjectName: '', ipHash: null, reason: 'shouting',
        createdBy: 'account:mod', createdAt: '2030-12-01T00:00:00.000Z', liftedAt: null, expiresAt: null,
      });
      await repos.sanctions.add({ spaceId: space, kind: 'ban', subjectKey: 'account:bad', ipHash: null, reason: 'threats', createdBy: 'account:mod' });
      const troll = await repos.sanctions.add({ spaceId: space, kind: 'ban', subjectKey: 'guest:troll', subjectName: 'Troll', ipHash: null, reason: 'spam', createdBy: null });
      // The moderator chose to bar the troll's address too, for two hours.
      const address = await repos.sanctions.add({
        spaceId: space, kind: 'address_ban', subjectKey: 'guest:troll', subjectName: 'Troll', ipHash: 'hash-of-an-address', reason: 'spam',
        createdBy: 'account:mod', expiresAt: '2030-12-01T02:00:00.000Z',
      });
      await repos.sanctions.add({ spaceId: 'stage-two', kind: 'ban', subjectKey: 'account:elsewhere', ipHash: null, reason: 'elsewhere', createdBy: null });

      expect((await repos.sanctions.active(space, 'mute')).map((s) => s.subjectKey)).toEqual(['guest:loud']);
      expect((await repos.sanctions.active(space, 'ban')).map((s) => s.subjectKey).sort()).toEqual(['account:bad', 'guest:troll']);
      expect((await repos.sanctions.active(space, 'address_ban')).map((s) => [s.subjectName, s.expiresAt])).toEqual([['Troll', '2030-12-01T02:00:00.000Z']]);
      expect(await repos.sanctions.isBanned(space, ['account:bad'], null)).toBe(true);
      expect(await repos.sanctions.isBanned(space, ['guest:someone', 'account:bad'], 'another-hash')).toBe(true);
      expect(await repos.sanctions.isBanned(space, ['guest:new-session'], 'hash-of-an-address')).toBe(true);
      expect(await repos.sanctions.isBanned(space, [], 'hash-of-an-address')).toBe(true);
      expect(await repos.sanctions.isBanned(space, ['guest:new-session'], 'another-hash')).toBe(false);
      expect(await repos.sanctions.isBanned(space, ['guest:loud'], null)).toBe(false);
      expect(await repos.sanctions.isBanned(space, [], null)).toBe(false);
      expect(await repos.sanctions.isBanned(space, ['account:elsewhere'], null)).toBe(false);
      expect(await repos.sanctions.isBanned('stage-two', ['account:elsewhere'], null)).toBe(true);
      expect(await repos.sanctions.isBanned('stage-two', [], 'hash-of-an-address')).toBe(false);

      // Two hours on, the address ban has ended by itself; the person's ban holds.
      t.advance(2 * HOUR);
      expect(await repos.sanctions.isBanned(space, ['guest:new-session'], 'hash-of-an-address')).toBe(false);
      expect(await repos.sanctions.active(space, 'address_ban')).toEqual([]);
      expect(await repos.sanctions.liftById(space, address.id)).toBeUndefined();
      expect(await repos.sanctions.isBanned(space, ['guest:troll'], null)).toBe(true);

      expect(await repos.sanctions.liftById('stage-two', troll.id)).toBeUndefined();
      expect((await repos.sanctions.liftById(space, troll.id))?.liftedAt).toBe('2030-12-01T02:00:00.000Z');
      expect(await repos.sanctions.liftById(space, troll.id)).toBeUndefined();
      expect(await repos.sanctions.isBanned(space, ['guest:troll'], null)).toBe(false);
      expect(await repos.sanctions.lift(space, 'ban', 'account:bad')).toBe(1);
      expect(await repos.sanctions.lift(space, 'ban', 'account:bad')).toBe(0);
      expect(await repos.sanctions.lift(space, 'mute', 'account:bad')).toBe(0);
      // Muted twice, lifted once: both go.
      await repos.sanctions.add({ spaceId: space, kind: 'mute', subjectKey: 'guest:loud', ipHash: null, reason: 'again', createdBy: null });
      expect(await repos.sanctions.lift(space, 'mute', 'guest:loud')).toBe(2);
      expect(await repos.sanctions.active(space, 'mute')).toEqual([]);
      const lifted = await handle.db.selectFrom('sanctions').select(['subject_key', 'lifted_at']).where('kind', '=', 'ban').where('subject_key', '=', 'guest:troll').execute();
      expect(lifted).toEqual([{ subject_key: 'guest:troll', lifted_at: '2030-12-01T02:00:00.000Z' }]);
    });

    it('lets exactly one of two simultaneous markUsed calls win, from two transactions and from two handles', async () => {
      const repos = createRepos(handle.db);
      const jo = await newAccount(repos, 'jo');
      const kit = await newAccount(repos, 'kit');
      const invitation = () => repos.invitations.create({
        tokenHash: randomBytes(32).toString('hex'), role: 'host', spaceId: null, email: null, note: null, createdBy: null,
        expiresAt: new Date(Date.now() + HOUR),
      });

      // Two transactions at once. PostgreSQL runs them on two pooled connections, and both
      // read the invitation as pending before either writes; SQLite has one connection per
      // handle, so Kysely runs its transactions one after the other.
      const postgres = handle.dialect === 'postgres';
      for (let round = 0; round < 5; round++) {
        const contested = await invitation();
        const bothRead = barrier(postgres ? 2 : 1);
        const outcomes = await Promise.all([jo, kit].map((who) => repos.transaction(async (tx) => {
          const seen = (await tx.invitations.get(contested.id))?.status;
          await bothRead();
          return { who: who.id, seen, won: await tx.invitations.markUsed(contested.id, who.id) };
        })));
        expect(outcomes.filter((o) => o.won)).toHaveLength(1);
        if (postgres) expect(outcomes.map((o) => o.seen)).toEqual(['pending', 'pending']);
        expect((await repos.invitations.get(contested.id))?.usedBy).toBe(outcomes.find((o) => o.won)?.who);
      }

      // Two handles (two pools, or two connections to the SQLite file), one statement each.
      const second = openDatabase({ databaseUrl, dataDir });
      try {
        const other = createRepos(second.db);
        for (let round = 0; round < 5; round++) {
          const contested = await invitation();
          const won = await Promise.all([repos.invitations.markUsed(contested.id, jo.id), other.invitations.markUsed(contested.id, kit.id)]);
          expect(won.filter(Boolean)).toHaveLength(1);
          expect((await other.invitations.get(contested.id))?.usedBy).toBe(won[0] ? jo.id : kit.id);
        }
      } finally {
        await second.close();
      }
    });
  });
});
