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
  events: EventsTable;
  questions: QuestionsTable;
  question_votes: QuestionVotesTable;
  floor_turns: FloorTurnsTable;
  sanctions: SanctionsTable;
  draft_exhibits: DraftExhibitsTable;
  space_versions: SpaceVersionsTable;
  assets: AssetsTable;
  looks: LooksTable;
  ballots: BallotsTable;
  ballot_proposals: BallotProposalsTable;
  ballot_voters: BallotVotersTable;
  ballot_allocations: BallotAllocationsTable;
  ballot_codes: BallotCodesTable;
  consensus_conversations: ConsensusConversationsTable;
  consensus_participants: ConsensusParticipantsTable;
  consensus_statements: ConsensusStatementsTable;
  consensus_votes: ConsensusVotesTable;
  consensus_analyses: ConsensusAnalysesTable;
}

/** Booleans are integers 0/1 on both backends. */
/** Quadratic ballots (migration 0008); the rules are in server/domain/ballots.ts. */
export interface BallotsTable {
  id: string;
  space_id: string;
  title: string;
  description: string;
  budget: number;
  allow_against: number;
  /** 'live' | 'after-close' */
  results: string;
  /** 'anonymous' | 'named' */
  privacy: string;
  allow_accounts: number;
  allow_codes: number;
  allow_guests: number;
  opens_at: string | null;
  closes_at: string | null;
  first_cast_at: string | null;
  on_stage: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BallotProposalsTable {
  ballot_id: string;
  id: string;
  position: number;
  title: string;
  description: string;
  /** A JSON array of exhibit ids. */
  exhibit_ids: string;
}

export interface BallotVotersTable {
  ballot_id: string;
  /** 'account:<id>' or 'guest:<session id>': one ballot per identity. */
  voter_key: string;
  /** 'account' | 'code' | 'guest' */
  voter_class: string;
  named: number;
  staff: number;
  /** Kept only when the ballot is named. */
  voter_name: string | null;
  credits: number;
  changes: number;
  cast_at: string;
  updated_at: string;
}

export interface BallotAllocationsTable {
  ballot_id: string;
  voter_key: string;
  proposal_id: string;
  votes: number;
}

export interface BallotCodesTable {
  /** SHA-256 (hex) of the normalised code; the code itself is never stored. */
  code_hash: string;
  ballot_id: string;
  created_by: string | null;
  created_at: string;
  used_at: string | null;
  used_by: string | null;
}

/** A person's look (shared/protocol/look.ts) as JSON, keyed by account id or guest session id. */
export interface LooksTable {
  owner: string;
  look: string;
  updated_at: string;
}

/** Consensus (migration 0009): see server/store/consensus.ts. */
export interface ConsensusConversationsTable {
  id: string;
  space_id: string;
  question: string;
  /** 'here', or 'imported' (from the Pol.is open-data layout). */
  source: string;
  created_by: string | null;
  created_at: string;
}

export interface ConsensusParticipantsTable {
  conversation_id: string;
  number: number;
  actor: string;
  created_at: string;
}

export interface ConsensusStatementsTable {
  conversation_id: string;
  number: number;
  text: string;
  author_number: number;
  /** 'accepted' | 'pending' | 'rejected'. */
  state: string;
  /** Votes cast on it. */
  vote_count: Generated<number>;
  created_at: string;
}

export interface ConsensusVotesTable {
  conversation_id: string;
  participant_number: number;
  statement_number: number;
  /** 1 agree, -1 disagree, 0 pass. */
  vote: number;
  voted_at: string;
}

/** The latest analysis of a conversation (migration 0012): see server/store/consensusAnalyses.ts. */
export interface ConsensusAnalysesTable {
  conversation_id: string;
  run: number;
  /** The published analysis (ConsensusAnalysisView) as JSON. */
  analysis: string;
  computed_at: string;
}

export interface DraftExhibitsTable {
  space_id: string;
  id: string;
  /** The Exhibit document as JSON. */
  document: string;
  rev: number;
  /** Creation order within the space (stable listing). */
  position: number;
  updated_by: string | null;
  updated_at: string;
}

export interface SpaceVersionsTable {
  space_id: string;
  version: number;
  /** Every exhibit of this version, as a JSON array. */
  exhibits: string;
  exhibit_count: number;
  note: string;
  published_by: string | null;
  published_by_name: string;
  published_at: string;
}

export interface AssetsTable {
  sha256: string;
  type: string;
  kind: string;
  size: number;
  name: string;
  created_by: string | null;
  created_at: string;
}

export interface EventsTable {
  id: string;
  space_id: string;
  title: string;
  description: string;
  /** 'scheduled' | 'live' | 'ended' */
  state: string;
  starts_at: string;
  started_at: string | null;
  ended_at: string | null;
  auto_approve: number;
  created_by: string | null;
  created_at: string;
  /** The host's closing note (migration 0010); '' for none. */
  thanks: Generated<string>;
}

export interface QuestionsTable {
  id: string;
  event_id: string;
  /** 'account:<id>' or 'guest:<session id>': one identity, one vote. */
  author_key: string;
  author_name: string;
  anonymous: number;
  text: string;
  original_text: string | null;
  /** The text folded for duplicate detection. */
  normalized: string;
  /** 'pending' | 'approved' | 'answering' | 'answered' | 'dismissed' */
  state: string;
  flagged: number;
  votes: number;
  created_at: string;
  approved_at: string | null;
  answering_at: string | null;
  answered_at: string | null;
  dismissed_at: string | null;
  /** A merged duplicate: the question it repeats (migration 0013). */
  merged_into: string | null;
  /** A merged duplicate: how many backers it brought to that question. */
  votes_carried: number;
}

export interface QuestionVotesTable {
  question_id: string;
  voter_key: string;
  created_at: string;
}

export interface FloorTurnsTable {
  id: string;
  event_id: string;
  holder_key: string;
  holder_name: string;
  called_by: string | null;
  started_at: string;
  ended_at: string | null;
  seconds: number | null;
  /** The section (room) of the event that ran the turn; null before migration 0014, 0 without sections. */
  section: number | null;
}

export interface SanctionsTable {
  id: string;
  space_id: string;
  /** 'mute' | 'ban' (a person) | 'address_ban' (an address, until expires_at) */
  kind: string;
  subject_key: string;
  /** HMAC of the client address (address bans only). */
  ip_hash: string | null;
  reason: string;
  created_by: string | null;
  created_at: string;
  lifted_at: string | null;
  /** Address bans end by themselves at this time; null for the rest. */
  expires_at: string | null;
  /** The person's name when sanctioned (for the moderators' list). */
  subject_name: string;
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
  /** The space the entry is about (null: site-wide); moderators read only their spaces' entries. */
  space_id: string | null;
}

export type SpaceRow = Selectable<SpacesTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type EventRow = Selectable<EventsTable>;
export type QuestionRow = Selectable<QuestionsTable>;
export type FloorTurnRow = Selectable<FloorTurnsTable>;
export type SanctionRow = Selectable<SanctionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
