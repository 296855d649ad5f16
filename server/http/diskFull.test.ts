import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, createAccount, type TestAccount } from '../testing/harness.js';
import { noisyPng, sha256Of } from '../testing/sampleFiles.js';

/**
 * Issue 17, dependency faults: the disk under the uploads fills up. A real filesystem that is
 * really full (a 2 MB tmpfs mounted for the test; the test command runs as root, as CI does),
 * a real server. The upload is refused as UNAVAILABLE with a sentence, nothing half-written is
 * left, the rest of the server goes on, and uploads work again by themselves once there is room.
 */
type Server = Awaited<ReturnType<typeof bootServer>>;
let mountPoint: string;
let server: Server;
let curator: TestAccount;
const filler = () => path.join(mountPoint, 'filler');

beforeAll(async () => {
  mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`this test mounts a small tmpfs to fill it and must run as root (as the test command does): ${String((err as { stderr?: Buffer }).stderr ?? err)}`);
  }
  server = await bootServer({ ASSETS_DIR: path.join(mountPoint, 'assets') });
  curator = await createAccount(server, { name: 'Cara Curator', grants: [{ role: 'curator', spaceId: 'hall-1' }] });
}, 30_000);

afterAll(async () => {
  await server?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  if (mountPoint) {
    try { execFileSync('umount', [mountPoint], { stdio: 'pipe' }); } catch { /* not mounted */ }
    fs.rmSync(mountPoint, { recursive: true, force: true });
  }
});

/** Write until the filesystem refuses: it is then really full. */
function fillUp(): void {
  const fd = fs.openSync(filler(), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

const upload = async (bytes: Buffer) => {
  const res = await fetch(`${server.http}/api/assets?kind=image&name=plan.png`, {
    method: 'POST', headers: { authorization: `Bearer ${curator.token}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: await res.json() as { code?: string; message?: string; sha256?: string } };
};

describe('uploads when the disk is full', () => {
  it('refuses with UNAVAILABLE and a sentence, keeps nothing, keeps serving, and works again once there is room', async () => {
    const picture = noisyPng(120, 120);
    expect(picture.length).toBeGreaterThan(40_000);
    fillUp();

    const refused = await upload(picture);
    expect(refused.status).toBe(503);
    expect(refused.json.code).toBe('UNAVAILABLE');
    expect(refused.json.message).toMatch(/no room left to store uploads.*nothing was saved/i);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Nothing half-written: no file under its hash, nothing in tmp/, no row.
    expect(fs.readdirSync(path.join(mountPoint, 'assets', 'tmp'))).toEqual([]);
    expect(fs.existsSync(path.join(mountPoint, 'assets', sha256Of(picture)))).toBe(false);
    expect(await server.repos.assets.get(sha256Of(picture))).toBeUndefined();
    // The rest of the server goes on.
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.http}/api/spaces`)).status).toBe(200);

    // Room again (an operator cleared space): the same upload works, with no restart.
    fs.rmSync(filler());
    const stored = await upload(picture);
    expect(stored.status).toBe(201);
    expect(stored.json.sha256).toBe(sha256Of(picture));
    expect(fs.readFileSync(path.join(mountPoint, 'assets', sha256Of(picture)))).toEqual(picture);
  });
});
