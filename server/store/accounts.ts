import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import { conflictAs } from './errors.js';
import type { AccountRow, Database } from './schema.js';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface NewAccount {
  email: string;
  /** Already hashed (argon2) by the caller; the store never sees a password. */
  passwordHash: string;
  displayName: string;
}

export interface AccountStore {
  /** Creates an account; a CONFLICT StoreError when the email is taken (case-insensitively). */
  create(account: NewAccount): Promise<Account>;
  get(id: string): Promise<Account | undefined>;
  /** The account and its password hash, for signing in. */
  findByEmail(email: string): Promise<(Account & { passwordHash: string }) | undefined>;
  /** Which of these addresses (lower-cased) have an account. */
  existingEmails(emails: readonly string[]): Promise<Set<string>>;
  /** The password hash of an account, for checking the current password before a change. */
  passwordHash(id: string): Promise<string | undefined>;
  /** All accounts, oldest first. */
  list(): Promise<Account[]>;
  /** How many accounts there are (the admin CLI warns when creating a second admin). */
  count(): Promise<number>;
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
  /** Disables (at now) or re-enables an account; returns the account, or undefined if unknown. */
  setDisabled(id: string, disabled: boolean): Promise<Account | undefined>;
}

/** Accounts: email (unique, lower-cased), an argon2 hash the store never computes, and a display name. */
export function createAccountStore(db: Kysely<Database>, clock: Clock = systemClock): AccountStore {
  return {
    async create(account) {
      const row: AccountRow = {
        id: randomUUID(),
        email: normaliseEmail(account.email),
        password_hash: account.passwordHash,
        display_name: account.displayName,
        created_at: stamp(clock),
        disabled_at: null,
      };
      await conflictAs('An account with that email address already exists.', () => db.insertInto('accounts').values(row).execute());
      return toAccount(row);
    },

    async get(id) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAccount(row) : undefined;
    },

    async findByEmail(email) {
      const row = await db.selectFrom('accounts').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
      return row ? { ...toAccount(row), passwordHash: row.password_hash } : undefined;
    },

    async existingEmails(emails) {
      const found = new Set<string>();
      const wanted = [...new Set(emails.map(normaliseEmail))];
      // Chunks: SQLite allows a limited number of bound values per statement.
      for (let i = 0; i < wanted.length; i += 200) {
        const rows = await db.selectFrom('accounts').select('email').where('email', 'in', wanted.slice(i, i + 200)).execute();
        for (const r of rows) found.add(r.email);
      }
      return found;
    },

    async passwordHash(id) {
      const row = await db.selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirst();
      return row?.password_hash;
    },

    async list() {
      const rows = await db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toAccount);
    },

    async count() {
      const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async setPasswordHash(id, passwordHash) {
      const result = await db.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setDisabled(id, disabled) {
      await db.updateTable('accounts').set({ disabled_at: disabled ? stamp(clock) : null }).where('id', '=', id)
        .$if(disabled, (q) => q.where('disabled_at', 'is', null))
        .execute();
      return this.get(id);
    },
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toAccount(row: AccountRow): Account {
  return { id: row.id, email: row.email, displayName: row.display_name, createdAt: row.created_at, disabledAt: row.disabled_at };
}
