import { BASE_SHARES, CORDON as C, type Purpose } from './cordonInfo.js';
import { SimInputError } from './simInput.js';

/**
 * A city's own conditions before its charge (inputs, not outcomes): the share of trips across
 * the cordon made by public transport, the zone's speed, and the share of its traffic that
 * pays nothing (taxis, buses, exempt vehicles). Left out, each is London 2002's. The twin's
 * visitor levers always run London; validation runs each scheme with its own published
 * conditions (shared/sim/validation/cityConditions.ts).
 */
export interface CityConditions {
  ptShare?: number;
  baseKmh?: number;
  exemptShare?: number;
}

export const LONDON_CONDITIONS: CityConditions = {};

/** The conditions with London's filled in, checked. */
export interface City {
  shares: Readonly<Record<Purpose, readonly number[]>>;
  baseKmh: number;
  exemptShare: number;
}

/** Public transport's share of commuting and other trips together, weighted by their numbers (London: 0.7193). */
export function ptShareOf(shares: Readonly<Record<Purpose, readonly number[]>>): number {
  const [wc, wo] = [C.purposeShare[0], C.purposeShare[1]];
  return (wc * shares.commute[2]! + wo * shares.other[1]!) / (wc + wo);
}

/**
 * London's 2002 shares with public transport scaled to a city's share of trips across the
 * cordon; the car options take up (or give up) the difference in proportion to their own
 * shares, walking/cycling and not travelling stay London's. Through traffic keeps London's.
 */
export function cityShares(ptShare: number | undefined): Record<Purpose, number[]> {
  const london = { commute: [...BASE_SHARES.commute], other: [...BASE_SHARES.other], through: [...BASE_SHARES.through] };
  if (ptShare === undefined) return london;
  const k = ptShare / ptShareOf(BASE_SHARES);
  const commutePt = london.commute[2]! * k;
  const commuteCar = london.commute[0]! + london.commute[1]!;
  const commuteCarNew = commuteCar + london.commute[2]! - commutePt;
  const otherPt = london.other[1]! * k;
  return {
    commute: [(london.commute[0]! * commuteCarNew) / commuteCar, (london.commute[1]! * commuteCarNew) / commuteCar, commutePt, london.commute[3]!, london.commute[4]!],
    other: [london.other[0]! + london.other[1]! - otherPt, otherPt, london.other[2]!, london.other[3]!],
    through: london.through,
  };
}

export function cityFrom(c: CityConditions): City {
  const ok = (x: number | undefined, lo: number, hi: number) => x === undefined || (x >= lo && x <= hi);
  if (!ok(c.ptShare, 0.01, 0.85) || !ok(c.baseKmh, 3, 40) || !ok(c.exemptShare, 0, 0.8)) {
    throw new SimInputError(`A city's conditions need a public transport share from 0.01 to 0.85, a speed from 3 to 40 km/h and an exempt share from 0 to 0.8 (got ${JSON.stringify(c)}).`);
  }
  return { shares: cityShares(c.ptShare), baseKmh: c.baseKmh ?? C.baseKmh, exemptShare: c.exemptShare ?? C.backgroundShare };
}
