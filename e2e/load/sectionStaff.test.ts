import { describe, expect, it } from 'vitest';
import { sectionsFellBehind, sectionsSeen, sharedNumbers } from './sectionFigures.js';
import { nextHand, type HandSeen } from './sectionStaff.js';

describe('nextHand', () => {
  const hands: HandSeen[] = [
    { id: 'a', section: 1, hand: 30 }, { id: 'b', section: 2, hand: 20 }, { id: 'c', section: 2, hand: 10 }, { id: 'd', section: 4, hand: 5 },
  ];

  it('takes the oldest hand of the next section with one, in turn, wrapping round', () => {
    expect(nextHand(hands, new Set(), 0)?.id).toBe('a');
    expect(nextHand(hands, new Set(), 1)?.id).toBe('c');
    expect(nextHand(hands, new Set(), 2)?.id).toBe('d');
    expect(nextHand(hands, new Set(), 4)?.id).toBe('a');
  });

  it('never calls a hand twice, nor a hand that is down', () => {
    expect(nextHand(hands, new Set(['c']), 1)?.id).toBe('b');
    expect(nextHand([{ id: 'x', section: 1, hand: 0 }], new Set(), 0)).toBeUndefined();
    expect(nextHand(hands, new Set(['a', 'b', 'c', 'd']), 0)).toBeUndefined();
  });
});

describe('the sections run', () => {
  it('adds up each room over bot processes and keeps the moderator\'s room', () => {
    const seen = sectionsSeen([
      { sections: [{ roomId: 'r2', section: 2, address: 'h:2', bots: 3, seated: 3 }, { roomId: 'r1', section: 1, address: 'h:1', bots: 1, seated: 0 }] },
      { sections: [{ roomId: 'r2', section: 2, address: 'h:2', bots: 4, seated: 2 }] },
    ], { roomId: 'r1', section: 1, address: 'h:1' });
    expect(seen).toEqual([
      { roomId: 'r1', section: 1, address: 'h:1', bots: 1, seated: 0 },
      { roomId: 'r2', section: 2, address: 'h:2', bots: 7, seated: 5 },
    ]);
    expect(sectionsSeen([], { roomId: 'r1', section: 1, address: 'h:1' })).toEqual([{ roomId: 'r1', section: 1, address: 'h:1', bots: 0, seated: 0 }]);
  });

  it('names section numbers that more than one room holds', () => {
    expect(sharedNumbers([{ section: 1 }, { section: 3 }, { section: 3 }, { section: 2 }, { section: 3 }])).toEqual({ 3: 3 });
    expect(sharedNumbers([{ section: 1 }, { section: 2 }])).toEqual({});
  });

  it('fails the run when bots are missing or behind, the moderator lagged, or nothing was measured', () => {
    const fine = { clients: 10, connected: 10, botLagP99Ms: 40, loaderLagP99Ms: 5, fanoutSamples: 100 };
    expect(sectionsFellBehind(fine)).toEqual([]);
    expect(sectionsFellBehind({ ...fine, connected: 9 })).toEqual(['only 9 of 10 bots were connected at the end']);
    expect(sectionsFellBehind({ ...fine, botLagP99Ms: 101 })[0]).toMatch(/bots' event loops lagged/);
    expect(sectionsFellBehind({ ...fine, botLagP99Ms: null })[0]).toMatch(/lagged/);
    expect(sectionsFellBehind({ ...fine, loaderLagP99Ms: 300 })[0]).toMatch(/moderator's process lagged/);
    expect(sectionsFellBehind({ ...fine, fanoutSamples: 0 })[0]).toMatch(/no fan-out/);
  });
});
