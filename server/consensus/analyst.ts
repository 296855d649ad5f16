import { ConsensusAnalysisView, isNewerAnalysis } from '../../shared/protocol/consensus.js';
import { analysisView, previousGroupsOf } from '../domain/consensus.js';
import type { Logger } from '../log.js';
import type { Conversation, ConsensusStore } from '../store/consensus.js';
import { AnalysisThread } from './analysisThread.js';

export interface AnalystDeps {
  consensus: Pick<ConsensusStore, 'statements' | 'votes' | 'analysisRun' | 'latestAnalysis' | 'saveAnalysis'>;
  log: Logger;
  /** A new analysis of a space's conversation, stored: every process hears it (and passes it to `heard`), rooms push it. */
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

type ConversationRef = Pick<Conversation, 'id' | 'spaceId'>;

/**
 * Runs each conversation's analysis in the worker thread, again as votes arrive (debounced):
 * one run at a time per conversation in this process, and one more after it if votes came in
 * meanwhile. The analysis lives in the database, not in a process: each run starts from the
 * stored one (its group count hysteresis and group labels), and is stored as run n + 1 only over
 * run n. When another process stored a run first, this one's result is dropped and it analyses
 * again from the new run, so every process shows the same sequence of analyses. Keeps a copy of
 * the latest run it knows of (its own, or one heard from another process over the change feed).
 */
export class ConsensusAnalyst {
  private readonly thread = new AnalysisThread();
  private readonly latest = new Map<string, ConsensusAnalysisView>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, Promise<ConsensusAnalysisView>>();
  private readonly again = new Set<string>();
  private closed = false;
  /** Runs this process computed but did not store because another process stored one first. */
  lostRuns = 0;

  constructor(private readonly deps: AnalystDeps) {}

  /** Votes or statements changed: analyse again soon. */
  changed(conversation: ConversationRef): void {
    if (this.closed || this.timers.has(conversation.id)) return;
    this.timers.set(conversation.id, setTimeout(() => {
      this.timers.delete(conversation.id);
      this.refresh(conversation).catch((err: unknown) => this.deps.log.error({ err, conversationId: conversation.id }, 'consensus analysis failed'));
    }, this.deps.debounceMs));
  }

  /** An analysis published by any process (the change feed): kept if it is not older than the copy here. */
  heard(view: ConsensusAnalysisView): void {
    if (isNewerAnalysis(view, this.latest.get(view.conversationId))) this.latest.set(view.conversationId, view);
  }

  /** This process's copy of the latest analysis, if it has one (never waits). */
  peek(conversationId: string): ConsensusAnalysisView | undefined {
    return this.latest.get(conversationId);
  }

  /** The latest stored analysis: this process's copy if it is current, else read from the database (never computes). */
  async published(conversationId: string): Promise<ConsensusAnalysisView | undefined> {
    const copy = this.latest.get(conversationId);
    const run = await this.deps.consensus.analysisRun(conversationId);
    if (run === 0 || (copy && copy.run >= run)) return copy;
    const stored = await this.deps.consensus.latestAnalysis(conversationId);
    const parsed = stored ? ConsensusAnalysisView.safeParse(JSON.parse(stored.json)) : undefined;
    if (!parsed?.success) return copy;
    this.heard(parsed.data);
    return this.latest.get(conversationId);
  }

  /** The latest analysis, computing one first if there is none yet. */
  async current(conversation: ConversationRef): Promise<ConsensusAnalysisView> {
    return (await this.published(conversation.id)) ?? this.running.get(conversation.id) ?? this.refresh(conversation);
  }

  /** Analyses now (or after the run in progress), stores, publishes and keeps the result. */
  refresh(conversation: ConversationRef): Promise<ConsensusAnalysisView> {
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

  private async analyse(conversation: ConversationRef): Promise<ConsensusAnalysisView> {
    const previous = await this.published(conversation.id);
    const [statements, votes] = await Promise.all([this.deps.consensus.statements(conversation.id), this.deps.consensus.votes(conversation.id)]);
    const job = {
      statements: statements.filter((s) => s.state === 'accepted').map((s) => s.number),
      participant: Int32Array.from(votes, (v) => v.participant),
      statement: Int32Array.from(votes, (v) => v.statement),
      vote: Int8Array.from(votes, (v) => v.vote),
      seed: seedOf(conversation.id),
      previous: previous?.groupCount,
      previousGroups: previous ? previousGroupsOf(previous) : [],
    };
    const { analysis, tookMs } = await this.thread.run(job);
    const view = analysisView(conversation.id, (previous?.run ?? 0) + 1, analysis, new Date().toISOString(), tookMs);
    if (!(await this.deps.consensus.saveAnalysis(conversation.id, view.run, JSON.stringify(view), view.computedAt))) {
      // Another process stored this run first, perhaps from fewer votes: analyse again from its run.
      this.lostRuns++;
      this.again.add(conversation.id);
      this.deps.log.debug({ conversationId: conversation.id, run: view.run }, 'consensus analysis stored by another process first');
      return (await this.published(conversation.id)) ?? view;
    }
    this.heard(view);
    this.deps.log.debug({ conversationId: conversation.id, run: view.run, tookMs, participants: analysis.participantCount, groups: analysis.groups.length }, 'consensus analysed');
    if (!this.closed) this.deps.publish(conversation.spaceId, view);
    return view;
  }
}
