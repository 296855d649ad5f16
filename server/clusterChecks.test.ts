import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type Started } from '../e2e/load/cluster.js';
import { ASSETS_MARKER, checkSharedSetup, keyFingerprint } from './clusterChecks.js';

/** Against a real Redis (scripts/redis.sh), as processes on several machines would meet. */
let redis: Started;
let client: Redis;
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-assets-'));
  dirs.push(d);
  return d;
};
const key = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
});
afterAll(async () => {
  await client?.quit();
  await redis?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('what the processes of one app must share', () => {
  it('lets processes with the same key and the same uploads directory start, and refuses a different key or directory with a sentence', async () => {
    await client.del('hustings:cluster:session-key', 'hustings:cluster:assets-dir');
    const shared = tmp();
    const renew = await checkSharedSetup(client, key('one secret for all machines'), shared);
    // A second process on the same machine, or another machine on the same mount: the same.
    await expect(checkSharedSetup(client, key('one secret for all machines'), shared)).resolves.toBeTypeOf('function');
    await expect(checkSharedSetup(client, key('a machine that made its own key'), shared)).rejects.toThrow(/^SESSION_SECRET: .*Set the same SESSION_SECRET on every machine/);
    await expect(checkSharedSetup(client, key('one secret for all machines'), tmp())).rejects.toThrow(/^ASSETS_DIR: .* is not the uploads directory the other processes/);
    // The fingerprint does not carry the key.
    expect(await client.get('hustings:cluster:session-key')).toBe(keyFingerprint(key('one secret for all machines')));
    expect(await client.get('hustings:cluster:session-key')).not.toContain('secret');
    expect(fs.readFileSync(path.join(shared, ASSETS_MARKER), 'utf8').trim()).toBe(await client.get('hustings:cluster:assets-dir'));
    // Renewal keeps the records alive (and puts them back if Redis lost them).
    await client.expire('hustings:cluster:session-key', 5);
    await renew();
    expect(await client.ttl('hustings:cluster:session-key')).toBeGreaterThan(5);
    await client.del('hustings:cluster:assets-dir');
    await renew();
    expect(await client.get('hustings:cluster:assets-dir')).toBe(fs.readFileSync(path.join(shared, ASSETS_MARKER), 'utf8').trim());
  });

  it('starts afresh once the records have expired (every process stopped, the key changed everywhere)', async () => {
    await client.del('hustings:cluster:session-key', 'hustings:cluster:assets-dir');
    await checkSharedSetup(client, key('the old key'), tmp());
    await client.del('hustings:cluster:session-key', 'hustings:cluster:assets-dir'); // what expiry does a minute later
    await expect(checkSharedSetup(client, key('the new key'), tmp())).resolves.toBeTypeOf('function');
  });
});
