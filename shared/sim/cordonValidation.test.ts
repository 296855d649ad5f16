import { describe, expect, it } from 'vitest';
import { congestionCharge } from './congestionCharge.js';
import { schemeConditions, schemeDesign, withinBand } from './cordonValidation.js';
import { inLondonPounds, LONDON_2003, OUT_OF_SAMPLE } from './validation/chargingSchemes.js';

describe('model against reality: London 2003 calibration and out-of-sample schemes', () => {
  it('converts charges by share of local pay (hand-computed)', () => {
    const stockholm = OUT_OF_SAMPLE.find((s) => s.id === 'stockholm-2006')!;
    // 20 SEK / 151 SEK an hour * £11.2 an hour = £1.483.
    expect(inLondonPounds(stockholm, 20)).toBeCloseTo(1.4834, 3);
    const d = schemeDesign(stockholm);
    expect(d.perPassage).toBe(true);
    expect(d.cap).toBeCloseTo((60 * 11.2) / 151, 10);
    expect(schemeDesign(LONDON_2003).prices).toEqual([5, 5, 5]);
  });

  it('every check has a band around its central figure, a role, and says honestly whether the published figure is inside', () => {
    const checks = congestionCharge.realityChecks!(1);
    expect(checks.length).toBeGreaterThanOrEqual(8);
    const roles = new Set(checks.map((c) => c.role));
    expect([...roles].sort()).toEqual(['calibration', 'check', 'out of sample']);
    for (const c of checks) {
      expect(c.low!).toBeLessThanOrEqual(c.model + 1e-9);
      expect(c.high!).toBeGreaterThanOrEqual(c.model - 1e-9);
      expect(c.hit).toBe(withinBand(c.real, { central: c.model, sd: 0, low: c.low!, high: c.high! }));
      expect(c.source.length).toBeGreaterThan(10);
    }
    const calibration = checks.find((c) => c.role === 'calibration')!;
    expect(calibration.hit).toBe(true);
    // Each city's own conditions (added after the first out-of-sample run) are named where they were used.
    const source = (id: string) => checks.find((c) => c.label.startsWith(OUT_OF_SAMPLE.find((x) => x.id === id)!.name))!.source;
    expect(source('stockholm-2006')).toMatch(/public transport 60% of trips across the cordon/);
    expect(source('gothenburg-2013')).toMatch(/public transport 25%/);
    expect(source('milan-2012')).toMatch(/19% of entries exempt/);
    expect(schemeConditions(OUT_OF_SAMPLE.find((x) => x.id === 'milan-2012')!)).toEqual({ exemptShare: 0.19 });
    expect(schemeConditions(LONDON_2003)).toEqual({});
    // Out of sample, every scheme is run: one traffic row each.
    for (const s of OUT_OF_SAMPLE) expect(checks.some((c) => c.role === 'out of sample' && c.label.startsWith(s.name) && c.label.includes('Traffic'))).toBe(true);
  });
});

describe('the exhibit board\'s caveat', () => {
  it('says what the reality checks show: every out-of-sample traffic figure missed, each by too small a fall (a third to a half of it)', () => {
    expect(congestionCharge.info.caveat).toMatch(/a third to a half/);
    const traffic = congestionCharge.realityChecks!(1).filter((c) => c.role === 'out of sample' && c.label.includes('Traffic'));
    expect(traffic.length).toBe(OUT_OF_SAMPLE.length);
    for (const c of traffic) {
      expect(c.hit).toBe(false);
      expect(Math.abs(c.model)).toBeLessThan(0.55 * Math.abs(c.real));
      expect(Math.abs(c.model)).toBeGreaterThan(0.3 * Math.abs(c.real));
    }
  });
});
