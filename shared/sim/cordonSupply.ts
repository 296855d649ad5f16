import { CORDON as C } from './cordonInfo.js';
import { PEAK, SHOULDER, type Travellers } from './cordonPeople.js';
import { speedAtDemand } from './cordonTraffic.js';

/** The zone's demand and supply: what 2002's travellers would drive, and the road that carries it at 14 km/h. */

/** Expected car-km by band and car entries a day if everyone chose with London's 2002 shares. */
export function baseDemand(t: Travellers): { km: Float64Array; entries: number } {
  const km = new Float64Array(3);
  let entries = 0;
  for (let i = 0; i < t.count; i++) {
    const p = t.purpose[i]!;
    if (p === 0) {
      km[PEAK]! += 0.12 * 2 * C.zoneKm;
      km[SHOULDER]! += 0.03 * 2 * C.zoneKm;
      entries += 0.15;
    } else if (p === 1) {
      km[t.band[i]!]! += 0.25 * 2 * C.zoneKm;
      entries += 0.25;
    } else {
      km[t.band[i]!]! += 0.65 * 2 * C.throughKm;
      entries += 0.65;
    }
  }
  return { km, entries };
}

/** Zone speed (km/h) in each band for car-km by band. */
export function bandSpeeds(carKm: ArrayLike<number>, background: ArrayLike<number>, supply: number, out: Float64Array): void {
  for (let b = 0; b < 3; b++) out[b] = C.topKmh * speedAtDemand((carKm[b]! + background[b]!) / C.bandHours[b]! / supply, C.dawdle);
}

/** Space-mean speed over the day: vehicle-km over vehicle-hours. */
export function meanSpeed(carKm: ArrayLike<number>, background: ArrayLike<number>, kmh: ArrayLike<number>): number {
  let km = 0;
  let hours = 0;
  for (let b = 0; b < 3; b++) {
    const v = carKm[b]! + background[b]!;
    km += v;
    hours += v / kmh[b]!;
  }
  return km / hours;
}

/** Supply so that the 2002 demand moves at 14 km/h over the day (bisection; speed rises with supply). */
export function supplyFor(carKm: Float64Array, background: Float64Array): number {
  const kmh = new Float64Array(3);
  let lo = 1e-6;
  let hi = 1e6;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    bandSpeeds(carKm, background, mid, kmh);
    if (meanSpeed(carKm, background, kmh) < C.baseKmh) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

