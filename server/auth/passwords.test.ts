import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword } from './passwords.js';

describe('password hashing', () => {
  it('hashes with argon2id and the OWASP parameters, salted', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toContain('correct horse battery');
    expect(b).not.toBe(a);
  });

  it('checks the right password true and any other false', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await checkPassword('correct horse battery', hash)).toBe(true);
    expect(await checkPassword('correct horse batterY', hash)).toBe(false);
    expect(await checkPassword('', hash)).toBe(false);
    expect(await checkPassword('correct horse battery ', hash)).toBe(false);
  });

  it('answers false for an unknown account (no stored hash), whatever the password', async () => {
    expect(await checkPassword('correct horse battery', undefined)).toBe(false);
    expect(await checkPassword('', undefined)).toBe(false);
  });

  it('answers false, without throwing, for a malformed stored hash', async () => {
    for (const stored of ['', 'not a hash', '$argon2id$v=19$m=19456,t=2,p=1$', '$2b$10$abcdefghijklmnopqrstuv', 'correct horse battery']) {
      await expect(checkPassword('correct horse battery', stored)).resolves.toBe(false);
    }
  });
});
