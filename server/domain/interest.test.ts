import { describe, expect, it } from 'vitest';
import { cellOf, cellsBetween, INTEREST, isFarTurn, isMidTick, midCells, nearCells, publishesPose, ringsApart, updateEvery } from './interest.js';

describe('interest management', () => {
  it('cuts the floor into cells, negative coordinates included', () => {
    expect(cellOf(0.1, 0.1)).toBe(cellOf(3.9, 3.9));
    expect(cellOf(-0.1, 0)).not.toBe(cellOf(0.1, 0));
    expect(ringsApart(cellOf(-0.1, 0), cellOf(0.1, 0))).toBe(1);
    expect(ringsApart(cellOf(-30, -30), cellOf(30, 30))).toBe(15);
  });

  it('sends near people every tick, the next ring at a quarter rate, everyone else rarely', () => {
    const me = cellOf(0, 0);
    expect(updateEvery(me, cellOf(5, -3))).toBe(1);
    expect(updateEvery(me, cellOf(9, 0))).toBe(INTEREST.midEveryTicks);
    expect(updateEvery(me, cellOf(20, 0))).toBe(INTEREST.farEveryTicks);
    expect(nearCells(me)).toHaveLength(9);
    expect(midCells(me)).toHaveLength(16);
    expect(new Set([...nearCells(me), ...midCells(me)]).size).toBe(25);
    expect(nearCells(me).every((c) => updateEvery(me, c) === 1)).toBe(true);
    expect(midCells(me).every((c) => updateEvery(me, c) === INTEREST.midEveryTicks)).toBe(true);
  });

  it('stops at the edge of the grid', () => {
    const corner = cellOf(-1e9, -1e9);
    expect(cellsBetween(corner, 0, 1)).toHaveLength(4);
  });

  it('gives every avatar exactly one far turn per period, spread over the ticks', () => {
    const turns = new Map<number, number>();
    for (let slot = 0; slot < 1000; slot++) {
      for (let tick = 0; tick < INTEREST.farEveryTicks; tick++) {
        if (isFarTurn(slot, tick)) turns.set(tick, (turns.get(tick) ?? 0) + 1);
      }
    }
    expect([...turns.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...turns.values()) - Math.min(...turns.values())).toBeLessThanOrEqual(1);
    expect([0, 1, 2, 3, 4].map(isMidTick)).toEqual([true, false, false, false, true]);
  });

  it('puts a pose into the room state only at rest', () => {
    expect(publishesPose(0, true)).toBe(true);
    expect(publishesPose(1, true)).toBe(false);
    expect(publishesPose(0, false)).toBe(false);
  });
});
