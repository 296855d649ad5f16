import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../shared/protocol/apiClient.js';
import { SQLITE_FILE } from './store/db.js';
import { bootServer } from './testing/harness.js';

// Issue 17, finding 7: under umask 022 the SQLite database and its WAL were 0644 (world-readable)
// and the data and upload folders 0755. The test runs under that umask, as a service would.

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe('data files', () => {
  let umask: number;
  let root: string;
  let server: Awaited<ReturnType<typeof bootServer>> | undefined;
  beforeEach(() => {
    umask = process.umask(0o022);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-perm-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    process.umask(umask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Boots a server on `dataDir`, writes something (a guest session) and lists the modes found. */
  async function modesAfterUse(dataDir: string): Promise<Record<string, string>> {
    server = await bootServer({ DATA_DIR: dataDir });
    await callApi('guestSession', { baseUrl: server.http, body: { name: 'Writer' } });
    const db = path.join(dataDir, SQLITE_FILE);
    expect(fs.existsSync(`${db}-wal`)).toBe(true);
    return {
      dataDir: mode(dataDir), database: mode(db), wal: mode(`${db}-wal`), shm: mode(`${db}-shm`),
      secret: mode(path.join(dataDir, 'session-secret')),
      assets: mode(path.join(dataDir, 'assets')), uploadTmp: mode(path.join(dataDir, 'assets', 'tmp')),
    };
  }

  const PRIVATE = { dataDir: '700', database: '600', wal: '600', shm: '600', secret: '600', assets: '700', uploadTmp: '700' };

  it('are created private to the service user', async () => {
    expect(await modesAfterUse(path.join(root, 'fresh', 'data'))).toEqual(PRIVATE);
  });

  it('are made private when an older install left them world-readable', async () => {
    const dataDir = path.join(root, 'old');
    const first = await bootServer({ DATA_DIR: dataDir });
    await first.close();
    const asset = path.join(dataDir, 'assets', 'a'.repeat(64));
    fs.writeFileSync(asset, 'an upload from before', { mode: 0o644 });
    for (const dir of [dataDir, path.join(dataDir, 'assets'), path.join(dataDir, 'assets', 'tmp')]) fs.chmodSync(dir, 0o755);
    for (const file of fs.readdirSync(dataDir).map((f) => path.join(dataDir, f)).filter((f) => fs.statSync(f).isFile())) fs.chmodSync(file, 0o644);
    fs.chmodSync(asset, 0o644);

    expect(await modesAfterUse(dataDir)).toEqual(PRIVATE);
    expect(mode(asset)).toBe('600');
  });
});
