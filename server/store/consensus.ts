import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { OpenConversation } from '../../shared/consensus/openData.js';
import type { VoteValue } from '../../shared/consensus/votes.js';
import { type Clock, stamp, systemClock } from './clock.js';
import { createConsensusAnalysisStore, type ConsensusAnalysisStore } from './consensusAnalyses.js';
import { isUniqueViolation } from './errors.js';
import type { ConsensusStatementsTable, Database } from './schema.js';

export type StatementState = 'accepted' | 'pending' | 'rejected';

export interface Conversation {
  id: string;
  spaceId: string;
  question: string;
  source: 'here' | 'imported';
  createdBy: string | null;
  createdAt: string;
}

export interface Statement {
  number: number;
  text: string;
  authorNumber: number;
  state: StatementState;
  /** Votes cast on it (agree, disagree or pass). */
  votes: number;
  createdAt: string;
}

export interface StoredVote {
  participant: number;
  statement: number;
  vote: VoteValue;
  votedAt: string;
}

export interface StatementTally {
  agrees: number;
  disagrees: number;
  passes: number;
}

/** A space's consensus conversations, and (ConsensusAnalysisStore) the latest analysis of each. */
export interface ConsensusStore extends ConsensusAnalysisStore {
  create(c: { spaceId: string; question: string; createdBy: string | null; source?: 'here' | 'imported' }): Promise<Conversation>;
  /** The space's conversation: the latest created. */
  current(spaceId: string): Promise<Conversation | undefined>;
  /** A person's number in a conversation, given on first use (0, 1, 2, ... in order of arrival). */
  participant(conversationId: string, actor: string): Promise<number>;
  /** A person's number if they have one (voted or wrote a statement). */
  findParticipant(conversationId: string, actor: string): Promise<number | undefined>;
  addStatement(conversationId: string, s: { text: string; authorNumber: number; state: StatementState }): Promise<Statement>;
  /** Moves a statement from one of `from` to `to`; undefined if it is in none of them (or absent). */
  moderate(conversationId: string, number: number, from: readonly StatementState[], to: StatementState): Promise<Statement | undefined>;
  statements(conversationId: string): Promise<Statement[]>;
  /** Records (or changes) a vote. */
  vote(conversationId: string, participant: number, statement: number, vote: VoteValue): Promise<void>;
  votes(conversationId: string): Promise<StoredVote[]>;
  votesOf(conversationId: string, participant: number): Promise<Map<number, VoteValue>>;
  /** Agrees, disagrees and passes per statement. */
  tallies(conversationId: string): Promise<Map<number, StatementTally>>;
  /** How many of this participant's statements wait for a moderator. */
  pendingBy(conversationId: string, participant: number): Promise<number>;
  /** A conversation read from the open-data layout; its people are `import:<number>`. Call it inside repos.transaction. */
  importConversation(spaceId: string, question: string, createdBy: string | null, open: OpenConversation): Promise<Conversation>;
}

const STATE: Record<-1 | 0 | 1, StatementState> = { 1: 'accepted', 0: 'pending', [-1]: 'rejected' };
/** Attempts at taking the next number when another writer took it first (PostgreSQL under concurrency). */
const NUMBER_ATTEMPTS = 20;
/** Rows per INSERT when importing (well under SQLite's and PostgreSQL's parameter limits). */
const BATCH = 500;

function conversationOf(row: Database['consensus_conversations']): Conversation {
  return { id: row.id, spaceId: row.space_id, question: row.question, source: row.source === 'imported' ? 'imported' : 'here', createdBy: row.created_by, createdAt: row.created_at };
}

function statementOf(row: Selectable<ConsensusStatementsTable>): Statement {
  return { number: Number(row.number), text: row.text, authorNumber: Number(row.author_number), state: row.state as StatementState, votes: Number(row.vote_count), createdAt: row.created_at };
}

async function nextNumber(db: Kysely<Database>, table: 'consensus_participants' | 'consensus_statements', conversationId: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('number').as('top')).where('conversation_id', '=', conversationId).executeTakeFirst();
  return row?.top === null || row?.top === undefined ? 0 : Number(row.top) + 1;
}

