import type { Kysely } from 'kysely';
import { createAccountStore, type AccountStore } from './accounts.js';
import { type AuditEntry, type AuditEntryInput, appendAudit, listAudit } from './audit.js';
import { type Clock, systemClock } from './clock.js';
import { createInvitationStore, type InvitationStore } from './invitations.js';
import { createRoleStore, type RoleStore } from './roles.js';
import type { Database } from './schema.js';
import { createSessionStore, type SessionStore } from './sessions.js';
import { createSpaceStore, type SpaceStore } from './spaces.js';
import { createEventStore, type EventStore } from './events.js';
import { createQuestionStore, type QuestionStore } from './questions.js';
import { createFloorTurnStore, type FloorTurnStore } from './floorTurns.js';
import { createSanctionStore, type SanctionStore } from './sanctions.js';
import { createLookStore, type LookStore } from './looks.js';
import { createBallotStore, type BallotStore } from './ballots.js';
import { createConsensusStore, type ConsensusStore } from './consensus.js';
import { createAssetStore, createExhibitStore, type AssetStore, type ExhibitStore } from './exhibits.js';

export interface AuditLog {
  append(entry: AuditEntryInput): Promise<number>;
  list(options?: { limit?: number; before?: number; spaces?: readonly string[] }): Promise<AuditEntry[]>;
}

/** Every repository, bound to one database handle or one transaction. */
export interface Repos {
  spaces: SpaceStore;
  accounts: AccountStore;
  sessions: SessionStore;
  roles: RoleStore;
  invitations: InvitationStore;
  events: EventStore;
  questions: QuestionStore;
  floorTurns: FloorTurnStore;
  sanctions: SanctionStore;
  exhibits: ExhibitStore;
  assets: AssetStore;
  looks: LookStore;
  ballots: BallotStore;
  consensus: ConsensusStore;
  audit: AuditLog;
  /**
   * Runs `work` with repositories bound to one transaction: everything it writes (the change
   * and its audit entry) commits together or not at all. Inside a transaction it just runs.
   */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
}

export function createRepos(db: Kysely<Database>, clock: Clock = systemClock, inTransaction = false): Repos {
  const repos: Repos = {
    spaces: createSpaceStore(db, clock),
    accounts: createAccountStore(db, clock),
    sessions: createSessionStore(db, clock),
    roles: createRoleStore(db, clock),
    invitations: createInvitationStore(db, clock),
    events: createEventStore(db, clock),
    questions: createQuestionStore(db, clock),
    floorTurns: createFloorTurnStore(db, clock),
    sanctions: createSanctionStore(db, clock),
    exhibits: createExhibitStore(db, clock),
    assets: createAssetStore(db, clock),
    looks: createLookStore(db, clock),
    ballots: createBallotStore(db, clock),
    consensus: createConsensusStore(db, clock),
    audit: {
      append: (entry) => appendAudit(db, entry, clock),
      list: (options) => listAudit(db, options),
    },
    transaction: (work) => (inTransaction
      ? work(repos)
      : db.transaction().execute((trx) => work(createRepos(trx, clock, true)))),
  };
  return repos;
}
