import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane). Hashing runs on libuv's
 * thread pool, so a login does not stall the rooms' ticks.
 */
/** Algorithm.Argon2id: a const enum, which verbatimModuleSyntax cannot import as a value. */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of nothing anyone knows, checked when the email is unknown so both cases take as long. */
let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown email) it still does the same
 * work against a decoy and answers false, so timing does not reveal which emails have accounts.
 */
export async function checkPassword(password: string, storedHash: string | undefined): Promise<boolean> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  const target = storedHash ?? await decoy;
  let ok = false;
  try {
    ok = await verify(target, password);
  } catch {
    ok = false; // a malformed stored hash counts as a wrong password, never a crash
  }
  return ok && storedHash !== undefined;
}
