import { describe, expect, it } from 'vitest';
import { co2PerKm, densityAtDemand, naschCapacity, naschFlow, speedAtDemand } from './cordonTraffic.js';
import { Random } from './random.js';
import { RingRoad } from './ringRoad.js';

describe('the zone\'s road: exact Nagel-Schreckenberg fundamental diagram (vmax 1)', () => {
  it('flow has the published closed form and its hand-computed values', () => {
    // Schadschneider (1999): J = (1 - sqrt(1 - 4(1-p) rho (1-rho))) / 2. By hand, p = 0.25:
    // rho = 0.5: 1 - 4*0.75*0.25 = 0.25, sqrt 0.5, J = 0.25; rho = 0.1: 1 - 0.27 = 0.73, J = (1 - 0.854400) / 2 = 0.0727998.
    expect(naschFlow(0.5, 0.25)).toBe(0.25);
    expect(naschFlow(0.1, 0.25)).toBeCloseTo(0.0727998, 6);
    expect(naschCapacity(0.25)).toBe(0.25);
    // With p = 0 the road is deterministic: J = min(rho, 1 - rho).
    for (const rho of [0.1, 0.3, 0.5, 0.8]) expect(naschFlow(rho, 0)).toBeCloseTo(Math.min(rho, 1 - rho), 12);
  });

  it('a simulated ring carries the flow the formula gives (so the model\'s road is the simulated one)', () => {
    for (const [p, rho] of [[0.25, 0.1], [0.25, 0.3], [0.25, 0.7]] as const) {
      const road = new RingRoad(2000, 1, p);
      const random = new Random(5);
      road.place(Math.round(rho * 2000), random);
      for (let t = 0; t < 1000; t++) road.step(random);
      road.resetCounters();
      for (let t = 0; t < 3000; t++) road.step(random);
      expect(Math.abs(road.flow() - naschFlow(rho, p))).toBeLessThan(3e-3);
    }
  });

  it('speed at a demand inverts the free-flow branch: j / rho with J(rho) = j', () => {
    const p = 0.25;
    expect(speedAtDemand(0, p)).toBe(0.75);
    for (const j of [0.01, 0.1, 0.2, 0.24]) {
      const v = speedAtDemand(j, p);
      const rho = j / v;
      expect(rho).toBeLessThan(0.5);
      expect(naschFlow(rho, p)).toBeCloseTo(j, 12);
    }
    // Faster when emptier.
    expect(speedAtDemand(0.05, p)).toBeGreaterThan(speedAtDemand(0.2, p));
  });

  it('capacity overflow: demand beyond capacity queues and slows in proportion (stated rule), never NaN', () => {
    const p = 0.25;
    const vCap = speedAtDemand(0.25, p);
    expect(vCap).toBeCloseTo(0.5, 12);
    expect(speedAtDemand(0.5, p)).toBeCloseTo(vCap / 2, 12);
    expect(speedAtDemand(2.5, p)).toBeCloseTo(vCap / 10, 12);
    expect(densityAtDemand(100, p)).toBe(0.5);
    expect(densityAtDemand(0.25, p)).toBe(0.5);
    expect(densityAtDemand(0.1, p)).toBeLessThan(0.5);
    expect(() => speedAtDemand(Number.NaN, p)).toThrow(/Demand/);
    expect(() => speedAtDemand(-1, p)).toThrow(/Demand/);
  });

  it('CO2 per km depends on speed: 143 g/km at 50 km/h, more in stop-start traffic', () => {
    expect(co2PerKm(50)).toBeCloseTo(143, 10);
    // Hand-computed from the curve: (600/14 + 90 - 0.9*14 + 0.009*196) / 79.5 * 143 = 219.5.
    expect(co2PerKm(14)).toBeCloseTo(219.5, 1);
    expect(co2PerKm(10)).toBeGreaterThan(co2PerKm(17));
    expect(co2PerKm(17) / co2PerKm(14)).toBeCloseTo(0.9226, 3);
    expect(() => co2PerKm(0)).toThrow(/above 0/);
    expect(() => co2PerKm(Number.NaN)).toThrow(/above 0/);
  });

  it('a ring refuses more cars than cells instead of holding them silently', () => {
    const road = new RingRoad(100, 1, 0.25);
    const random = new Random(1);
    expect(() => road.place(101, random)).toThrow(/holds 0 to 100 cars/);
    expect(() => road.place(-1, random)).toThrow(/holds/);
    expect(() => road.place(2.5, random)).toThrow(/holds/);
    road.place(100, random);
    expect(road.count).toBe(100);
  });
});
