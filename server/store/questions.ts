import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database, QuestionRow } from './schema.js';

export type QuestionStateName = 'pending' | 'approved' | 'answering' | 'answered' | 'dismissed';

export interface Question {
  id: string;
  eventId: string;
  authorKey: string;
  authorName: string;
  anonymous: boolean;
  text: string;
  originalText: string | null;
  normalized: string;
  state: QuestionStateName;
  flagged: boolean;
  votes: number;
  createdAt: string;
  approvedAt: string | null;
  answeringAt: string | null;
  answeredAt: string | null;
  dismissedAt: string | null;
  /** A merged duplicate (dismissed): the question it repeats. */
  mergedInto: string | null;
  /** A merged duplicate: how many backers (its asker and voters not already there) it brought to that question. */
  votesCarried: number;
}

export interface NewQuestion {
  eventId: string;
  authorKey: string;
  authorName: string;
  anonymous: boolean;
  text: string;
  normalized: string;
  state: 'pending' | 'approved';
  flagged: boolean;
}

export interface QuestionStore {
  create(question: NewQuestion): Promise<Question>;
  get(id: string): Promise<Question | undefined>;
  /** Every question of an event, oldest first. */
  listForEvent(eventId: string): Promise<Question[]>;
  /** One person's questions at an event, oldest first. */
  listByAuthor(eventId: string, authorKey: string): Promise<Question[]>;
  /** An event's questions in one state, oldest first (the moderation queue reads 'pending'). */
  listInState(eventId: string, state: QuestionStateName): Promise<Question[]>;
  /** A question of this event with the same folded text that is not dismissed (duplicate detection). */
  findOpenDuplicate(eventId: string, normalized: string): Promise<Question | undefined>;
  /**
   * Moves a question from one of `from` to `to`, stamping the matching time; returns the
   * updated question, or undefined if it was not in one of those states.
   */
  transition(id: string, from: readonly QuestionStateName[], to: QuestionStateName, text?: string): Promise<Question | undefined>;
  /**
   * Dismisses a duplicate as merged into `into`, noting how many backers it carried there;
   * undefined if it was not in one of `from`.
   */
  markMerged(id: string, from: readonly QuestionStateName[], into: string, carried: number): Promise<Question | undefined>;
  /** Changes the text (keeping the first original); undefined if the question is not pending or approved. */
  edit(id: string, text: string, normalized: string): Promise<Question | undefined>;
  /** Adds a vote; false if this voter had already voted (nothing changes). */
  vote(questionId: string, voterKey: string): Promise<boolean>;
  /** Takes a vote back; false if there was none. */
  unvote(questionId: string, voterKey: string): Promise<boolean>;
  /** Ids of the questions of this event this voter has voted for. */
  votesOf(eventId: string, voterKey: string): Promise<string[]>;
  /** The keys of everyone who has voted for this question. */
  votersOf(questionId: string): Promise<string[]>;
}

export function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id, eventId: row.event_id, authorKey: row.author_key, authorName: row.author_name,
    anonymous: Boolean(row.anonymous), text: row.text, originalText: row.original_text, normalized: row.normalized,
    state: row.state as QuestionStateName, flagged: Boolean(row.flagged), votes: Number(row.votes),
    createdAt: row.created_at, approvedAt: row.approved_at, answeringAt: row.answering_at,
    answeredAt: row.answered_at, dismissedAt: row.dismissed_at, mergedInto: row.merged_into, votesCarried: Number(row.votes_carried),
  };
}

const STAMP: Partial<Record<QuestionStateName, 'approved_at' | 'answering_at' | 'answered_at' | 'dismissed_at'>> = {
  approved: 'approved_at', answering: 'answering_at', answered: 'answered_at', dismissed: 'dismissed_at',
};

