import { describe, expect, it } from 'vitest';
import { fovFor } from './PortraitView.js';

describe('portrait field of view', () => {
  it('leaves landscape screens alone', () => {
    expect(fovFor(16 / 9)).toBe(55);
    expect(fovFor(1)).toBe(55);
  });

  it('widens a phone held upright, within a limit', () => {
    const phone = fovFor(390 / 844);
    expect(phone).toBe(80);
    const horizontal = (2 * Math.atan(Math.tan((phone * Math.PI) / 360) * (390 / 844)) * 180) / Math.PI;
    expect(horizontal).toBeGreaterThan(40);
    const tablet = fovFor(768 / 1024);
    expect(tablet).toBeGreaterThan(55);
    expect(tablet).toBeLessThan(80);
  });
});
