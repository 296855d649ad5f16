import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The latest analysis of a conversation as stored: its run number and the published view as JSON. */
export interface StoredAnalysis {
  run: number;
  json: string;
}

/**
 * The latest analysis of each conversation, shared by every process (migration 0012). Runs are
 * numbered 1, 2, ...: run n + 1 is stored only over run n, so when two processes analyse the same
 * conversation at once exactly one of them stores its run and the other learns it lost.
 */
export interface ConsensusAnalysisStore {
  /** The run number of the stored analysis (0: none yet); cheap, for checking a copy is current. */
  analysisRun(conversationId: string): Promise<number>;
  latestAnalysis(conversationId: string): Promise<StoredAnalysis | undefined>;
  /** Stores run `run` if the stored one is run - 1 (or none, for run 1); false if another process got there first. */
  saveAnalysis(conversationId: string, run: number, json: string, computedAt: string): Promise<boolean>;
}

export function createConsensusAnalysisStore(db: Kysely<Database>): ConsensusAnalysisStore {
  return {
    async analysisRun(conversationId) {
      const row = await db.selectFrom('consensus_analyses').select('run').where('conversation_id', '=', conversationId).executeTakeFirst();
      return row ? Number(row.run) : 0;
    },
    async latestAnalysis(conversationId) {
      const row = await db.selectFrom('consensus_analyses').select(['run', 'analysis']).where('conversation_id', '=', conversationId).executeTakeFirst();
      return row ? { run: Number(row.run), json: row.analysis } : undefined;
    },
    async saveAnalysis(conversationId, run, json, computedAt) {
      if (run === 1) {
        const inserted = await db.insertInto('consensus_analyses').values({ conversation_id: conversationId, run, analysis: json, computed_at: computedAt })
          .onConflict((oc) => oc.column('conversation_id').doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const updated = await db.updateTable('consensus_analyses').set({ run, analysis: json, computed_at: computedAt })
        .where('conversation_id', '=', conversationId).where('run', '=', run - 1)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },
  };
}
