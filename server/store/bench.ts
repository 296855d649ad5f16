/**
 * Store benchmark: audit appends/s, space upserts/s (put) and space reads/s (get), each one
 * statement per commit as the app does them, and the hot paths of identity (verifying a
 * session, granting and revoking a role, using an invitation, reading a space full of
 * exhibits), on SQLite (a temp dir) and, when DATABASE_URL is set, on a scratch database on
 * that PostgreSQL server (created and dropped here).
 *   npm run bench:store
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npm run bench:store
 * BENCH_SECONDS (default 2) sets how long each measurement runs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SPACES } from '../../shared/spaces/catalog.js';
import type { Box, SpaceLayout, Sign } from '../../shared/spaces/layout.js';
import { appendAudit } from './audit.js';
import { type DatabaseHandle, openDatabase } from './db.js';
import { migrateToLatest } from './migrate.js';
import { createRepos, type Repos } from './repos.js';
import type { InvitationRow } from './schema.js';
import { createScratchPostgres } from './scratch.js';
import { createSpaceStore } from './spaces.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);

const WARM_UP = 50;

/** Runs `op` for BENCH_SECONDS after a warm-up; stops early after `max` timed ops (ops that use up prepared rows). */
async function rate(label: string, op: (i: number) => Promise<unknown>, max = Infinity): Promise<void> {
  for (let i = 0; i < WARM_UP; i++) await op(i);
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let n = 0;
  while (n < max && performance.now() < end) await op(WARM_UP + n++);
  const elapsed = (performance.now() - started) / 1000;
  const perSecond = n / elapsed;
  const note = n >= max ? `, stopped: all ${max} prepared rows used` : '';
  console.log(`  ${label.padEnd(50)} ${Math.round(perSecond).toString().padStart(7)} /s   (${(1000 / perSecond).toFixed(3)} ms each, ${n} in ${elapsed.toFixed(1)} s${note})`);
}

/** Plaza plus 200 exhibit plinths (boxes; the schema allows 500) and as many signs as it allows (64). */
const EXHIBITS = 200;
const SIGNS_MAX = 64; // SpaceLayout.signs .max(64) in shared/spaces/layout.ts
function exhibitionLayout(plaza: SpaceLayout): SpaceLayout {
  const plinths = Array.from({ length: EXHIBITS }, (_, i): Box => ({
    x: -28 + (i % 20) * 2.9, z: -28 + Math.floor(i / 20) * 5.6, w: 1.2, d: 1.2, h: 1.1, kind: 'furniture', color: '#8a7f72', solid: true,
  }));
  const labels = Array.from({ length: SIGNS_MAX - plaza.signs.length }, (_, i): Sign => ({
    text: `Exhibit ${i + 1}: the case for a longer label`, x: -28 + (i % 20) * 2.9, y: 1.8, z: -28 + Math.floor(i / 20) * 5.6, yaw: 0, size: 0.5,
  }));
  return { ...plaza, id: 'exhibition', name: 'Exhibition (bench)', boxes: [...plaza.boxes, ...plinths], signs: [...plaza.signs, ...labels] };
}

/** Pending invitations for markUsed to consume, inserted in bulk (setup, not measured). */
async function prepareInvitations(handle: DatabaseHandle, count: number): Promise<string[]> {
  const at = new Date().toISOString();
  const expires = new Date(Date.now() + 24 * 3_600_000).toISOString();
  const rows: InvitationRow[] = Array.from({ length: count }, () => ({
    id: randomUUID(), token_hash: randomBytes(32).toString('hex'), role: 'host', space_id: 'plaza', created_by: null,
    created_at: at, expires_at: expires, used_at: null, used_by: null, email: null, note: null, revoked_at: null,
  }));
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('invitations').values(rows.slice(i, i + 500)).execute();
  });
  return rows.map((r) => r.id);
}

