import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../shared/consensus/analysis.js';
import { syntheticConversation } from '../../shared/consensus/synthetic.js';
import type { ConsensusAnalysisView } from '../../shared/protocol/consensus.js';
import { createLogger } from '../log.js';
import type { Statement, StoredVote } from '../store/consensus.js';
import type { ConsensusAnalysisStore, StoredAnalysis } from '../store/consensusAnalyses.js';
import { waitFor } from '../testing/harness.js';
import { ConsensusAnalyst, seedOf } from './analyst.js';
import { AnalysisThread } from './analysisThread.js';

/** The analysis in its worker thread: the same answer as in this thread, debounced runs, published to the space. */

const conversation = syntheticConversation({ participants: 60, statements: 12, groups: 2, density: 0.8, seed: 5 });
const stored: StoredVote[] = Array.from(conversation.votes.vote, (vote, i) => ({
  participant: conversation.votes.participant[i]!, statement: conversation.votes.statement[i]!, vote: vote as -1 | 0 | 1, votedAt: '2026-12-06T20:00:00.000Z',
}));
const statements: Statement[] = conversation.statements.map((number) => ({ number, text: `S${number}`, authorNumber: 0, state: 'accepted', votes: 0, createdAt: '' }));

/** The analyses table as the store keeps it: run n + 1 only over run n (server/store/consensusAnalyses.ts, tested on both databases). */
function analysisTable(): ConsensusAnalysisStore & { rows: Map<string, StoredAnalysis> } {
  const rows = new Map<string, StoredAnalysis>();
  return {
    rows,
    analysisRun: async (id) => rows.get(id)?.run ?? 0,
    latestAnalysis: async (id) => rows.get(id),
    saveAnalysis: async (id, run, json) => {
      if ((rows.get(id)?.run ?? 0) !== run - 1) return false;
      rows.set(id, { run, json });
      return true;
    },
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('the analysis thread', () => {
  it('gives the same analysis as running it here', async () => {
    const thread = new AnalysisThread();
    closers.push(() => thread.close());
    const job = () => ({
      statements: conversation.statements, participant: conversation.votes.participant.slice(), statement: conversation.votes.statement.slice(), vote: conversation.votes.vote.slice(),
      seed: 9, previous: undefined, previousGroups: [],
    });
    const { analysis } = await thread.run(job());
    expect(analysis).toEqual(analyse({ statements: conversation.statements, votes: conversation.votes, seed: 9 }));
    expect(analysis.groups).toHaveLength(2);
  });
});

describe('the analyst', () => {
  it('runs once for a burst of changes, publishes to the space, and keeps the group count between runs', async () => {
    let loads = 0;
    const published: [string, ConsensusAnalysisView][] = [];
    const analyst = new ConsensusAnalyst({
      consensus: { ...analysisTable(), statements: async () => { loads++; return statements; }, votes: async () => stored },
      log: createLogger('silent'),
      publish: (spaceId, view) => published.push([spaceId, view]),
      debounceMs: 50,
    });
    closers.push(() => analyst.close());
    const c = { id: 'conversation-1', spaceId: 'plaza' };
    for (let i = 0; i < 10; i++) analyst.changed(c);
    await waitFor(() => published.length === 1, 10_000, 'one analysis published');
    expect(loads).toBe(1);
    expect(published[0]![0]).toBe('plaza');
    expect(published[0]![1].groups.map((g) => g.size).reduce((a, b) => a + b, 0)).toBe(60);
    expect(analyst.peek(c.id)).toBe(published[0]![1]);
    // Same votes, same seed (from the conversation's id): the same map.
    const again = await analyst.refresh(c);
    expect(again.points).toEqual(published[0]![1].points);
    expect(again.groupCount.k).toBe(2);
    expect([published[0]![1].run, again.run]).toEqual([1, 2]);
    expect(seedOf('conversation-1')).toBe(seedOf('conversation-1'));
    expect(seedOf('conversation-1')).not.toBe(seedOf('conversation-2'));
  });
});

describe('two analysts sharing one database (two processes)', () => {
  it('store one sequence of runs: the one that loses a race analyses again from the winner, and both show the same', async () => {
    const table = analysisTable();
    const heard: ConsensusAnalysisView[] = [];
    const analysts = [0, 1].map(() => new ConsensusAnalyst({
      consensus: { ...table, statements: async () => statements, votes: async () => stored },
      log: createLogger('silent'),
      // The change feed: every process hears every published run.
      publish: (_spaceId, view) => {
        heard.push(view);
        for (const a of analysts) a.heard(view);
      },
      debounceMs: 20,
    }));
    closers.push(...analysts.map((a) => () => a.close()));
    const c = { id: 'conversation-3', spaceId: 'plaza' };
    // Both analyse at once from "no analysis": one stores run 1, the other loses and runs again (run 2).
    await Promise.all(analysts.map((a) => a.refresh(c)));
    await waitFor(() => table.rows.get(c.id)?.run === 2, 10_000, 'the loser to analyse again');
    expect(analysts[0]!.lostRuns + analysts[1]!.lostRuns).toBe(1);
    expect(heard.map((v) => v.run)).toEqual([1, 2]);
    const [one, two] = await Promise.all(analysts.map((a) => a.published(c.id)));
    expect(one).toEqual(two);
    expect(one!.run).toBe(2);
    // Run 2 started from run 1: the same labels for the same people.
    expect(heard[1]!.points.map((p) => p[3])).toEqual(heard[0]!.points.map((p) => p[3]));
  });

  it('reads the stored analysis when it has none of its own (a process that started later)', async () => {
    const table = analysisTable();
    const deps = { consensus: { ...table, statements: async () => statements, votes: async () => stored }, log: createLogger('silent'), publish: () => undefined, debounceMs: 20 };
    const first = new ConsensusAnalyst(deps);
    const later = new ConsensusAnalyst(deps);
    closers.push(() => first.close(), () => later.close());
    const c = { id: 'conversation-4', spaceId: 'plaza' };
    const view = await first.refresh(c);
    expect(later.peek(c.id)).toBeUndefined();
    expect(await later.published(c.id)).toEqual(view);
    // Its next run goes on from run 1.
    expect((await later.refresh(c)).run).toBe(2);
  });
});
