import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What every process of one app must share and cannot find out alone: the key that signs
 * sessions (SESSION_SECRET; without it each machine makes its own under DATA_DIR, and a session
 * from one is refused by the others) and the uploads directory (ASSETS_DIR; uploads are files,
 * and an exhibit's image uploaded through one machine must be served by every machine). With
 * REDIS_URL, the first process records a fingerprint of each in Redis and every later one
 * compares its own; a mismatch stops start-up with a sentence naming the variable. Live
 * processes renew the records, so they expire a minute after the last process stops.
 */

/** The commands used, as ioredis has them. */
export interface SharedKeys {
  set(key: string, value: string, ex: 'EX', seconds: number, nx: 'NX'): Promise<'OK' | null>;
  get(key: string): Promise<string | null>;
  expire(key: string, seconds: number): Promise<number>;
}

export const RECORD_SECONDS = 60;
const KEY_RECORD = 'hustings:cluster:session-key';
const ASSETS_RECORD = 'hustings:cluster:assets-dir';
/** A file in ASSETS_DIR naming it: the same name on every machine means the same directory. */
export const ASSETS_MARKER = '.hustings-assets-id';

/** A fingerprint of the session key that does not reveal it (a keyed hash of a fixed text). */
export function keyFingerprint(secret: Uint8Array): string {
  return createHmac('sha256', secret).update('hustings: the processes of one app share this key').digest('hex').slice(0, 32);
}

/** The directory's own id, written on first use (exclusively, so two processes agree on one). */
export function assetsId(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, ASSETS_MARKER);
  try {
    fs.writeFileSync(file, `${randomUUID()}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function agree(keys: SharedKeys, record: string, mine: string): Promise<boolean> {
  await keys.set(record, mine, 'EX', RECORD_SECONDS, 'NX');
  const theirs = await keys.get(record);
  return theirs === null || theirs === mine;
}

/**
 * Checks this process against the others (throws the sentence to stop with) and returns a
 * renewal to run every RECORD_SECONDS / 3 while the process lives.
 */
export async function checkSharedSetup(keys: SharedKeys, secret: Uint8Array, assetsDir: string): Promise<() => Promise<void>> {
  const fingerprint = keyFingerprint(secret);
  if (!(await agree(keys, KEY_RECORD, fingerprint))) {
    throw new Error('SESSION_SECRET: this process signs sessions with a different key from the other processes sharing REDIS_URL, so a visitor signed in through one would be refused by another. Set the same SESSION_SECRET on every machine (without it each makes its own under DATA_DIR). If you have just changed it everywhere, the old processes\' record expires a minute after the last of them stopped.');
  }
  const id = assetsId(assetsDir);
  if (!(await agree(keys, ASSETS_RECORD, id))) {
    throw new Error(`ASSETS_DIR: ${assetsDir} is not the uploads directory the other processes sharing REDIS_URL use (its ${ASSETS_MARKER} differs or is new), so uploads made through one machine would be missing on another. Point ASSETS_DIR at the same shared directory on every machine (a network mount). If you have just moved it everywhere, the old record expires a minute after the last process stopped.`);
  }
  return async () => {
    for (const [record, mine] of [[KEY_RECORD, fingerprint], [ASSETS_RECORD, id]] as const) {
      if ((await keys.get(record)) === mine) await keys.expire(record, RECORD_SECONDS);
      else await keys.set(record, mine, 'EX', RECORD_SECONDS, 'NX');
    }
  };
}