async function benchIdentity(handle: DatabaseHandle, repos: Repos, plaza: SpaceLayout): Promise<void> {
  const account = await repos.accounts.create({ email: `bench-${randomUUID()}@example.org`, passwordHash: 'x', displayName: 'Bench' });
  await repos.roles.grant({ accountId: account.id, role: 'admin' });
  await repos.roles.grant({ accountId: account.id, role: 'host', spaceId: 'plaza' });
  await repos.roles.grant({ accountId: account.id, role: 'curator', spaceId: 'townhall' });
  const session = await repos.sessions.createForAccount(randomUUID(), account.id, new Date(Date.now() + 3_600_000));
  // What server/auth/sessions.ts verify() reads for an account's token, in the same order.
  await rate('session verify reads (session+account+3 roles)', async () => {
    const found = await repos.sessions.get(session.id);
    const who = await repos.accounts.get(found!.accountId!);
    return repos.roles.listForAccount(who!.id);
  });

  await rate('role grant + revokeById (2 commits)', async () => {
    const grant = await repos.roles.grant({ accountId: account.id, role: 'moderator', spaceId: 'plaza' });
    await repos.roles.revokeById(grant.id);
  });

  const prepared = Math.ceil(seconds * 15_000);
  const ids = await prepareInvitations(handle, WARM_UP + prepared);
  await rate(`invitation markUsed (of ${ids.length} pending)`, async (i) => {
    if (!await repos.invitations.markUsed(ids[i]!, account.id)) throw new Error(`invitation ${i} was not pending`);
  }, prepared);

  const exhibition = await repos.spaces.put(exhibitionLayout(plaza));
  const extra = exhibition.boxes.length - plaza.boxes.length;
  await rate(`space get() plaza+${extra} boxes, ${exhibition.signs.length} signs (max)`, () => repos.spaces.get('exhibition'));
  console.log(`  (that layout: ${exhibition.boxes.length} boxes, ${exhibition.circles.length} circles, ${exhibition.signs.length} signs; ${JSON.stringify(exhibition).length} bytes of JSON)`);
}

async function benchBackend(label: string, databaseUrl: string | undefined, dataDir: string): Promise<void> {
  const handle = openDatabase({ databaseUrl, dataDir });
  try {
    await migrateToLatest(handle);
    const spaces = createSpaceStore(handle.db);
    await spaces.seedIfEmpty(SPACES.values());
    const plaza = SPACES.get('plaza')!;
    const bytes = JSON.stringify(plaza).length;
    console.log(`${label} (${handle.location}; plaza layout ${bytes} bytes of JSON)`);
    await rate('audit appends (1 row/commit)', (i) =>
      appendAudit(handle.db, { actorId: 'bench', action: 'bench.append', targetType: 'space', targetId: 'plaza', detail: { i } }));
    await rate('space upserts put() (1/commit)', (i) => spaces.put({ ...plaza, name: `Civic Plaza ${i % 1000}` }));
    await rate('space reads get() (parse+validate)', () => spaces.get('plaza'));
    await rate('audit append + put in 1 transaction', (i) => handle.db.transaction().execute(async (trx) => {
      await createSpaceStore(trx).put({ ...plaza, name: `Civic Plaza ${i % 1000}` });
      await appendAudit(trx, { actorId: 'bench', action: 'space.put', targetType: 'space', targetId: 'plaza' });
    }));
    await benchIdentity(handle, createRepos(handle.db), plaza);
  } finally {
    await handle.close();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-bench-'));
try {
  console.log(`store benchmark, Node ${process.version}, ${os.cpus().length} cores, ${seconds} s per measurement`);
  await benchBackend('SQLite', undefined, dataDir);
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const scratch = await createScratchPostgres(adminUrl, 'hustings_bench');
    try {
      await benchBackend('PostgreSQL', scratch.url, dataDir);
    } finally {
      await scratch.drop();
    }
  } else {
    console.log('PostgreSQL: skipped (set DATABASE_URL, e.g. from scripts/postgres.sh start)');
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
