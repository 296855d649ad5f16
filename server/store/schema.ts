import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The tables as Kysely sees them. Column types are the portable subset both SQLite and
 * PostgreSQL store the same way: ids and timestamps are text, timestamps are ISO-8601 UTC
 * with milliseconds (`2026-11-25T06:30:00.000Z`, what `Date.prototype.toISOString` gives),
 * so they sort as text. JSON documents are text, validated with zod when read.
 */
export interface Database {
  spaces: SpacesTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  role_grants: RoleGrantsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
}

export interface SpacesTable {
  id: string;
  name: string;
  kind: string;
  /** A SpaceLayout document (shared/spaces/layout.ts) as JSON. */
  layout_json: string;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  password_hash: string;
  display_name: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  id: string;
  /** Null for a guest session. */
  account_id: string | null;
  guest_name: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RoleGrantsTable {
  id: string;
  account_id: string;
  role: string;
  /** Null grants the role everywhere; otherwise only in this space. */
  space_id: string | null;
  /** The account that granted it; null when the system did (bootstrap, seed). */
  granted_by: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  /** A hash of the token sent to the invitee; the token itself is never stored. */
  token_hash: string;
  role: string;
  space_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  /** Whom it is for (informational; the link works for whoever holds it). */
  email: string | null;
  note: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  /** INTEGER autoincrement on SQLite, bigserial on PostgreSQL (pg returns it as a string). */
  id: Generated<number | string>;
  at: string;
  /** An account id, a session id or 'system'; not a foreign key, so the log outlives accounts. */
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail_json: string | null;
}

export type SpaceRow = Selectable<SpacesTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
