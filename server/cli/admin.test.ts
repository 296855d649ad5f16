import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_MIN } from '../../shared/protocol/api.js';
import { hashInvitationToken } from '../auth/invitationTokens.js';
import { checkPassword } from '../auth/passwords.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { createRepos, type Repos } from '../store/repos.js';

/**
 * The admin CLI as an operator runs it: a real process (node --import tsx) on a SQLite DATA_DIR,
 * whose results are read back from the same file once the process has exited.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PUBLIC_URL = 'https://hustings.example.org';
const PASSWORDS = { env: 'correct horse battery staple', stdin: 'stdin-secret-passphrase', short: 'sh0rt!pw' };

interface Run { code: number | null; stdout: string; stderr: string }
const runs: Run[] = [];
let dataDir: string;

function admin(args: string[], options: { password?: string; stdin?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', PUBLIC_URL: `${PUBLIC_URL}/` };
  delete env.HUSTINGS_ADMIN_PASSWORD;
  if (options.password !== undefined) env.HUSTINGS_ADMIN_PASSWORD = options.password;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], { cwd: root, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      const run = { code, stdout, stderr };
      runs.push(run);
      resolve(run);
    });
    child.stdin.end(options.stdin ?? '');
  });
}

async function withRepos<T>(work: (repos: Repos) => Promise<T>): Promise<T> {
  const handle = openDatabase({ dataDir });
  try {
    await migrateToLatest(handle);
    return await work(createRepos(handle.db));
  } finally {
    await handle.close();
  }
}

describe('admin CLI', () => {
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-admin-cli-'));
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an admin with the password from HUSTINGS_ADMIN_PASSWORD: account, global admin grant, audit entry', async () => {
    const run = await admin(['create', '--email', 'Ada@Example.org', '--name', 'Ada Lovelace'], { password: PASSWORDS.env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Created admin ada@example\.org \([0-9a-f-]{36}\)\./);
    await withRepos(async (repos) => {
      const ada = await repos.accounts.findByEmail('ada@example.org');
      expect(ada).toMatchObject({ displayName: 'Ada Lovelace', disabledAt: null });
      expect(run.stdout).toContain(ada!.id);
      expect(await checkPassword(PASSWORDS.env, ada!.passwordHash)).toBe(true);
      expect((await repos.roles.listForAccount(ada!.id)).map((g) => ({ role: g.role, spaceId: g.spaceId }))).toEqual([{ role: 'admin', spaceId: null }]);
      const audit = await repos.audit.list();
      expect(audit.filter((e) => e.targetId === ada!.id)).toEqual([
        expect.objectContaining({ actorId: 'system:cli', action: 'account.create', targetType: 'account', detail: { via: 'cli', role: 'admin' } }),
      ]);
    });
  });

  it('reads the password from one line of stdin when the variable is not set', async () => {
    const run = await admin(['create', '--email', 'bo@example.org'], { stdin: `${PASSWORDS.stdin}\n` });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    await withRepos(async (repos) => {
      const bo = await repos.accounts.findByEmail('bo@example.org');
      expect(bo?.displayName).toBe('Admin');
      expect(await checkPassword(PASSWORDS.stdin, bo!.passwordHash)).toBe(true);
      expect((await repos.roles.listForAccount(bo!.id)).map((g) => g.role)).toEqual(['admin']);
    });
  });

  it('refuses a short or empty password (exit 1, names the rule) and creates nothing', async () => {
    const before = await withRepos((repos) => repos.accounts.count());
    for (const options of [{ password: PASSWORDS.short }, { stdin: '\n' }, { stdin: '' }]) {
      const run = await admin(['create', '--email', 'cy@example.org'], options);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: /);
      expect(run.stderr).toContain(`at least ${PASSWORD_MIN} characters`);
      expect(run.stdout).not.toContain('Created');
    }
    await withRepos(async (repos) => {
      expect(await repos.accounts.findByEmail('cy@example.org')).toBeUndefined();
      expect(await repos.accounts.count()).toBe(before);
    });
  });

  it('refuses a second account with the same email, whatever its case (exit 1)', async () => {
    const before = await withRepos((repos) => repos.accounts.count());
    const run = await admin(['create', '--email', 'ADA@example.org', '--name', 'Impostor'], { password: PASSWORDS.env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*already exists/);
    await withRepos(async (repos) => {
      expect(await repos.accounts.count()).toBe(before);
      expect((await repos.accounts.findByEmail('ada@example.org'))?.displayName).toBe('Ada Lovelace');
    });
  });

  it('prints an invitation link whose token hash names a pending invitation for that role and space', async () => {
    const started = Date.now();
    const run = await admin(['invite', '--role', 'moderator', '--space', 'plaza', '--email', 'Guest@Example.org', '--hours', '2']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const match = /^https:\/\/hustings\.example\.org\/invite\/([A-Za-z0-9_-]{43})$/.exec(run.stdout.trim());
    expect(match, run.stdout).not.toBeNull();
    const token = match![1]!;
    await withRepos(async (repos) => {
      const invitation = await repos.invitations.findByTokenHash(hashInvitationToken(token));
      expect(invitation).toMatchObject({ role: 'moderator', spaceId: 'plaza', email: 'guest@example.org', createdBy: null, status: 'pending', usedAt: null });
      const expires = Date.parse(invitation!.expiresAt);
      expect(expires).toBeGreaterThanOrEqual(started + 2 * 3_600_000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);
      expect((await repos.audit.list()).find((e) => e.targetId === invitation!.id))
        .toMatchObject({ actorId: 'system:cli', action: 'invitation.create', detail: { role: 'moderator', spaceId: 'plaza', email: 'guest@example.org' } });
    });
  });

  it('refuses an invitation for an unknown space (exit 1) and stores none', async () => {
    const before = await withRepos(async (repos) => (await repos.invitations.list()).length);
    const run = await admin(['invite', '--role', 'host', '--space', 'atlantis']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('error: --space: there is no space "atlantis".\n');
    expect(await withRepos(async (repos) => (await repos.invitations.list()).length)).toBe(before);
  });

  it('grants a role in one space to an existing account, and refuses an unknown email', async () => {
    const granted = await admin(['grant', '--email', 'bo@example.org', '--role', 'curator', '--space', 'plaza']);
    expect(granted).toMatchObject({ code: 0, stdout: 'bo@example.org is now curator in plaza.\n' });
    const unknown = await admin(['grant', '--email', 'nobody@example.org', '--role', 'host']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: --email: there is no account for nobody@example\.org/);
  });

  it('lists accounts with their roles', async () => {
    const run = await admin(['list']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      'ada@example.org\tAda Lovelace\tadmin',
      'bo@example.org\tAdmin\tadmin, curator@plaza',
    ]);
  });

  it('prints the usage and exits 2 with no command or an unknown one', async () => {
    for (const args of [[], ['frobnicate']]) {
      const run = await admin(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(/^Usage: npm run admin -- <command>/);
      expect(run.stdout).toContain('invite --role');
    }
  });

  it('never prints a password, on stdout or stderr', () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      for (const password of Object.values(PASSWORDS)) {
        expect(run.stdout).not.toContain(password);
        expect(run.stderr).not.toContain(password);
      }
    }
  });
});
