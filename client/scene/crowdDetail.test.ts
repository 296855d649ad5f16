import { describe, expect, it } from 'vitest';
import { detailCutoff } from './crowdDetail.js';

describe('detailCutoff', () => {
  it('keeps everyone in full up to the budget, then only the nearest', () => {
    const d = new Float64Array([9, 1, 25, 4, 16, 0, 0]);
    expect(detailCutoff(d, 5, 5)).toBe(Infinity);
    expect(detailCutoff(d, 5, 2)).toBe(4);
    expect(detailCutoff(d, 5, 1)).toBe(1);
    // Only the first `count` entries are people in view this frame.
    expect(detailCutoff(d, 3, 2)).toBe(9);
    // The array itself is left as it was.
    expect([...d]).toEqual([9, 1, 25, 4, 16, 0, 0]);
  });
});
