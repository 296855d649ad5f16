import { sql, type Kysely } from 'kysely';
import { Exhibit } from '../../shared/exhibits/exhibit.js';
import type { Database } from './schema.js';

/**
 * Checks that nothing half-written is visible after a crash: every write the rooms make in one
 * transaction is either all there or not at all. Returns one sentence per inconsistency (none
 * when the store is whole). Used by the hostile suite's kill -9 runs.
 */
export async function findHalfWritten(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  // A vote row and the question's count change in one transaction.
  const counts = await db.selectFrom('questions')
    .leftJoin('question_votes', 'question_votes.question_id', 'questions.id')
    .select(['questions.id', 'questions.votes', sql<number>`count(question_votes.voter_key)`.as('rows')])
    .groupBy(['questions.id', 'questions.votes'])
    .execute();
  for (const c of counts) {
    if (Number(c.votes) !== Number(c.rows)) problems.push(`question ${c.id}: count ${c.votes} but ${c.rows} vote rows`);
  }
  // A moderator's approval and its audit row are one transaction (questions are never auto-approved here).
  const approved = await db.selectFrom('questions').select(['id', 'state', 'text']).where('state', 'in', ['approved', 'answering', 'answered']).execute();
  const audited = new Set((await db.selectFrom('audit_log').select('target_id').where('action', '=', 'question.approve').execute()).map((r) => r.target_id));
  for (const q of approved) if (!audited.has(q.id)) problems.push(`question ${q.id} is ${q.state} with no approval in the audit log`);
  for (const q of await db.selectFrom('questions').select(['id', 'text']).execute()) {
    if (!q.text) problems.push(`question ${q.id} has no text`);
  }
  // Draft exhibits are whole documents.
  for (const row of await db.selectFrom('draft_exhibits').select(['space_id', 'id', 'document']).execute()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.document);
    } catch {
      problems.push(`draft exhibit ${row.space_id}/${row.id} is not JSON`);
      continue;
    }
    if (!Exhibit.safeParse(parsed).success) problems.push(`draft exhibit ${row.space_id}/${row.id} is not a valid exhibit`);
  }
  return problems;
}