/** Inserts with the next free number, trying again if a concurrent writer took it. */
async function numbered<T>(db: Kysely<Database>, table: 'consensus_participants' | 'consensus_statements', conversationId: string, insert: (n: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert(await nextNumber(db, table, conversationId));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
}

export function createConsensusStore(db: Kysely<Database>, clock: Clock = systemClock): ConsensusStore {
  const store: ConsensusStore = {
    ...createConsensusAnalysisStore(db),
    async create(c) {
      const row = { id: randomUUID(), space_id: c.spaceId, question: c.question, source: c.source ?? 'here', created_by: c.createdBy, created_at: stamp(clock) };
      await db.insertInto('consensus_conversations').values(row).execute();
      return conversationOf(row);
    },
    async current(spaceId) {
      const row = await db.selectFrom('consensus_conversations').selectAll().where('space_id', '=', spaceId)
        .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? conversationOf(row) : undefined;
    },
    async findParticipant(conversationId, actor) {
      const row = await db.selectFrom('consensus_participants').select('number')
        .where('conversation_id', '=', conversationId).where('actor', '=', actor).executeTakeFirst();
      return row ? Number(row.number) : undefined;
    },
    async participant(conversationId, actor) {
      const known = await store.findParticipant(conversationId, actor);
      if (known !== undefined) return known;
      // The next number taken in the same statement as the insert: on SQLite (one writer) no
      // two newcomers can get the same one however many arrive at once; on PostgreSQL two
      // concurrent statements still can, and the loser tries again.
      for (let attempt = 1; ; attempt++) {
        try {
          const inserted = await sql<{ number: number | string }>`insert into consensus_participants (conversation_id, number, actor, created_at)
            select ${conversationId}, coalesce(max(number) + 1, 0), ${actor}, ${stamp(clock)} from consensus_participants where conversation_id = ${conversationId}
            returning number`.execute(db);
          return Number(inserted.rows[0]!.number);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // The same person arriving twice at once: the other request gave them their number.
          const raced = await store.findParticipant(conversationId, actor);
          if (raced !== undefined) return raced;
          if (attempt >= NUMBER_ATTEMPTS) throw error;
        }
      }
    },
    async addStatement(conversationId, s) {
      return numbered(db, 'consensus_statements', conversationId, async (number) => {
        const row = { conversation_id: conversationId, number, text: s.text, author_number: s.authorNumber, state: s.state, vote_count: 0, created_at: stamp(clock) };
        await db.insertInto('consensus_statements').values(row).execute();
        return statementOf(row);
      });
    },
    async moderate(conversationId, number, from, to) {
      const result = await db.updateTable('consensus_statements').set({ state: to })
        .where('conversation_id', '=', conversationId).where('number', '=', number).where('state', 'in', [...from])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
      const row = await db.selectFrom('consensus_statements').selectAll().where('conversation_id', '=', conversationId).where('number', '=', number).executeTakeFirst();
      return row ? statementOf(row) : undefined;
    },
    async statements(conversationId) {
      const rows = await db.selectFrom('consensus_statements').selectAll().where('conversation_id', '=', conversationId).orderBy('number').execute();
      return rows.map(statementOf);
    },
    async vote(conversationId, participant, statement, vote) {
      const row = { conversation_id: conversationId, participant_number: participant, statement_number: statement, vote, voted_at: stamp(clock) };
      const inserted = await db.insertInto('consensus_votes').values(row)
        .onConflict((oc) => oc.columns(['conversation_id', 'participant_number', 'statement_number']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        // A first vote on this statement by this person: it counts towards the order statements are shown in.
        await db.updateTable('consensus_statements').set((eb) => ({ vote_count: eb('vote_count', '+', 1) }))
          .where('conversation_id', '=', conversationId).where('number', '=', statement).execute();
      } else {
        await db.updateTable('consensus_votes').set({ vote, voted_at: row.voted_at })
          .where('conversation_id', '=', conversationId).where('participant_number', '=', participant).where('statement_number', '=', statement)
          .execute();
      }
    },
    async votes(conversationId) {
      const rows = await db.selectFrom('consensus_votes').select(['participant_number', 'statement_number', 'vote', 'voted_at'])
        .where('conversation_id', '=', conversationId).orderBy('participant_number').orderBy('statement_number').execute();
      return rows.map((r) => ({ participant: Number(r.participant_number), statement: Number(r.statement_number), vote: Number(r.vote) as VoteValue, votedAt: r.voted_at }));
    },
    async votesOf(conversationId, participant) {
      const rows = await db.selectFrom('consensus_votes').select(['statement_number', 'vote'])
        .where('conversation_id', '=', conversationId).where('participant_number', '=', participant).execute();
      return new Map(rows.map((r) => [Number(r.statement_number), Number(r.vote) as VoteValue]));
    },
    async tallies(conversationId) {
      const rows = await db.selectFrom('consensus_votes').select((eb) => ['statement_number', 'vote', eb.fn.countAll().as('n')])
        .where('conversation_id', '=', conversationId).groupBy(['statement_number', 'vote']).execute();
      const tallies = new Map<number, StatementTally>();
      for (const r of rows) {
        const number = Number(r.statement_number);
        const t = tallies.get(number) ?? { agrees: 0, disagrees: 0, passes: 0 };
        const vote = Number(r.vote);
        if (vote === 1) t.agrees = Number(r.n);
        else if (vote === -1) t.disagrees = Number(r.n);
        else t.passes = Number(r.n);
        tallies.set(number, t);
      }
      return tallies;
    },
    async pendingBy(conversationId, participant) {
      const row = await db.selectFrom('consensus_statements').select((eb) => eb.fn.countAll().as('n'))
        .where('conversation_id', '=', conversationId).where('author_number', '=', participant).where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async importConversation(spaceId, question, createdBy, open) {
      const conversation = await store.create({ spaceId, question, createdBy, source: 'imported' });
      const id = conversation.id;
      const people = new Set<number>([...open.statements.map((s) => s.authorId), ...open.votes.map((v) => v.voter)]);
      const now = stamp(clock);
      const chunks = async <R>(rows: R[], insert: (batch: R[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
      };
      await chunks([...people].sort((a, b) => a - b).map((n) => ({ conversation_id: id, number: n, actor: `import:${n}`, created_at: now })),
        (batch) => db.insertInto('consensus_participants').values(batch).execute());
      const counts = new Map<number, number>();
      for (const v of open.votes) counts.set(v.statement, (counts.get(v.statement) ?? 0) + 1);
      await chunks(open.statements.map((s) => ({ conversation_id: id, number: s.id, text: s.text, author_number: s.authorId, state: STATE[s.moderated], vote_count: counts.get(s.id) ?? 0, created_at: new Date(s.createdAt).toISOString() })),
        (batch) => db.insertInto('consensus_statements').values(batch).execute());
      await chunks(open.votes.map((v) => ({ conversation_id: id, participant_number: v.voter, statement_number: v.statement, vote: v.vote, voted_at: new Date(v.at).toISOString() })),
        (batch) => db.insertInto('consensus_votes').values(batch).execute());
      return conversation;
    },
  };
  return store;
}
