import { describe, expect, it } from 'vitest';
import { checkStageOpen, checkThanks, closingSteps, openParts, recordPath, thanksAck } from './eventEnd.js';

const code = (f: () => unknown): string => {
  try {
    f();
    return 'none';
  } catch (err) {
    return (err as { code?: string }).code ?? 'thrown';
  }
};

describe('the end of an event', () => {
  it('ends the floor turn and lowers every raised hand', () => {
    expect(closingSteps(true, [['a', 0], ['b', 4], ['c', 2]])).toEqual({ endTurn: true, lowerHands: ['b', 'c'] });
    expect(closingSteps(false, [])).toEqual({ endTurn: false, lowerHands: [] });
  });

  it('leaves nothing open once ended: questions, votes and hands', () => {
    expect(openParts({ state: 'live' })).toEqual({ questions: true, hands: true });
    expect(openParts({ state: 'ended' })).toEqual({ questions: false, hands: false });
    expect(openParts(undefined)).toEqual({ questions: false, hands: true });
  });

  it("takes the host's closing note for a live or ended event only", () => {
    expect(code(() => checkThanks({ state: 'live' }))).toBe('none');
    expect(code(() => checkThanks({ state: 'ended' }))).toBe('none');
    expect(code(() => checkThanks({ state: 'scheduled' }))).toBe('CONFLICT');
    expect(code(() => checkThanks(undefined))).toBe('CONFLICT');
    expect(thanksAck('Thanks!', 'live')).toMatch(/when the event ends/);
    expect(thanksAck('Thanks!', 'ended')).toMatch(/on the stage screen/);
    expect(thanksAck('', 'ended')).toMatch(/taken down/);
  });

  it('puts nothing more on the stage screen once ended; other moderation goes on', () => {
    expect(code(() => checkStageOpen('answer', { state: 'ended' }))).toBe('CONFLICT');
    expect(code(() => checkStageOpen('answer', { state: 'live' }))).toBe('none');
    expect(code(() => checkStageOpen('dismiss', { state: 'ended' }))).toBe('none');
  });

  it('says where the record is', () => {
    expect(recordPath('3f0c/..')).toBe('/events/3f0c%2F..');
  });
});
