import { describe, expect, it } from 'vitest';
import { Exhibit, newContent, publishProblems, textAlternative } from './exhibit.js';

const base = {
  id: 'twin-0001', title: 'Congestion charge', alt: '', provenance: { author: '', sources: [] },
  transform: { x: 0, y: 0, z: 0, rx: 0, ry: 0, rz: 0, scale: 1 },
};

describe('twin exhibits', () => {
  it('start with a model and its defaults, and are ready to publish as they are', () => {
    const e = Exhibit.parse({ ...base, content: newContent('twin') });
    expect(e.content).toEqual({ kind: 'twin', model: 'congestion-charge', params: {}, seed: 1 });
    expect(publishProblems(e, new Set())).toEqual([]);
  });

  it('refuse an official scenario the model would refuse, naming the lever', () => {
    const bad = (content: unknown) => Exhibit.safeParse({ ...base, content });
    const outOfRange = bad({ kind: 'twin', model: 'congestion-charge', params: { charge: 21 }, seed: 1 });
    expect(outOfRange.success).toBe(false);
    expect(outOfRange.error?.issues[0]?.message).toMatch(/charge/i);
    expect(bad({ kind: 'twin', model: 'congestion-charge', params: { wings: 1 }, seed: 1 }).success).toBe(false);
    expect(bad({ kind: 'twin', model: 'congestion-charge', params: { charge: Number.NaN }, seed: 1 }).success).toBe(false);
    expect(bad({ kind: 'twin', model: 'perpetual-motion', params: {}, seed: 1 }).error?.issues[0]?.message).toMatch(/no simulation model/);
    expect(bad({ kind: 'twin', model: 'carbon-dividend', params: {}, seed: 2 ** 31 }).success).toBe(false);
  });

  it('read out the model, its question and the official levers as their text alternative', () => {
    const e = Exhibit.parse({ ...base, alt: 'Try a higher charge.', content: { kind: 'twin', model: 'congestion-charge', params: { charge: 8 }, seed: 3 } });
    const text = textAlternative(e);
    expect(text).toMatch(/^Try a higher charge\./);
    expect(text).toMatch(/Charge in the peak 8 £/);
    expect(text).toMatch(/Public transport frequency 12/);
    expect(text).toMatch(/seed 3/);
  });
});
