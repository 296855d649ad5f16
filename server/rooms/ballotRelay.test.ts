import { describe, expect, it } from 'vitest';
import type { BallotsLive } from '../../shared/protocol/ballots.js';
import { createLogger } from '../log.js';
import { waitFor } from '../testing/harness.js';
import { BallotRelay } from './ballotRelay.js';

const log = createLogger('silent');

function liveWith(version: number, opensAt: string | null = null): BallotsLive {
  return {
    spaceId: 'plaza',
    ballots: [{
      ballot: {
        id: `b${version}`, spaceId: 'plaza', title: 'T', description: '', proposals: [], budget: 100, maxVotes: 10, allowAgainst: false,
        results: 'live', privacy: 'anonymous', voters: { accounts: true, codes: false, guests: false }, opensAt, closesAt: null,
        phase: 'scheduled', locked: false, onStage: false, createdAt: '2030-01-01T00:00:00.000Z',
      },
      hidden: false, turnout: { accounts: 0, codes: 0, guests: 0 }, creditsSpent: null, proposals: [],
    }],
  };
}

describe('the ballot relay', () => {
  it('coalesces a burst of changes into few reads and always sends the last state', async () => {
    let version = 0;
    let loads = 0;
    const sent: BallotsLive[] = [];
    const relay = new BallotRelay({ load: async () => { loads++; return liveWith(version); }, broadcast: (l) => sent.push(l), log });
    for (let i = 1; i <= 50; i++) {
      version = i;
      relay.changed();
    }
    await waitFor(() => sent.length > 0, 5000, 'a broadcast');
    expect(loads).toBe(1);
    expect(sent.at(-1)!.ballots[0]!.ballot.id).toBe('b50');
    version = 51;
    relay.changed();
    relay.changed();
    await waitFor(() => sent.at(-1)!.ballots[0]!.ballot.id === 'b51', 5000, 'the second broadcast');
    expect(loads).toBe(2);
    relay.dispose();
  });

  it('tells the room when a ballot opens by its own time, after a start that told no one', async () => {
    const sent: BallotsLive[] = [];
    const opensAt = new Date(Date.now() + 80).toISOString();
    const relay = new BallotRelay({ load: async () => liveWith(1, opensAt), broadcast: (l) => sent.push(l), log });
    relay.start();
    expect(sent).toEqual([]);
    await waitFor(() => sent.length === 1, 5000, 'the broadcast at the opening time');
    relay.dispose();
  });
});
