import { describe, expect, it } from 'vitest';
import { detectTier, graphicsSettings, parseChoice } from './graphicsTier.js';

const PHONE = { coarsePointer: true, screenShortSide: 390, memoryGiB: 4 };
const TABLET_LARGE = { coarsePointer: true, screenShortSide: 1024, memoryGiB: 8 };
const DESKTOP = { coarsePointer: false, screenShortSide: 1080, memoryGiB: 8 };

describe('graphics tier', () => {
  it('gives phones and small tablets the low tier, desktops and large tablets the high one', () => {
    expect(detectTier(PHONE)).toBe('low');
    expect(detectTier({ coarsePointer: true, screenShortSide: 768 })).toBe('low');
    expect(detectTier(TABLET_LARGE)).toBe('high');
    expect(detectTier(DESKTOP)).toBe('high');
    // A small window on a desktop is still a desktop: the mouse says so.
    expect(detectTier({ coarsePointer: false, screenShortSide: 400 })).toBe('high');
  });

  it('gives machines with little memory the low tier, and knows nothing means high', () => {
    expect(detectTier({ ...DESKTOP, memoryGiB: 2 })).toBe('low');
    expect(detectTier({})).toBe('high');
  });

  it('caps the pixel ratio, turns shadows off and draws fewer name tags on the low tier', () => {
    const low = graphicsSettings('auto', PHONE);
    const high = graphicsSettings('auto', DESKTOP);
    expect(low).toEqual({ tier: 'low', automatic: true, dpr: [1, 1.25], shadows: false, antialias: false, nameTags: 5 });
    expect(high).toEqual({ tier: 'high', automatic: true, dpr: [1, 1.5], shadows: true, antialias: true, nameTags: 12 });
    expect(low.dpr[1]).toBeLessThan(high.dpr[1]);
    expect(low.nameTags).toBeLessThan(high.nameTags);
  });

  it('lets the visitor override the automatic choice either way', () => {
    expect(graphicsSettings('high', PHONE)).toMatchObject({ tier: 'high', automatic: false, shadows: true });
    expect(graphicsSettings('low', DESKTOP)).toMatchObject({ tier: 'low', automatic: false, shadows: false });
  });

  it('reads a stored choice, treating anything unknown as automatic', () => {
    expect(parseChoice('low')).toBe('low');
    expect(parseChoice('high')).toBe('high');
    expect(parseChoice('auto')).toBe('auto');
    expect(parseChoice(null)).toBe('auto');
    expect(parseChoice('ultra')).toBe('auto');
  });
});
