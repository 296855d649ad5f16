import { describe, expect, it } from 'vitest';
import { checkCall, checkRelease, checkStillFree, extendedEndsAt, FLOOR_MIN_LEFT_MS, handAfter, handsOpen, liveEventId, returnPlace, speakersOf, turnEndsAt, turnOver, turnToEnd, type FloorTurn } from './floorMic.js';
import { Refusal } from './refusal.js';

const turn: FloorTurn = { turnId: 't1', sessionId: 'ann', returnTo: { seat: 4, x: 1, z: 2, yaw: 0.5 } };
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof Refusal) return err.code;
    throw err;
  }
  return 'ok';
};

describe('the floor microphone', () => {
  it('is used during a live event only', () => {
    expect(liveEventId({ id: 'e1', state: 'live' })).toBe('e1');
    for (const state of ['scheduled', 'ended']) expect(code(() => liveEventId({ id: 'e1', state }))).toBe('CONFLICT');
    expect(code(() => liveEventId(undefined))).toBe('CONFLICT');
  });

  it('calls one person at a time: someone here, in a hall with a mic', () => {
    const here = { removed: false, connected: true };
    expect(code(() => checkCall({ floor: null, holderName: undefined, target: here, hasMic: true }))).toBe('ok');
    expect(code(() => checkCall({ floor: turn, holderName: 'Ann', target: here, hasMic: true }))).toBe('CONFLICT');
    expect(code(() => checkCall({ floor: null, holderName: undefined, target: undefined, hasMic: true }))).toBe('NOT_FOUND');
    expect(code(() => checkCall({ floor: null, holderName: undefined, target: { removed: true, connected: true }, hasMic: true }))).toBe('NOT_FOUND');
    expect(code(() => checkCall({ floor: null, holderName: undefined, target: { removed: false, connected: false }, hasMic: true }))).toBe('NOT_FOUND');
    expect(code(() => checkCall({ floor: null, holderName: undefined, target: here, hasMic: false }))).toBe('CONFLICT');
    // Two calls racing: the later one loses.
    expect(code(() => checkStillFree(turn))).toBe('CONFLICT');
    expect(code(() => checkStillFree(null))).toBe('ok');
  });

  it('times the turn; extending or shortening never leaves less than the minimum', () => {
    expect(turnEndsAt(1000, 90)).toBe(91_000);
    expect(extendedEndsAt(turn, 0, 60_000, 30)).toBe(90_000);
    expect(extendedEndsAt(turn, 50_000, 60_000, -600)).toBe(50_000 + FLOOR_MIN_LEFT_MS);
    expect(code(() => extendedEndsAt(null, 0, 0, 30))).toBe('CONFLICT');
    expect(turnOver(turn, 100, 100)).toBe(true);
    expect(turnOver(turn, 101, 100)).toBe(false);
    expect(turnOver(null, 0, 100)).toBe(false);
  });

  it('lets only the holder give the mic back, and ends only a turn that exists', () => {
    expect(code(() => checkRelease(turn, 'ann'))).toBe('ok');
    expect(code(() => checkRelease(turn, 'bob'))).toBe('CONFLICT');
    expect(code(() => checkRelease(null, 'ann'))).toBe('CONFLICT');
    expect(turnToEnd(turn)).toBe(turn);
    expect(code(() => turnToEnd(null))).toBe('CONFLICT');
  });

  it('returns the holder to their seat if it is still free, else to where they stood', () => {
    expect(returnPlace(turn.returnTo, () => true)).toEqual({ seat: 4 });
    expect(returnPlace(turn.returnTo, () => false)).toEqual({ place: { x: 1, z: 2, yaw: 0.5 } });
    expect(returnPlace({ ...turn.returnTo, seat: -1 }, () => true)).toEqual({ place: { x: 1, z: 2, yaw: 0.5 } });
  });

  it('lets the holder and staff on the stage speak; nobody disconnected', () => {
    const people = [
      { id: 'ann', connected: true, onStage: false, mayTakeStage: false },
      { id: 'host', connected: true, onStage: true, mayTakeStage: true },
      { id: 'visitor', connected: true, onStage: true, mayTakeStage: false },
      { id: 'away', connected: false, onStage: true, mayTakeStage: true },
    ];
    expect(speakersOf(people, turn)).toEqual(['ann', 'host']);
    expect(speakersOf(people, null)).toEqual(['host']);
  });

  it('never asks where someone stands who may not take the stage (a seated crowd costs a flag per person per tick)', () => {
    let looked = 0;
    const person = (id: string, mayTakeStage: boolean, onStage: boolean) => ({
      id, connected: true, mayTakeStage, get onStage() { looked++; return onStage; },
    });
    const crowd = [person('host', true, true), ...Array.from({ length: 300 }, (_, i) => person(`guest${i}`, false, false))];
    expect(speakersOf(crowd, null)).toEqual(['host']);
    expect(looked).toBe(1);
  });

  it('numbers raised hands in order; no hand while holding the floor', () => {
    let n = 0;
    const next = () => ++n;
    expect(handAfter(0, true, false, next)).toBe(1);
    expect(handAfter(1, true, false, next)).toBe(1);
    expect(handAfter(1, false, false, next)).toBe(0);
    expect(code(() => handAfter(0, true, true, next))).toBe('CONFLICT');
    // Once the event has ended, hands are closed; lowering one still works.
    expect(code(() => handAfter(0, true, false, next, handsOpen('ended')))).toBe('CONFLICT');
    expect(handAfter(3, false, false, next, handsOpen('ended'))).toBe(0);
    expect(handsOpen('live')).toBe(true);
    expect(handsOpen('scheduled')).toBe(true);
  });
});
