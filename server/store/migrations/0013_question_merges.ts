import type { Kysely, Migration } from 'kysely';

/**
 * A merged duplicate remembers the question it repeats and how many backers it brought there,
 * so the event record shows it as merged rather than dropping it with the dismissed ones.
 * Merges made before this are read back from the audit log (`question.merge`, which has always
 * kept `into` and `votesMoved`).
 */
export const questionMerges: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema.alterTable('questions').addColumn('merged_into', 'text').execute();
    await db.schema.alterTable('questions').addColumn('votes_carried', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    const merges = await db.selectFrom('audit_log').select(['target_id', 'detail_json']).where('action', '=', 'question.merge').execute() as { target_id: string | null; detail_json: string | null }[];
    for (const m of merges) {
      const detail = parseDetail(m.detail_json);
      if (!m.target_id || !detail) continue;
      await db.updateTable('questions').set({ merged_into: detail.into, votes_carried: detail.votesMoved })
        .where('id', '=', m.target_id).where('state', '=', 'dismissed').execute();
    }
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>) {
    for (const column of ['votes_carried', 'merged_into']) await db.schema.alterTable('questions').dropColumn(column).execute();
  },
};

function parseDetail(json: string | null): { into: string; votesMoved: number } | null {
  if (!json) return null;
  try {
    const d = JSON.parse(json) as { into?: unknown; votesMoved?: unknown };
    if (typeof d.into !== 'string') return null;
    return { into: d.into, votesMoved: typeof d.votesMoved === 'number' && Number.isInteger(d.votesMoved) ? d.votesMoved : 0 };
  } catch {
    return null;
  }
}
