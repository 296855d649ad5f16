import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../shared/consensus/analysis.js';
import { syntheticConversation } from '../../shared/consensus/synthetic.js';
import type { ConsensusAnalysisView } from '../../shared/protocol/consensus.js';
import { createLogger } from '../log.js';
import type { Statement, StoredVote } from '../store/consensus.js';
import { waitFor } from '../testing/harness.js';
import { ConsensusAnalyst, seedOf } from './analyst.js';
import { AnalysisThread } from './analysisThread.js';

/** The analysis in its worker thread: the same answer as in this thread, debounced runs, published to the space. */

const conversation = syntheticConversation({ participants: 60, statements: 12, groups: 2, density: 0.8, seed: 5 });
const stored: StoredVote[] = Array.from(conversation.votes.vote, (vote, i) => ({
  participant: conversation.votes.participant[i]!, statement: conversation.votes.statement[i]!, vote: vote as -1 | 0 | 1, votedAt: '2026-12-06T20:00:00.000Z',
}));
const statements: Statement[] = conversation.statements.map((number) => ({ number, text: `S${number}`, authorNumber: 0, state: 'accepted', votes: 0, createdAt: '' }));

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
      seed: 9, previous: undefined,
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
      consensus: { statements: async () => { loads++; return statements; }, votes: async () => stored },
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
    expect(seedOf('conversation-1')).toBe(seedOf('conversation-1'));
    expect(seedOf('conversation-1')).not.toBe(seedOf('conversation-2'));
  });
});
