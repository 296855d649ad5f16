import type { GroupCountState } from '../../shared/consensus/groupChoice.js';
import type { ConsensusAnalysisView } from '../../shared/protocol/consensus.js';
import { analysisView } from '../domain/consensus.js';
import type { Logger } from '../log.js';
import type { Conversation, ConsensusStore } from '../store/consensus.js';
import { AnalysisThread } from './analysisThread.js';

export interface AnalystDeps {
  consensus: Pick<ConsensusStore, 'statements' | 'votes'>;
  log: Logger;
  /** A new analysis of a space's conversation: rooms in the space push it to everyone. */
  publish: (spaceId: string, view: ConsensusAnalysisView) => void;
  /** Votes arriving within this window are analysed together. */
  debounceMs: number;
}

/** A conversation's seed: the same conversation always draws the same starts (FNV-1a of its id). */
export function seedOf(conversationId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < conversationId.length; i++) h = Math.imul(h ^ conversationId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Runs each conversation's analysis in the worker thread, again as votes arrive (debounced):
 * one run at a time per conversation, and one more after it if votes came in meanwhile. Keeps
 * the latest result and the group-count state that carries the hysteresis from run to run.
 */
export class ConsensusAnalyst {
  private readonly thread = new AnalysisThread();
  private readonly latest = new Map<string, ConsensusAnalysisView>();
  private readonly groupCounts = new Map<string, GroupCountState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, Promise<ConsensusAnalysisView>>();
  private readonly again = new Set<string>();
  private closed = false;

  constructor(private readonly deps: AnalystDeps) {}

  /** Votes or statements changed: analyse again soon. */
  changed(conversation: Pick<Conversation, 'id' | 'spaceId'>): void {
    if (this.closed || this.timers.has(conversation.id)) return;
    this.timers.set(conversation.id, setTimeout(() => {
      this.timers.delete(conversation.id);
      this.refresh(conversation).catch((err: unknown) => this.deps.log.error({ err, conversationId: conversation.id }, 'consensus analysis failed'));
    }, this.deps.debounceMs));
  }

  /** The latest analysis if there is one (never waits). */
  peek(conversationId: string): ConsensusAnalysisView | undefined {
    return this.latest.get(conversationId);
  }

  /** The latest analysis, computing one first if there is none yet. */
  async current(conversation: Pick<Conversation, 'id' | 'spaceId'>): Promise<ConsensusAnalysisView> {
    return this.latest.get(conversation.id) ?? this.running.get(conversation.id) ?? this.refresh(conversation);
  }

  /** Analyses now (or after the run in progress), publishes and keeps the result. */
  refresh(conversation: Pick<Conversation, 'id' | 'spaceId'>): Promise<ConsensusAnalysisView> {
    const inProgress = this.running.get(conversation.id);
    if (inProgress) {
      this.again.add(conversation.id);
      return inProgress;
    }
    const run = this.analyse(conversation).finally(() => {
      this.running.delete(conversation.id);
      if (this.again.delete(conversation.id)) this.changed(conversation);
    });
    this.running.set(conversation.id, run);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.thread.close();
  }

  private async analyse(conversation: Pick<Conversation, 'id' | 'spaceId'>): Promise<ConsensusAnalysisView> {
    const [statements, votes] = await Promise.all([this.deps.consensus.statements(conversation.id), this.deps.consensus.votes(conversation.id)]);
    const job = {
      statements: statements.filter((s) => s.state === 'accepted').map((s) => s.number),
      participant: Int32Array.from(votes, (v) => v.participant),
      statement: Int32Array.from(votes, (v) => v.statement),
      vote: Int8Array.from(votes, (v) => v.vote),
      seed: seedOf(conversation.id),
      previous: this.groupCounts.get(conversation.id),
    };
    const { analysis, tookMs } = await this.thread.run(job);
    this.groupCounts.set(conversation.id, analysis.groupCount);
    const view = analysisView(conversation.id, analysis, new Date().toISOString(), tookMs);
    this.latest.set(conversation.id, view);
    this.deps.log.debug({ conversationId: conversation.id, tookMs, participants: analysis.participantCount, groups: analysis.groups.length }, 'consensus analysed');
    if (!this.closed) this.deps.publish(conversation.spaceId, view);
    return view;
  }
}
