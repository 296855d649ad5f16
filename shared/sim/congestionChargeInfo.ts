import type { ModelInfo } from './model.js';

/**
 * The congestion charge twin's fixed numbers. The road and the commuters' tastes are
 * calibrated (see `assumptions`); the value of time, the charge, CO2 per km and the London
 * outcomes are published figures (shared/data/twin-figures.md).
 */
export const CONGESTION = {
  /** Cells round the ring (one car length, 7.5 m each): a 4.5 km ring. */
  cells: 600,
  cellMetres: 7.5,
  /** One NaSch time step is one second. */
  stepSeconds: 1,
  /** Top speed in cells per step: 2 = 15 m/s = 54 km/h, about a 30 mph street. */
  vmax: 2,
  /** Chance each second that a car dawdles (junctions, pedestrians, parking, hesitation). */
  slowdown: 0.5,
  commuters: 800,
  /** Time steps of traffic each day before measuring (the jam pattern forms), then measured. */
  warmupSteps: 300,
  measureSteps: 600,
  /** Distance a commuter travels inside the zone each way, km. */
  tripKm: 3,
  /** Public transport: walking to and from stops (min), speed in the vehicle (km/h). */
  ptAccessMinutes: 10,
  ptKmh: 18,
  /** A minute spent waiting feels like this many minutes travelling. */
  waitWeight: 2,
  /** Commuting value of time (£/h, 2002 prices), and the multiple for each income group. */
  valueOfTime: 5.04,
  incomeGroups: ['low', 'middle', 'high'] as const,
  incomeMultiple: [0.6, 1, 1.6] as const,
  /** Spread of each commuter's value of time within a group (lognormal sigma). */
  valueOfTimeSpread: 0.25,
  /** A commuter's own liking for the car over public transport (£/day): logistic mean, scale. */
  tasteMean: -15,
  tasteScale: 16.5,
  /** A day in which this share of commuters reconsider how they travel. */
  reconsider: 0.3,
  /** Weight of the newest day in the car journey time commuters expect (more in the first days). */
  learning: 0.3,
  /** CO2 per car km (g/km). */
  co2PerKm: 143,
  /** Days averaged for the outcomes. */
  window: 5,
  /** Settled: at most this share of commuters would switch, and the expected car time moved less than this share on the last day. */
  settleTolerance: 0.005,
  settleExpectation: 0.005,
  minDays: 10,
  maxDays: 60,
} as const;

