import { parseArgs } from 'node:util';
import { GrantableRole } from '../../shared/access.js';
import { Email, NewPassword } from '../../shared/protocol/api.js';
import { DisplayName } from '../../shared/protocol/messages.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { newInvitationToken } from '../auth/invitationTokens.js';
import { hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../store/db.js';
import { StoreError } from '../store/errors.js';
import { migrateToLatest } from '../store/migrate.js';
import { createRepos, type Repos } from '../store/repos.js';
import { readSecret } from './prompt.js';

const USAGE = `Usage: npm run admin -- <command> [options]

  create --email <email> [--name <display name>]
      Create an admin account. The password comes from HUSTINGS_ADMIN_PASSWORD,
      or is asked for (twice) on the terminal, or read from one line of stdin.
  invite --role <host|moderator|curator|admin> [--space <space id>] [--email <email>] [--hours <n>]
      Print an invitation link (uses PUBLIC_URL, default http://localhost:PORT).
  grant --email <email> --role <role> [--space <space id>]
      Give an existing account a role, in one space or everywhere.
  list
      Accounts and their roles.

The database is the server's: DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL).`;

/** The actor recorded in the audit log for changes made from the command line. */
const CLI_ACTOR = 'system:cli';

class UsageError extends Error {}

function must<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }, what: string): T {
  if (result.success) return result.data;
  throw new UsageError(`${what}: ${result.error.issues[0]?.message ?? 'not valid'}`);
}

async function create(repos: Repos, values: Record<string, string | undefined>): Promise<void> {
  const email = must(Email.safeParse(values.email ?? ''), '--email');
  const name = must(DisplayName.safeParse(values.name ?? 'Admin'), '--name');
  const password = must(NewPassword.safeParse(process.env.HUSTINGS_ADMIN_PASSWORD ?? await readSecret('Password for the new admin: ', true)), 'password');
  const passwordHash = await hashPassword(password);
  const account = await repos.transaction(async (r) => {
    const created = await r.accounts.create({ email, passwordHash, displayName: name });
    await r.roles.grant({ accountId: created.id, role: 'admin', spaceId: null });
    await r.audit.append({ actorId: CLI_ACTOR, action: 'account.create', targetType: 'account', targetId: created.id, detail: { via: 'cli', role: 'admin' } });
    return created;
  });
  console.log(`Created admin ${account.email} (${account.id}). Sign in at /login.`);
}

async function invite(repos: Repos, values: Record<string, string | undefined>, baseUrl: string): Promise<void> {
  const role = must(GrantableRole.safeParse(values.role), '--role');
  const spaceId = values.space ?? null;
  if (role === 'admin' && spaceId) throw new UsageError('--space: the admin role is granted everywhere, not for one space.');
  if (spaceId && !await repos.spaces.get(spaceId)) throw new UsageError(`--space: there is no space "${spaceId}".`);
  const email = values.email ? must(Email.safeParse(values.email), '--email') : null;
  const hours = Number(values.hours ?? 24 * 7);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30) throw new UsageError('--hours: a whole number from 1 to 720.');
  const { token, hash } = newInvitationToken();
  await repos.transaction(async (r) => {
    const created = await r.invitations.create({ tokenHash: hash, role, spaceId, email, note: null, createdBy: null, expiresAt: new Date(Date.now() + hours * 3600_000) });
    await r.audit.append({ actorId: CLI_ACTOR, action: 'invitation.create', targetType: 'invitation', targetId: created.id, detail: { role, spaceId, email } });
  });
  console.log(`${baseUrl}/invite/${token}`);
}

async function grant(repos: Repos, values: Record<string, string | undefined>): Promise<void> {
  const email = must(Email.safeParse(values.email ?? ''), '--email');
  const role = must(GrantableRole.safeParse(values.role), '--role');
  const spaceId = values.space ?? null;
  if (role === 'admin' && spaceId) throw new UsageError('--space: the admin role is granted everywhere, not for one space.');
  const account = await repos.accounts.findByEmail(email);
  if (!account) throw new UsageError(`--email: there is no account for ${email}.`);
  await repos.transaction(async (r) => {
    await r.roles.grant({ accountId: account.id, role, spaceId });
    await r.audit.append({ actorId: CLI_ACTOR, action: 'role.grant', targetType: 'account', targetId: account.id, detail: { role, spaceId } });
  });
  console.log(`${email} is now ${role} ${spaceId ? `in ${spaceId}` : 'everywhere'}.`);
}

async function list(repos: Repos): Promise<void> {
  for (const account of await repos.accounts.list()) {
    const roles = (await repos.roles.listForAccount(account.id)).map((g) => (g.spaceId ? `${g.role}@${g.spaceId}` : g.role));
    console.log(`${account.email}\t${account.displayName}\t${roles.join(', ') || 'visitor'}${account.disabledAt ? '\t(disabled)' : ''}`);
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' },
      space: { type: 'string' }, hours: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command || !['create', 'invite', 'grant', 'list'].includes(command)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle);
    const repos = createRepos(handle.db);
    await repos.spaces.seedIfEmpty(SPACES.values());
    const str = values as Record<string, string | undefined>;
    if (command === 'create') await create(repos, str);
    else if (command === 'invite') await invite(repos, str, config.PUBLIC_URL ?? `http://localhost:${config.PORT}`);
    else if (command === 'grant') await grant(repos, str);
    else await list(repos);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof StoreError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
