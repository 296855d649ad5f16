/**
 * The zone's roads and exhausts, in closed form (only + - * / and sqrt: bit-identical everywhere).
 *
 * Speed from demand: the exact fundamental diagram of the Nagel-Schreckenberg model with vmax 1
 * (Schadschneider, Eur. Phys. J. B 10, 1999): flow J(rho) = (1 - sqrt(1 - 4(1-p) rho (1-rho))) / 2
 * cars per cell per step. Given a demand (a flow j), the road runs on the free-flow branch at the
 * density that carries it, rho = (1 - sqrt(1 - 4 j (1-j) / (1-p))) / 2, and the cars' mean speed
 * is j / rho cells per step. Capacity is J at rho = 1/2, (1 - sqrt(p)) / 2.
 *
 * Capacity overflow (stated rule): demand above capacity queues; the road carries its capacity at
 * the speed it has there, and the queue slows everyone in proportion, speed = v_cap * cap / j.
 */

/** Flow at density rho (cars per cell per step), vmax 1, dawdling p. */
export function naschFlow(rho: number, p: number): number {
  return (1 - Math.sqrt(1 - 4 * (1 - p) * rho * (1 - rho))) / 2;
}

/** The most the road carries (cars per cell per step). */
export function naschCapacity(p: number): number {
  return (1 - Math.sqrt(p)) / 2;
}

/** Mean speed (cells per step, 0..1-p) when the road is asked to carry flow j (see the overflow rule). */
export function speedAtDemand(j: number, p: number): number {
  if (!(j >= 0) || !(p >= 0 && p < 1)) throw new RangeError(`Demand and dawdling must be numbers with demand >= 0 and 0 <= p < 1 (got ${j}, ${p}).`);
  if (j === 0) return 1 - p;
  const cap = naschCapacity(p);
  if (j >= cap) return (2 * cap * cap) / j; // v_cap = cap / (1/2), times cap / j
  const c = (j * (1 - j)) / (1 - p);
  const rho = (1 - Math.sqrt(1 - 4 * c)) / 2;
  return j / rho;
}

/** The density (cars per cell) the road runs at for demand j; at or over capacity it runs at 1/2 and the rest queue at the entries. */
export function densityAtDemand(j: number, p: number): number {
  if (j >= naschCapacity(p)) return 0.5;
  return j / speedAtDemand(j, p);
}

/**
 * CO2 per km (g/km) at an average speed v (km/h), in the average-speed form used by COPERT and
 * by DfT's TAG fuel curves, g/km = a/v + b + c v + d v^2, one curve per kind of vehicle. The
 * coefficients are OUR ASSUMPTION (not read from either), shaped like Barth & Boriboonsomsin's
 * measured curve (Transportation Research Record 2058, 2008: emissions per km rise steeply below
 * about 30 km/h) and scaled at 50 km/h: a petrol car 143 g/km (UK new petrol cars, 2022); a
 * diesel taxi 200 g/km and a diesel van or small lorry 230 g/km (assumed, about the UK
 * greenhouse-gas conversion factors' averages as recalled); a diesel bus 900 g/km (assumed) with
 * half the car's low-speed term, since a bus stops at its stops whatever the traffic.
 */
export type VehicleKind = 'car' | 'taxi' | 'van' | 'bus';
const CURVES: Readonly<Record<VehicleKind, { a: number; b: number; c: number; d: number; at50: number }>> = {
  car: { a: 600, b: 90, c: -0.9, d: 0.009, at50: 143 },
  taxi: { a: 600, b: 90, c: -0.9, d: 0.009, at50: 200 },
  van: { a: 600, b: 90, c: -0.9, d: 0.009, at50: 230 },
  bus: { a: 300, b: 90, c: -0.9, d: 0.009, at50: 900 },
};
export const CO2_AT_50_KMH = CURVES.car.at50;

/**
 * The vehicles that pay nothing or do not respond (the zone's background traffic), as shares of
 * its km: ASSUMED from TfL's recalled 2002 mix of central London traffic (taxis about 15%, vans
 * and lorries about 16%, buses and coaches about 4% of all vehicle-km).
 */
export const BACKGROUND_MIX: readonly (readonly [VehicleKind, number])[] = [['taxi', 0.43], ['van', 0.46], ['bus', 0.11]];

export function co2PerKmOf(kind: VehicleKind, kmh: number): number {
  if (!(kmh > 0)) throw new RangeError(`A speed for the emission curve must be above 0 km/h (got ${kmh}).`);
  const k = CURVES[kind];
  const v = Math.max(5, Math.min(130, kmh));
  const shape = (x: number) => k.a / x + k.b + k.c * x + k.d * x * x;
  return (k.at50 * shape(v)) / shape(50);
}

/** A petrol car's curve (the charged traffic). */
export function co2PerKm(kmh: number): number {
  return co2PerKmOf('car', kmh);
}

/** The background traffic's CO2 per km at a speed: its mix of taxis, vans and buses. */
export function backgroundCo2PerKm(kmh: number): number {
  let g = 0;
  for (const [kind, share] of BACKGROUND_MIX) g += share * co2PerKmOf(kind, kmh);
  return g;
}
