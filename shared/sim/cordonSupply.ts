import type { City } from './cordonCity.js';
import { CORDON as C } from './cordonInfo.js';
import { PEAK, SHOULDER, type Travellers } from './cordonPeople.js';
import { speedAtDemand } from './cordonTraffic.js';

/** The zone's demand and supply: what the travellers would drive before the charge, and the road that carries it at the city's speed. */

/** Expected car-km by band and car entries a day if everyone chose with the city's shares before the charge. */
export function baseDemand(t: Travellers, city: City): { km: Float64Array; entries: number } {
  const km = new Float64Array(3);
  let entries = 0;
  const [peak, shoulder] = city.shares.commute;
  const other = city.shares.other[0]!;
  const through = city.shares.through[0]!;
  for (let i = 0; i < t.count; i++) {
    const p = t.purpose[i]!;
    if (p === 0) {
      km[PEAK]! += peak! * 2 * C.zoneKm;
      km[SHOULDER]! += shoulder! * 2 * C.zoneKm;
      entries += peak! + shoulder!;
    } else if (p === 1) {
      km[t.band[i]!]! += other * 2 * C.zoneKm * t.visits[i]!;
      entries += other * t.visits[i]!;
    } else {
      km[t.band[i]!]! += through * 2 * C.throughKm;
      entries += through;
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

/** Supply so that the demand before the charge moves at `kmh` over the day (bisection; speed rises with supply). */
export function supplyFor(carKm: Float64Array, background: Float64Array, baseKmh: number = C.baseKmh): number {
  const kmh = new Float64Array(3);
  let lo = 1e-6;
  let hi = 1e6;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    bandSpeeds(carKm, background, mid, kmh);
    if (meanSpeed(carKm, background, kmh) < baseKmh) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

