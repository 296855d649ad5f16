import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { BallotPrivacy, BallotResultsMode, BallotVoters, Votes, VoterClass } from '../../shared/protocol/ballots.js';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database } from './schema.js';

export interface Proposal {
  id: string;
  title: string;
  description: string;
  exhibitIds: string[];
}

export interface Ballot {
  id: string;
  spaceId: string;
  title: string;
  description: string;
  proposals: Proposal[];
  budget: number;
  allowAgainst: boolean;
  results: BallotResultsMode;
  privacy: BallotPrivacy;
  voters: BallotVoters;
  opensAt: string | null;
  closesAt: string | null;
  firstCastAt: string | null;
  onStage: boolean;
  createdBy: string | null;
  createdAt: string;
}

export type NewProposal = Omit<Proposal, 'id'>;
export type NewBallot = Omit<Ballot, 'id' | 'proposals' | 'firstCastAt' | 'onStage' | 'createdAt'> & { proposals: NewProposal[] };
/** Fields a change may set (undefined: unchanged). */
export type BallotPatch = Partial<Omit<NewBallot, 'spaceId' | 'createdBy' | 'proposals'>> & { proposals?: NewProposal[] };

/** One voter's ballot: who (only a name on named ballots), how they count, what they allocated. */
export interface StoredBallot {
  voterKey: string;
  voterClass: VoterClass;
  named: boolean;
  staff: boolean;
  name: string | null;
  votes: Votes;
  credits: number;
  changes: number;
}

export interface BallotStore {
  create(ballot: NewBallot): Promise<Ballot>;
  get(id: string): Promise<Ballot | undefined>;
  /** A space's ballots, oldest first. */
  listForSpace(spaceId: string): Promise<Ballot[]>;
  /**
   * Changes settings; proposals are replaced (new ids p1..pN). With `unlockedOnly`, only while
   * no ballot has been cast (false otherwise). Returns false if nothing was changed.
   */
  update(id: string, patch: BallotPatch, unlockedOnly: boolean): Promise<boolean>;
  /** Puts one ballot on its space's stage screen (taking any other off), or takes it off. */
  setOnStage(spaceId: string, id: string, on: boolean): Promise<void>;
  /**
   * Takes the ballot's row for a cast (PostgreSQL holds the row until the transaction ends, so
   * casts and settings changes of one ballot go one at a time). False if there is no such ballot.
   */
  lockForCast(id: string): Promise<boolean>;
  /** Records that a ballot has been cast (the first time locks the settings). */
  markCast(id: string): Promise<void>;
  /** One voter's ballot, if they have cast one. */
  ballotOf(ballotId: string, voterKey: string): Promise<StoredBallot | undefined>;
  /** Stores a voter's whole allocation, replacing the one before (call inside a transaction). */
  putBallot(ballotId: string, ballot: Omit<StoredBallot, 'changes'>): Promise<void>;
  /** Every ballot cast on a ballot. */
  ballots(ballotId: string): Promise<StoredBallot[]>;
  /** Stores code hashes. */
  addCodes(ballotId: string, hashes: readonly string[], by: string | null): Promise<void>;
  /** Spends a code of this ballot for a voter; false if it is unknown, of another ballot or used. */
  useCode(ballotId: string, hash: string, voterKey: string): Promise<boolean>;
  codeCounts(ballotId: string): Promise<{ issued: number; used: number }>;
}

type BallotRow = Database['ballots'];
type ProposalRow = Database['ballot_proposals'];

function toBallot(row: BallotRow, proposals: ProposalRow[]): Ballot {
  return {
    id: row.id, spaceId: row.space_id, title: row.title, description: row.description,
    proposals: proposals.map((p) => ({ id: p.id, title: p.title, description: p.description, exhibitIds: JSON.parse(p.exhibit_ids) as string[] })),
    budget: Number(row.budget), allowAgainst: Boolean(row.allow_against),
    results: row.results as BallotResultsMode, privacy: row.privacy as BallotPrivacy,
    voters: { accounts: Boolean(row.allow_accounts), codes: Boolean(row.allow_codes), guests: Boolean(row.allow_guests) },
    opensAt: row.opens_at, closesAt: row.closes_at, firstCastAt: row.first_cast_at, onStage: Boolean(row.on_stage),
    createdBy: row.created_by, createdAt: row.created_at,
  };
}