/** Questions and their votes. A vote and the question's count change in one transaction (pass one). */
export function createQuestionStore(db: Kysely<Database>, clock: Clock = systemClock): QuestionStore {
  const get = async (id: string) => {
    const row = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toQuestion(row) : undefined;
  };

  return {
    async create(q) {
      const now = stamp(clock);
      const row: QuestionRow = {
        id: randomUUID(), event_id: q.eventId, author_key: q.authorKey, author_name: q.authorName,
        anonymous: q.anonymous ? 1 : 0, text: q.text, original_text: null, normalized: q.normalized,
        state: q.state, flagged: q.flagged ? 1 : 0, votes: 0, created_at: now,
        approved_at: q.state === 'approved' ? now : null, answering_at: null, answered_at: null, dismissed_at: null,
        merged_into: null, votes_carried: 0,
      };
      await db.insertInto('questions').values(row).execute();
      return toQuestion(row);
    },

    get,

    async listForEvent(eventId) {
      const rows = await db.selectFrom('questions').selectAll().where('event_id', '=', eventId)
        .orderBy('created_at').orderBy('id').execute();
      return rows.map(toQuestion);
    },

    async listByAuthor(eventId, authorKey) {
      const rows = await db.selectFrom('questions').selectAll().where('event_id', '=', eventId).where('author_key', '=', authorKey)
        .orderBy('created_at').orderBy('id').execute();
      return rows.map(toQuestion);
    },

    async listInState(eventId, state) {
      const rows = await db.selectFrom('questions').selectAll().where('event_id', '=', eventId).where('state', '=', state)
        .orderBy('created_at').orderBy('id').execute();
      return rows.map(toQuestion);
    },

    async findOpenDuplicate(eventId, normalized) {
      const row = await db.selectFrom('questions').selectAll()
        .where('event_id', '=', eventId).where('normalized', '=', normalized).where('state', '!=', 'dismissed')
        .orderBy('created_at').executeTakeFirst();
      return row ? toQuestion(row) : undefined;
    },

    async transition(id, from, to, text) {
      const column = STAMP[to];
      const result = await db.updateTable('questions')
        .set({ state: to, ...(column ? { [column]: stamp(clock) } : {}) })
        .$if(text !== undefined, (q) => q.set({ text: text!, original_text: sql<string>`coalesce(original_text, text)` }))
        .where('id', '=', id).where('state', 'in', [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? get(id) : undefined;
    },

    async markMerged(id, from, into, carried) {
      const result = await db.updateTable('questions')
        .set({ state: 'dismissed', dismissed_at: stamp(clock), merged_into: into, votes_carried: carried })
        .where('id', '=', id).where('state', 'in', [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? get(id) : undefined;
    },

    async edit(id, text, normalized) {
      const result = await db.updateTable('questions')
        .set({ text, normalized, original_text: sql<string>`coalesce(original_text, text)` })
        .where('id', '=', id).where('state', 'in', ['pending', 'approved'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? get(id) : undefined;
    },

    async vote(questionId, voterKey) {
      // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed
      // statement would abort the surrounding transaction.
      const inserted = await db.insertInto('question_votes')
        .values({ question_id: questionId, voter_key: voterKey, created_at: stamp(clock) })
        .onConflict((oc) => oc.columns(['question_id', 'voter_key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await db.updateTable('questions').set({ votes: sql<number>`votes + 1` }).where('id', '=', questionId).execute();
      return true;
    },

    async unvote(questionId, voterKey) {
      const result = await db.deleteFrom('question_votes').where('question_id', '=', questionId).where('voter_key', '=', voterKey).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await db.updateTable('questions').set({ votes: sql<number>`votes - 1` }).where('id', '=', questionId).execute();
      return true;
    },

    async votesOf(eventId, voterKey) {
      const rows = await db.selectFrom('question_votes')
        .innerJoin('questions', 'questions.id', 'question_votes.question_id')
        .select('question_votes.question_id').where('questions.event_id', '=', eventId).where('question_votes.voter_key', '=', voterKey)
        .execute();
      return rows.map((r) => r.question_id);
    },

    async votersOf(questionId) {
      const rows = await db.selectFrom('question_votes').select('voter_key').where('question_id', '=', questionId).orderBy('created_at').execute();
      return rows.map((r) => r.voter_key);
    },
  };
}
