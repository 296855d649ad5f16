/**
 * Auth benchmark: what a sign-in and a token check cost.
 *   npm run bench:auth
 * argon2id hashing/verification (OWASP parameters, on libuv's pool: UV_THREADPOOL_SIZE, default 4)
 * one at a time and 8 at once, and a session token's signature check (jose, HS256) without the
 * database reads (bench:store measures those).
 */
import os from 'node:os';
import { jwtVerify, SignJWT } from 'jose';
import { checkPassword, hashPassword } from './passwords.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);

async function rate(label: string, op: () => Promise<unknown>, concurrency = 1): Promise<void> {
  for (let i = 0; i < 3; i++) await op(); // warm-up
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let n = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      await op();
      n++;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const perSecond = n / elapsed;
  const each = concurrency === 1 ? `${(1000 / perSecond).toFixed(2)} ms each` : `${concurrency} at once`;
  console.log(`  ${label.padEnd(40)} ${perSecond.toFixed(perSecond < 100 ? 1 : 0).padStart(8)} /s   (${each}, ${n} in ${elapsed.toFixed(1)} s)`);
}

console.log(`auth benchmark, Node ${process.version}, ${os.cpus().length} cores, ${seconds} s per measurement`);
const stored = await hashPassword('correct horse battery staple');
await rate('argon2id hash (new password)', () => hashPassword('correct horse battery staple'));
await rate('argon2id verify (sign-in)', () => checkPassword('correct horse battery staple', stored));
await rate('argon2id verify, 8 concurrent sign-ins', () => checkPassword('correct horse battery staple', stored), 8);
await rate('argon2id verify, unknown email (decoy)', () => checkPassword('whatever', undefined));

const secret = new TextEncoder().encode('x'.repeat(48));
const token = await new SignJWT({ kind: 'account' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('hustings')
  .setSubject('00000000-0000-4000-8000-000000000000').setIssuedAt().setExpirationTime('12h').sign(secret);
await rate('session token signature check (HS256)', () => jwtVerify(token, secret, { algorithms: ['HS256'], issuer: 'hustings' }));