function settingsRow(patch: BallotPatch): Partial<BallotRow> {
  const row: Partial<BallotRow> = {};
  if (patch.title !== undefined) row.title = patch.title;
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.budget !== undefined) row.budget = patch.budget;
  if (patch.allowAgainst !== undefined) row.allow_against = patch.allowAgainst ? 1 : 0;
  if (patch.results !== undefined) row.results = patch.results;
  if (patch.privacy !== undefined) row.privacy = patch.privacy;
  if (patch.voters !== undefined) {
    row.allow_accounts = patch.voters.accounts ? 1 : 0;
    row.allow_codes = patch.voters.codes ? 1 : 0;
    row.allow_guests = patch.voters.guests ? 1 : 0;
  }
  if (patch.opensAt !== undefined) row.opens_at = patch.opensAt;
  if (patch.closesAt !== undefined) row.closes_at = patch.closesAt;
  return row;
}

/** Ballots, their proposals, voters' allocations and ballot codes. */
export function createBallotStore(db: Kysely<Database>, clock: Clock = systemClock): BallotStore {
  const proposalsOf = (ids: readonly string[]) => (ids.length === 0 ? Promise.resolve([]) : db.selectFrom('ballot_proposals').selectAll()
    .where('ballot_id', 'in', [...ids]).orderBy('ballot_id').orderBy('position').execute());

  const withProposals = async (rows: BallotRow[]) => {
    const proposals = await proposalsOf(rows.map((r) => r.id));
    return rows.map((r) => toBallot(r, proposals.filter((p) => p.ballot_id === r.id)));
  };

  const putProposals = async (ballotId: string, proposals: readonly NewProposal[]) => {
    await db.deleteFrom('ballot_proposals').where('ballot_id', '=', ballotId).execute();
    await db.insertInto('ballot_proposals').values(proposals.map((p, i) => ({
      ballot_id: ballotId, id: `p${i + 1}`, position: i, title: p.title, description: p.description, exhibit_ids: JSON.stringify(p.exhibitIds),
    }))).execute();
  };

  const toStored = (voter: Database['ballot_voters'], votes: Votes): StoredBallot => ({
    voterKey: voter.voter_key, voterClass: voter.voter_class as VoterClass, named: Boolean(voter.named), staff: Boolean(voter.staff),
    name: voter.voter_name, votes, credits: Number(voter.credits), changes: Number(voter.changes),
  });

  const get = async (id: string): Promise<Ballot | undefined> => {
    const row = await db.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await withProposals([row]))[0] : undefined;
  };

  return {
    async create(b) {
      const now = stamp(clock);
      const id = randomUUID();
      await db.insertInto('ballots').values({
        id, space_id: b.spaceId, created_by: b.createdBy, created_at: now, updated_at: now, first_cast_at: null, on_stage: 0,
        title: b.title, description: b.description, budget: b.budget, allow_against: b.allowAgainst ? 1 : 0, results: b.results,
        privacy: b.privacy, allow_accounts: b.voters.accounts ? 1 : 0, allow_codes: b.voters.codes ? 1 : 0,
        allow_guests: b.voters.guests ? 1 : 0, opens_at: b.opensAt, closes_at: b.closesAt,
      }).execute();
      await putProposals(id, b.proposals);
      return (await get(id))!;
    },

    get,

    async listForSpace(spaceId) {
      return withProposals(await db.selectFrom('ballots').selectAll().where('space_id', '=', spaceId).orderBy('created_at').orderBy('id').execute());
    },

    async update(id, patch, unlockedOnly) {
      const result = await db.updateTable('ballots').set({ ...settingsRow(patch), updated_at: stamp(clock) })
        .where('id', '=', id).$if(unlockedOnly, (q) => q.where('first_cast_at', 'is', null)).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      if (patch.proposals) await putProposals(id, patch.proposals);
      return true;
    },

    async setOnStage(spaceId, id, on) {
      if (on) await db.updateTable('ballots').set({ on_stage: 0 }).where('space_id', '=', spaceId).where('id', '!=', id).where('on_stage', '=', 1).execute();
      await db.updateTable('ballots').set({ on_stage: on ? 1 : 0 }).where('id', '=', id).where('space_id', '=', spaceId).execute();
    },

    async lockForCast(id) {
      const result = await db.updateTable('ballots').set({ first_cast_at: sql<string | null>`first_cast_at` }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markCast(id) {
      await db.updateTable('ballots').set({ first_cast_at: stamp(clock) }).where('id', '=', id).where('first_cast_at', 'is', null).execute();
    },

    async ballotOf(ballotId, voterKey) {
      const voter = await db.selectFrom('ballot_voters').selectAll().where('ballot_id', '=', ballotId).where('voter_key', '=', voterKey).executeTakeFirst();
      if (!voter) return undefined;
      const rows = await db.selectFrom('ballot_allocations').select(['proposal_id', 'votes'])
        .where('ballot_id', '=', ballotId).where('voter_key', '=', voterKey).execute();
      return toStored(voter, Object.fromEntries(rows.map((r) => [r.proposal_id, Number(r.votes)])));
    },

    async putBallot(ballotId, b) {
      const now = stamp(clock);
      const person = { voter_class: b.voterClass, named: b.named ? 1 : 0, staff: b.staff ? 1 : 0, voter_name: b.named ? b.name : null, credits: b.credits };
      await db.insertInto('ballot_voters').values({ ballot_id: ballotId, voter_key: b.voterKey, ...person, changes: 1, cast_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['ballot_id', 'voter_key']).doUpdateSet({ ...person, changes: sql<number>`ballot_voters.changes + 1`, updated_at: now }))
        .execute();
      await db.deleteFrom('ballot_allocations').where('ballot_id', '=', ballotId).where('voter_key', '=', b.voterKey).execute();
      const rows = Object.entries(b.votes).filter(([, n]) => n !== 0)
        .map(([proposalId, votes]) => ({ ballot_id: ballotId, voter_key: b.voterKey, proposal_id: proposalId, votes }));
      if (rows.length > 0) await db.insertInto('ballot_allocations').values(rows).execute();
    },

    async ballots(ballotId) {
      const [voters, rows] = await Promise.all([
        db.selectFrom('ballot_voters').selectAll().where('ballot_id', '=', ballotId).orderBy('cast_at').orderBy('voter_key').execute(),
        db.selectFrom('ballot_allocations').select(['voter_key', 'proposal_id', 'votes']).where('ballot_id', '=', ballotId).execute(),
      ]);
      const votes = new Map<string, Votes>();
      for (const r of rows) {
        const v = votes.get(r.voter_key) ?? {};
        v[r.proposal_id] = Number(r.votes);
        votes.set(r.voter_key, v);
      }
      return voters.map((v) => toStored(v, votes.get(v.voter_key) ?? {}));
    },

    async addCodes(ballotId, hashes, by) {
      const now = stamp(clock);
      // Chunks: SQLite allows a limited number of bound values per statement.
      for (let i = 0; i < hashes.length; i += 100) {
        await db.insertInto('ballot_codes').values(hashes.slice(i, i + 100).map((code_hash) => ({
          code_hash, ballot_id: ballotId, created_by: by, created_at: now, used_at: null, used_by: null,
        }))).execute();
      }
    },

    async useCode(ballotId, hash, voterKey) {
      const result = await db.updateTable('ballot_codes').set({ used_at: stamp(clock), used_by: voterKey })
        .where('code_hash', '=', hash).where('ballot_id', '=', ballotId).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async codeCounts(ballotId) {
      const row = await db.selectFrom('ballot_codes')
        .select((eb) => [eb.fn.countAll<number | string>().as('issued'), eb.fn.count<number | string>('used_at').as('used')])
        .where('ballot_id', '=', ballotId).executeTakeFirstOrThrow();
      return { issued: Number(row.issued), used: Number(row.used) };
    },
  };
}
