import type { CongestionState } from './congestionCharge.js';
import { CORDON as C } from './cordonInfo.js';
import { densityAtDemand, naschFlow } from './cordonTraffic.js';
import type { Picture, SimChart } from './model.js';

/** The drawn ring: the peak's cars, position round the ring and speed (both 0..1). */
export function cordonPicture(s: CongestionState): Picture {
  const n = s.view.count;
  const position = new Float32Array(n);
  const speed = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    position[i] = s.view.position[i]! / C.ringCells;
    speed[i] = s.view.speed[i]!;
  }
  return { kind: 'ring', cells: C.ringCells, position, speed };
}

/** The detail view's charts: the zone's fundamental diagram, the options chosen, speed day by day. */
export function cordonCharts(s: CongestionState, m: Record<string, number>): SimChart[] {
  const curve: [number, number][] = [];
  for (let k = 0; k <= 20; k++) curve.push([k / 20, naschFlow(k / 20, C.dawdle)]);
  const bands: [number, number][] = [0, 1, 2].map((b) => {
    const j = (s.today.carKm[b]! + s.backgroundKm[b]!) / C.bandHours[b]! / s.supply;
    return [densityAtDemand(j, C.dawdle), Math.min(j, naschFlow(0.5, C.dawdle))];
  });
  const days: [number, number][] = [];
  for (let d = 0; d < s.steps; d++) days.push([d + 1, s.speedByDay[d]!]);
  return [
    { title: 'The zone\'s fundamental diagram: flow against density', kind: 'line', xLabel: 'Density (share of road occupied)', yLabel: 'Flow (cars per cell per step)', series: [{ name: `Nagel-Schreckenberg, vmax 1, p ${C.dawdle} (exact)`, points: curve }, { name: 'This scenario: peak, shoulder, rest of day', points: bands }] },
    { title: 'How the travellers go', kind: 'bar', xLabel: 'Option (1 car, 2 public transport, 3 foot or bike, 4 no trip)', yLabel: 'Travellers (%)', series: [{ name: 'Share', points: [[1, m.carShare!], [2, m.ptShare!], [3, m.activeShare!], [4, m.notMadeShare!]] }] },
    { title: 'Zone speed, day by day', kind: 'line', xLabel: 'Day', yLabel: 'Mean speed (km/h)', series: [{ name: 'Speed', points: days }] },
  ];
}

