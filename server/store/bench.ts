/**
 * Store benchmark: audit appends/s, space upserts/s (put) and space reads/s (get), each one
 * statement per commit as the app does them, on SQLite (a temp dir) and, when DATABASE_URL
 * is set, on a scratch database on that PostgreSQL server (created and dropped here).
 *   npm run bench:store
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npm run bench:store
 * BENCH_SECONDS (default 2) sets how long each measurement runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SPACES } from '../../shared/spaces/catalog.js';
import { appendAudit } from './audit.js';
import { openDatabase } from './db.js';
import { migrateToLatest } from './migrate.js';
import { createScratchPostgres } from './scratch.js';
import { createSpaceStore } from './spaces.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);

async function rate(label: string, op: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) await op(i); // warm-up
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let n = 0;
  while (performance.now() < end) await op(n++);
  const elapsed = (performance.now() - started) / 1000;
  const perSecond = n / elapsed;
  console.log(`  ${label.padEnd(34)} ${Math.round(perSecond).toString().padStart(7)} /s   (${(1000 / perSecond).toFixed(3)} ms each, ${n} in ${elapsed.toFixed(1)} s)`);
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