export const CONGESTION_CHARGE_INFO: ModelInfo = {
  id: 'congestion-charge',
  version: '1.0.0',
  name: 'Congestion charge on a ring road',
  question: 'If driving into the centre cost a daily charge, how many people would leave the car at home, and how much faster would the traffic move?',
  assumptions: [
    'The charging zone is one ring road 4.5 km round, one lane, where cars follow the Nagel-Schreckenberg rules: 7.5 m cells, one-second steps, a top speed of 54 km/h, and a 50% chance each second that a car dawdles (junctions, pedestrians, parking).',
    '800 commuters each cross 3 km of the zone and back each working day, by car or by public transport. All cars on the ring are commuters; buses, taxis, vans and through traffic are left out.',
    'Each day every commuter weighs the charge and the time each way would take, valued at their value of time, and about a third reconsider how they travel using the car journey time they have come to expect.',
    'Values of time: the commuting figure of £5.04 an hour for middle incomes, 60% of it for the low-income third and 160% for the high-income third (assumed), varying 25% from person to person.',
    'Public transport runs on its own right of way at 18 km/h, with 10 minutes of walking; waiting is half the interval between services and counts double.',
    'Everything else that makes people drive or not (parking, fuel, fares, comfort, habit) is one personal liking for the car in £ a day. It follows a logistic distribution whose average (-£15 a day) and spread (scale £16.5 a day) were chosen so that, with no charge, the ring is as slow as central London in 2002 (about 14 km/h) and a £5 charge cuts the cars by about the 18% seen in 2003. The spread is wide: time saved is worth about £1 a day, so these likings, not journey times, decide most choices.',
    'Someone who stops driving always takes public transport (in London 50-60% did; others changed route, time or destination).',
    'Each car emits 143 g of CO2 per km whatever the speed (the 2022 new petrol car average; the 2003 fleet emitted more, and stop-start driving more still).',
    'Outcomes are averaged over the last 5 days, once at most 4 commuters would travel differently if everyone reconsidered and the expected car time has stopped moving (at most 60 days).',
  ],
  sources: [
    { use: 'Charge level in London, 2003', value: '£5/day, 07:00-18:30 Mon-Fri', source: 'US DOT ITS lessons page summarising TfL 5th Impacts Monitoring Report (2007)', secondHand: true },
    { use: 'Calibration: traffic entering the zone', value: '-18% (2003 and 2004 vs 2002)', source: 'TfL 3rd Annual Monitoring Report (Apr 2005), via Planetizen; TfL slides (Nov 2004)', secondHand: true },
    { use: 'Check: congestion (delay) inside the zone', value: '-30% in the first year', source: 'TfL press release, Apr 2004' },
    { use: 'Calibration and check: speed in the zone', value: 'about 14 km/h (2002) -> about 17 km/h (2003)', source: 'Summary of TfL 5th Impacts Monitoring Report', secondHand: true },
    { use: 'Check: CO2 in the zone', value: '-16%', source: 'US DOT ITS lessons page citing early TfL reports', secondHand: true },
    { use: 'Value of time, commuting', value: '£5.04/h (2002 prices)', source: 'TAG 3.5.6 (2006), Table 21.3 in "Transport Policy and Planning in Great Britain"', secondHand: true },
    { use: 'CO2 per car km', value: '143.0 g/km (new petrol cars, 2022)', source: 'UK Parliament written answer, Mar 2024' },
    { use: 'Traffic model and its exact results (tests)', value: 'J = (1 - sqrt(1 - 4(1-p) rho (1-rho))) / 2 for vmax = 1', source: 'Nagel & Schreckenberg, J. Phys. I France 2 (1992); Schadschneider, Eur. Phys. J. B 10 (1999)' },
  ],
  levers: [
    { key: 'charge', label: 'Daily charge', unit: '£/day', min: 0, max: 20, step: 0.5, default: 5, help: 'What a car pays to enter the zone on a working day.' },
    { key: 'frequency', label: 'Public transport frequency', unit: 'services/h', min: 2, max: 30, step: 1, default: 12, help: 'How often a bus or train comes: 12 an hour is one every 5 minutes.' },
  ],
  metrics: [
    { key: 'carShare', label: 'Commuters driving', unit: '%', digits: 1, help: 'Share of commuters who drive into the zone.' },
    { key: 'speed', label: 'Mean traffic speed', unit: 'km/h', digits: 1, better: 'higher', help: 'Average speed of the cars on the ring.' },
    { key: 'carMinutes', label: 'Journey by car', unit: 'min', digits: 1, better: 'lower', help: 'Time to cross the zone by car, one way.' },
    { key: 'ptMinutes', label: 'Journey by public transport', unit: 'min', digits: 1, better: 'lower', help: 'Time to cross the zone by public transport, one way, with walking and waiting.' },
    { key: 'delayMinutes', label: 'Delay per car journey', unit: 'min', digits: 2, better: 'lower', help: 'Car journey time beyond what it would take on an empty road.' },
    { key: 'revenue', label: 'Charge revenue', unit: '£/day', digits: 0, help: 'Charges paid by the modelled commuters in a day.' },
    { key: 'co2', label: 'CO2 from cars', unit: 'kg/day', digits: 0, better: 'lower', help: 'Car CO2 from the modelled commuters\' trips across the zone in a day.' },
    { key: 'paidLow', label: 'Paid per low-income commuter', unit: '£/day', digits: 2, help: 'Charge paid per commuter in the low-income third, drivers or not.' },
    { key: 'paidMiddle', label: 'Paid per middle-income commuter', unit: '£/day', digits: 2, help: 'Charge paid per commuter in the middle-income third, drivers or not.' },
    { key: 'paidHigh', label: 'Paid per high-income commuter', unit: '£/day', digits: 2, help: 'Charge paid per commuter in the high-income third, drivers or not.' },
  ],
  maxSteps: CONGESTION.maxDays,
};
