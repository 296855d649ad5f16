import { CONGESTION } from './congestionChargeInfo.js';
import { detExp, detLog } from './detmath.js';
import type { Random } from './random.js';

/** The commuters of the congestion twin, one entry per person in each typed array. */
export interface Commuters {
  count: number;
  /** Income group: 0 low, 1 middle, 2 high (equal thirds). */
  group: Uint8Array;
  /** Value of time, £/h. */
  valueOfTime: Float64Array;
  /** Liking for the car over public transport, £/day (everything but the charge and time). */
  taste: Float64Array;
  /** 1 if driving today. */
  drives: Uint8Array;
}

/** Draws the population: the same seed always gives the same people. */
export function createCommuters(count: number, random: Random): Commuters {
  const c: Commuters = {
    count,
    group: new Uint8Array(count),
    valueOfTime: new Float64Array(count),
    taste: new Float64Array(count),
    drives: new Uint8Array(count),
  };
  const sigma = CONGESTION.valueOfTimeSpread;
  for (let i = 0; i < count; i++) {
    const group = i % 3;
    c.group[i] = group;
    // Lognormal around the group's value, mean-preserving (the -sigma^2/2 term).
    c.valueOfTime[i] = CONGESTION.valueOfTime * CONGESTION.incomeMultiple[group]! * detExp(sigma * random.normal() - (sigma * sigma) / 2);
  }
  // Likings for the car follow a logistic distribution (the difference of two Gumbel utilities,
  // as in a logit choice). They are its quantiles dealt out at random rather than random draws,
  // so every seed has the same spread of likings and the outcomes differ less between seeds.
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  for (let i = 0; i < count; i++) {
    const u = (order[i]! + 0.5) / count;
    c.taste[i] = CONGESTION.tasteMean + CONGESTION.tasteScale * detLog(u / (1 - u));
  }
  return c;
}

/** Minutes to cross the zone by public transport at `frequency` services an hour: walk, wait, ride. */
export function ptMinutes(frequency: number): number {
  return CONGESTION.ptAccessMinutes + 30 / frequency + (CONGESTION.tripKm / CONGESTION.ptKmh) * 60;
}

/** The same, as it feels: waiting counts `waitWeight` times. */
function ptFeltMinutes(frequency: number): number {
  return ptMinutes(frequency) + (CONGESTION.waitWeight - 1) * (30 / frequency);
}

/**
 * Whether commuter i drives, given the car journey time they expect: driving costs the charge
 * plus two car journeys of their time, the alternative two public transport journeys; their
 * liking for the car tips the balance.
 */
export function prefersCar(c: Commuters, i: number, charge: number, carMinutes: number, frequency: number): boolean {
  const perMinute = c.valueOfTime[i]! / 60;
  const car = charge + 2 * carMinutes * perMinute;
  const pt = 2 * ptFeltMinutes(frequency) * perMinute;
  return c.taste[i]! > car - pt;
}

/** Everyone chooses once (the first day) on the car time they expect. */
export function chooseAll(c: Commuters, charge: number, carMinutes: number, frequency: number): number {
  let cars = 0;
  for (let i = 0; i < c.count; i++) {
    const drives = prefersCar(c, i, charge, carMinutes, frequency);
    c.drives[i] = drives ? 1 : 0;
    if (drives) cars++;
  }
  return cars;
}

/** A day's reconsideration: each commuter reconsiders with chance `share`. Returns the cars. */
export function reconsider(c: Commuters, share: number, random: Random, charge: number, carMinutes: number, frequency: number): number {
  let cars = 0;
  for (let i = 0; i < c.count; i++) {
    if (random.next() < share) c.drives[i] = prefersCar(c, i, charge, carMinutes, frequency) ? 1 : 0;
    cars += c.drives[i]!;
  }
  return cars;
}

/** How many commuters would travel differently if they all reconsidered now. */
export function wouldSwitch(c: Commuters, charge: number, carMinutes: number, frequency: number): number {
  let n = 0;
  for (let i = 0; i < c.count; i++) if (prefersCar(c, i, charge, carMinutes, frequency) !== (c.drives[i] === 1)) n++;
  return n;
}
