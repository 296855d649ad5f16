import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateDir, privateFiles } from '../privateFiles.js';

const FILE = 'session-secret';

/**
 * The key that signs session tokens: SESSION_SECRET from the environment, or for the embedded
 * default a random key generated once and kept in DATA_DIR (readable by this user only).
 */
export function loadSessionSecret(fromEnv: string | undefined, dataDir: string): Uint8Array {
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  const file = path.join(dataDir, FILE);
  privateDir(dataDir);
  try {
    const existing = new Uint8Array(fs.readFileSync(file));
    privateFiles(file);
    return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = randomBytes(48);
  // 'wx': if another process wrote it first, use theirs.
  try {
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return new Uint8Array(key);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return new Uint8Array(fs.readFileSync(file));
  }
}
