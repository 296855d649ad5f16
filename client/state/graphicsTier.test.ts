import { describe, expect, it } from 'vitest';
import { detectTier, graphicsSettings, isSoftwareRenderer, lowTierReasons, parseChoice } from './graphicsTier.js';

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
    expect(low).toEqual({ tier: 'low', automatic: true, because: ['handheld'], dpr: [1, 1.25], shadows: false, antialias: false, nameTags: 5 });
    expect(high).toEqual({ tier: 'high', automatic: true, because: [], dpr: [1, 1.5], shadows: true, antialias: true, nameTags: 12 });
    expect(low.dpr[1]).toBeLessThan(high.dpr[1]);
    expect(low.nameTags).toBeLessThan(high.nameTags);
  });

  it('gives browsers that draw WebGL in software the low tier, and says why', () => {
    // What Chromium (ANGLE on SwiftShader), Firefox on Mesa and Windows without a driver report.
    const software = [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Mesa softpipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ];
    for (const name of software) expect(isSoftwareRenderer(name), name).toBe(true);
    const hardware = ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', 'Apple GPU', 'Mali-G78', 'WebKit WebGL', 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)'];
    for (const name of hardware) expect(isSoftwareRenderer(name), name).toBe(false);
    expect(isSoftwareRenderer(undefined)).toBe(false);

    const desktopInSoftware = { ...DESKTOP, softwareRenderer: true };
    expect(detectTier(desktopInSoftware)).toBe('low');
    expect(graphicsSettings('auto', desktopInSoftware)).toMatchObject({ tier: 'low', because: ['software rendering'], antialias: false, shadows: false });
    expect(lowTierReasons({ ...PHONE, memoryGiB: 2, softwareRenderer: true })).toEqual(['handheld', 'little memory', 'software rendering']);
    // The visitor may still ask for the high tier.
    expect(graphicsSettings('high', desktopInSoftware)).toMatchObject({ tier: 'high', automatic: false });
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
