import type { ConsensusAnalysis } from '../../shared/consensus/analysis.js';
import type { GroupCountState } from '../../shared/consensus/groupChoice.js';
import type { PreviousGroup } from '../../shared/consensus/groupIdentity.js';

/** What the analyst sends its worker thread: a conversation's votes as transferable typed arrays. */
export interface AnalysisJob {
  id: number;
  statements: number[];
  participant: Int32Array;
  statement: Int32Array;
  vote: Int8Array;
  seed: number;
  previous: GroupCountState | undefined;
  /** The previous run's groups, so each keeps its label. */
  previousGroups: PreviousGroup[];
}

export type AnalysisReply =
  | { id: number; ok: true; analysis: ConsensusAnalysis; tookMs: number }
  | { id: number; ok: false; error: string };
