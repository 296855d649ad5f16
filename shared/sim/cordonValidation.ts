import { runDesign } from './congestionCharge.js';
import type { CityConditions } from './cordonCity.js';
import { VARIANTS, type Variant } from './cordonInfo.js';
import type { ChargeDesign } from './cordonPeople.js';
import type { RealityCheck } from './model.js';
import { CHARGING_SCHEMES, inLondonPounds, LONDON_2003, type ChargingScheme, type Measured } from './validation/chargingSchemes.js';
import { preChargeFor } from './validation/cityConditions.js';

/** Seeds the exhibit's bands are taken over, with every variant of the uncertain parameters (bands over seeds alone are about 0.1 points wide: README quotes seeds 1-20). */
export const VALIDATION_SEEDS = [1, 2, 3] as const;

const NO_CHARGE: ChargeDesign = { prices: [0, 0, 0], perPassage: false, cap: null, frequency: 12 };

/** A scheme's charges in London-2003 pounds, by share of local pay; public transport as London's. */
export function schemeDesign(s: ChargingScheme): ChargeDesign {
  return {
    prices: [inLondonPounds(s, s.peak), inLondonPounds(s, s.shoulder), inLondonPounds(s, s.offPeak)],
    perPassage: s.kind === 'passage',
    cap: s.dailyCap === null ? null : inLondonPounds(s, s.dailyCap),
    frequency: 12,
  };
}

/** A scheme's own published conditions before its charge (London's where none was found). */
export function schemeConditions(s: ChargingScheme): CityConditions {
  const c = preChargeFor(s.id);
  const out: CityConditions = {};
  if (c?.ptShare) out.ptShare = c.ptShare.value;
  if (c?.baseKmh && s.id !== LONDON_2003.id) out.baseKmh = c.baseKmh.value;
  if (c?.exemptShare) out.exemptShare = c.exemptShare.value;
  return out;
}

export interface SchemeOutcome {
  /** % change from no charge: vehicles entering, delay per km, CO2; and speeds (km/h) before and after. */
  traffic: number;
  delay: number;
  co2: number;
  speedBefore: number;
  speedAfter: number;
}

const pct = (after: number, before: number) => 100 * (after / before - 1);

/** One scheme against no charge, same travellers (seed) and parameters (variant); `before` if already run. */
export function schemeOutcome(s: ChargingScheme, seed: number, variant: number | Variant, before = runDesign(NO_CHARGE, seed, variant, schemeConditions(s))): SchemeOutcome {
  const after = runDesign(schemeDesign(s), seed, variant, schemeConditions(s));
  return { traffic: pct(after.entries!, before.entries!), delay: pct(after.delay!, before.delay!), co2: pct(after.co2!, before.co2!), speedBefore: before.speed!, speedAfter: after.speed! };
}

export interface Band {
  /** Mean over the seeds with the central parameters. */
  central: number;
  /** Standard deviation over those seeds. */
  sd: number;
  /** Lowest and highest over every seed and every variant. */
  low: number;
  high: number;
}

/** Every scheme's outcomes over VALIDATION_SEEDS and every variant. */
export function schemeBands(seeds: readonly number[] = VALIDATION_SEEDS): Map<string, Record<keyof SchemeOutcome, Band>> {
  const out = new Map<string, Record<keyof SchemeOutcome, Band>>();
  for (const scheme of CHARGING_SCHEMES) {
    const all: SchemeOutcome[][] = VARIANTS.map((_, v) => seeds.map((seed) => schemeOutcome(scheme, seed, v)));
    const keys = Object.keys(all[0]![0]!) as (keyof SchemeOutcome)[];
    const bands = {} as Record<keyof SchemeOutcome, Band>;
    for (const k of keys) {
      const central = all[0]!.map((o) => o[k]);
      const mean = central.reduce((a, b) => a + b, 0) / central.length;
      const sd = Math.sqrt(central.reduce((a, b) => a + (b - mean) * (b - mean), 0) / Math.max(1, central.length - 1));
      const every = all.flat().map((o) => o[k]);
      bands[k] = { central: mean, sd, low: Math.min(...every), high: Math.max(...every) };
    }
    out.set(scheme.id, bands);
  }
  return out;
}

/** Inside the band, widened by what the published figure itself is rounded to (1 point). */
export const withinBand = (real: number, b: Band) => real >= b.low - 1 && real <= b.high + 1;

/** What the run used of the city's own conditions before its charge (inputs added after the first out-of-sample run), in words. */
export function conditionsNote(scheme: ChargingScheme): string {
  if (scheme.id === LONDON_2003.id) return '';
  const c = preChargeFor(scheme.id);
  const used: string[] = [];
  if (c?.ptShare) used.push(`public transport ${Math.round(100 * c.ptShare.value)}% of trips across the cordon (${c.ptShare.source})`);
  if (c?.exemptShare) used.push(`${Math.round(100 * c.exemptShare.value)}% of entries exempt (${c.exemptShare.source})`);
  return used.length === 0 ? ' Run in London\'s conditions (none of its own found).' : ` Its own conditions before the charge: ${used.join('; ')}; London's for the rest.`;
}

function check(scheme: ChargingScheme, label: string, m: Measured, b: Band): RealityCheck {
  const role = scheme.id === LONDON_2003.id ? (label === 'traffic' ? 'calibration' : 'check') : 'out of sample';
  const what = label === 'traffic' ? 'Traffic entering' : label === 'delay' ? 'Delay' : 'CO2';
  return { label: `${scheme.name} ${scheme.year}: ${what} (${m.what})`, real: m.change, model: b.central, low: b.low, high: b.high, unit: '%', source: m.source + (m.secondHand ? ' (2nd hand)' : '') + conditionsNote(scheme), role, hit: withinBand(m.change, b) };
}

/** Model against reality: London 2003 (calibration and checks) and the out-of-sample schemes. */
export function cordonRealityChecks(_seed: number): RealityCheck[] {
  const bands = schemeBands();
  const checks: RealityCheck[] = [];
  for (const s of CHARGING_SCHEMES) {
    const b = bands.get(s.id)!;
    checks.push(check(s, 'traffic', s.traffic, b.traffic));
    if (s.delay) checks.push(check(s, 'delay', s.delay, b.delay));
    if (s.co2) checks.push(check(s, 'co2', s.co2, b.co2));
  }
  const london = bands.get(LONDON_2003.id)!;
  checks.push({ label: 'London 2003: speed in the zone with the charge', real: 17, model: london.speedAfter.central, low: london.speedAfter.low, high: london.speedAfter.high, unit: 'km/h', source: 'Summary of TfL 5th Impacts Monitoring Report (2nd hand)', role: 'check', hit: withinBand(17, london.speedAfter) });
  return checks;
}

/** The logit scale that makes a variant give London's -18% (mean over seeds): bisection, response shrinks as theta grows. */
export function calibrateTheta(variant: Variant, seeds: readonly number[] = VALIDATION_SEEDS): number {
  let lo = 1;
  let hi = 60;
  for (let k = 0; k < 18; k++) {
    const mid = (lo + hi) / 2;
    const v = { ...variant, theta: mid };
    const mean = seeds.reduce((a, seed) => a + schemeOutcome(LONDON_2003, seed, v).traffic, 0) / seeds.length;
    if (mean < LONDON_2003.traffic.change) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 100) / 100;
}
