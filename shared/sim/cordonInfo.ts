import type { ModelInfo } from './model.js';

/** Kinds of traveller (a purpose and where the trip goes). */
export const PURPOSES = ['commute', 'other', 'through'] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * The congestion twin's fixed numbers. Published figures are cited in CONGESTION_CHARGE_INFO's
 * sources; every other number is an assumption stated in its assumptions.
 */
export const CORDON = {
  travellers: 1800,
  /** Share of travellers by purpose: to work in the centre, other trips into it, through it. */
  purposeShare: [0.55, 0.33, 0.12] as const,
  /** Hours of each charged band: peaks (morning + evening), shoulders, the rest of the charged day. */
  bandHours: [3, 2, 6.5] as const,
  /** Road inside the zone a car drives each way (km); a through trip crosses 4 km. */
  zoneKm: 3,
  throughKm: 4,
  /** Extra km to go round the zone instead of through it, at `outsideKmh`. */
  detourKm: 4,
  outsideKmh: 30,
  /** One in this many other trips comes into the zone twice a day (business and service rounds: two round trips, so four crossings). Assumed. */
  twoVisitEvery: 4,
  /** Trip length each way (km): lognormal median by purpose and spread. */
  tripKmMedian: [10, 6, 12] as const,
  tripKmSpread: 0.6,
  ptAccessMinutes: 10,
  ptKmh: 20,
  waitWeight: 2,
  cycleKmh: 12,
  /** Shifting a commute from the peak to the shoulder: 45 minutes each way at 0.6 of the value of time (Small 1982 schedule-delay form). */
  shiftHours: 0.75,
  shiftWeight: 0.6,
  /** Income: lognormal, mean 1, sigma (UK 90/10 pay ratio about 3.6). */
  incomeSpread: 0.5,
  /** Exempt and unresponsive vehicles (taxis, buses, most vans): share of zone vehicle-km with no charge. */
  backgroundShare: 0.35,
  /** Speed in the zone in 2002 (km/h): sets the road supply. */
  baseKmh: 14,
  /** The road: Nagel-Schreckenberg vmax 1 with 7.5 m cells and 0.6 s steps = 45 km/h top speed, dawdling p. */
  topKmh: 45,
  dawdle: 0.25,
  /** Picture: a ring of this many cells. */
  ringCells: 400,
  minDays: 6,
  maxDays: 40,
  settle: 0.001,
} as const;

/**
 * Mode shares before any charge, London 2002 (ASSUMED from recalled TfL travel-in-London
 * figures: about 1 in 8 people entering central London in the morning peak came by car).
 * Order per purpose: commute [car peak, car shoulder, public transport, walk/cycle, no trip];
 * other [car, public transport, walk/cycle, no trip]; through [car through, car round, public transport, no trip].
 */
export const BASE_SHARES: Readonly<Record<Purpose, readonly number[]>> = {
  commute: [0.12, 0.03, 0.78, 0.05, 0.02],
  other: [0.25, 0.62, 0.1, 0.03],
  through: [0.65, 0.25, 0.08, 0.02],
};

/** The uncertain parameters, as named variants; each is calibrated on London 2003 alone (theta). */
export interface Variant {
  name: string;
  /** Value of time, £/h (2002 prices), commuting and other trips. */
  votCommute: number;
  votOther: number;
  /** Income elasticity of the value of time. */
  incomeElasticity: number;
  /** Share of travellers going through the zone (the others scale down to make room). */
  throughShare: number;
  /** Logit scale (£ a day for a traveller of the base value of time; in proportion to each one's value of time): the one number fitted to London's -18%. */
  theta: number;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'central', votCommute: 5.04, votOther: 4.46, incomeElasticity: 0.5, throughShare: 0.12, theta: 9.65 },
  { name: 'values of time revised (commuting +50%, other -25%)', votCommute: 7.56, votOther: 3.35, incomeElasticity: 0.5, throughShare: 0.12, theta: 9.4 },
  { name: 'value of time less income-sensitive (elasticity 0.3)', votCommute: 5.04, votOther: 4.46, incomeElasticity: 0.3, throughShare: 0.12, theta: 9.23 },
  { name: 'value of time more income-sensitive (elasticity 0.9)', votCommute: 5.04, votOther: 4.46, incomeElasticity: 0.9, throughShare: 0.12, theta: 10.77 },
  { name: 'more through traffic (20% of travellers)', votCommute: 5.04, votOther: 4.46, incomeElasticity: 0.5, throughShare: 0.2, theta: 8.97 },
];

export const CONGESTION_CHARGE_INFO: ModelInfo = {
  id: 'congestion-charge',
  version: '2.1.0',
  name: 'Congestion charge on a cordon',
  question: 'If driving into the centre cost a charge, by day or per crossing, how many would drive less, how much faster would traffic move, and what would it emit?',
  assumptions: [
    '1,800 travellers who could cross a cordon round a city centre: 55% commute to work in it, 33% make other trips into it (business, shopping), 12% drive through it. They choose by car in the peak, by car in the shoulder hours (commuters), by public transport, on foot or by bike, going round the zone (through traffic), or not making the trip.',
    'Choice is a logit: each option costs the charge plus time valued at the traveller\'s value of time (waiting counts double; shifting a commute out of the peak costs 45 minutes each way at 0.6 of it). Option constants reproduce London\'s 2002 mode shares (assumed: about 1 in 8 commuters by car).',
    'Tastes are measured in minutes: each traveller\'s liking for each option and the spread of those likings are in proportion to their value of time, so with no charge every income chooses alike, and a charge weighs more on those whose time is worth less.',
    'One in four other trips into the centre (business and service rounds) comes in twice a day: four crossings, charged at each crossing up to the cap, or once under a daily charge (so per visit a daily charge weighs half as much on them). Their tastes count per visit.',
    'Values of time: £5.04/h commuting, £4.46/h other trips (2002 prices), scaled by income to the power 0.5; incomes are lognormal (spread 0.5, UK pay 90/10 ratio about 3.6). Other values are tried: see Model against reality.',
    'The one number fitted to London 2003 is the logit scale (how much people differ in their liking for each option): set so a £5 daily charge cuts traffic entering the zone by 18%. Nothing is refitted for other cities: their charges are converted to London-2003 pounds by share of local pay.',
    'The zone\'s roads follow the exact fundamental diagram of a Nagel-Schreckenberg road (top speed 45 km/h, 25% dawdling), with their supply set so the zone moves at 14 km/h with no charge (London 2002). Demand above capacity queues: speed falls in proportion.',
    '35% of the zone\'s vehicle-km are taxis, buses and vans that do not respond to the charge (in London; other cities\' published exempt shares are used where found). Through traffic going round drives 4 km more at 30 km/h; the ring road does not slow down.',
    'CO2 per km depends on speed, with a curve per kind of vehicle (the COPERT/TAG average-speed form with assumed coefficients): a petrol car 143 g/km at 50 km/h and about 220 at 14 km/h; the background traffic is 43% taxis (200 g/km at 50), 46% vans (230) and 11% buses (900, flatter at low speed). So CO2 checks the speeds, not only the traffic.',
    'The visitor\'s levers run in London 2002\'s conditions. Validation runs each other city with its own published conditions before its charge where found (public transport share, speed, exempt traffic) and London\'s otherwise.',
    'Each day travellers choose on the speeds they expect, learnt from the days before; the run settles when expected speeds move less than 0.1% in a day.',
  ],
  sources: [
    { use: 'Calibration (the only one): traffic entering the zone, London 2003', value: '-18% (2003 and 2004 vs 2002)', source: 'TfL 3rd Annual Monitoring Report (Apr 2005), via Planetizen; TfL slides (Nov 2004)', secondHand: true },
    { use: 'Road supply: speed in the zone before the charge', value: 'about 14 km/h (2002)', source: 'Summary of TfL 5th Impacts Monitoring Report', secondHand: true },
    { use: 'Check: delay, speed with the charge, CO2', value: 'delay -30%; about 17 km/h; CO2 -16%', source: 'TfL press release Apr 2004; TfL 5th report summary; US DOT ITS lessons page' , secondHand: true },
    { use: 'Out of sample: Stockholm 2006, Gothenburg 2013, Milan 2012', value: 'see shared/sim/validation/chargingSchemes.md', source: 'Eliasson et al. 2009; Börjesson & Kristoffersson 2015; Comune di Milano/AMAT (several via summaries)', secondHand: true },
    { use: 'Value of time, commuting and other', value: '£5.04/h and £4.46/h (2002 prices)', source: 'TAG 3.5.6 (2006), Table 21.3 in "Transport Policy and Planning in Great Britain"', secondHand: true },
    { use: 'Value of time, revised (a variant)', value: 'commuting about +50%, other about -25%', source: 'Batley et al., Transportation (2019)' },
    { use: 'Road model and its exact fundamental diagram', value: 'J = (1 - sqrt(1 - 4(1-p) rho (1-rho))) / 2 for vmax = 1', source: 'Nagel & Schreckenberg, J. Phys. I France 2 (1992); Schadschneider, Eur. Phys. J. B 10 (1999)' },
    { use: 'CO2 per km at 50 km/h (scale of the speed curve)', value: '143.0 g/km (new petrol cars, 2022)', source: 'UK Parliament written answer, Mar 2024' },
    { use: 'Other cities\' conditions before their charge (validation inputs, added after the first out-of-sample run)', value: 'Stockholm about 60% and Gothenburg about 25% of trips across the cordon by public transport (recalled); Milan 19% of entries exempt', source: 'shared/sim/validation/cityConditions.ts: Eliasson et al. 2009; Börjesson & Kristoffersson 2015; AMAT via greencity.it', secondHand: true },
    { use: 'Shape of the speed-emission curve', value: 'CO2 per km rises steeply below about 30 km/h', source: 'Barth & Boriboonsomsin, Transportation Research Record 2058 (2008)' },
  ],
  levers: [
    { key: 'charge', label: 'Charge in the peak', unit: '£', min: 0, max: 20, step: 0.5, default: 5, help: 'What a car pays in the peak hours: once a day (daily charging) or at each crossing of the cordon (per crossing).' },
    { key: 'perPassage', label: 'Charged per crossing (1) or per day (0)', unit: '', min: 0, max: 1, step: 1, default: 0, help: 'Per day: one payment covers the day. Per crossing: every entry and exit pays, up to the daily cap.' },
    { key: 'shoulder', label: 'Shoulder-hour price', unit: '% of peak', min: 0, max: 100, step: 5, default: 100, help: 'The price in the hours either side of the peaks, as a share of the peak price.' },
    { key: 'offPeak', label: 'Rest-of-day price', unit: '% of peak', min: 0, max: 100, step: 5, default: 100, help: 'The price in the rest of the charged day, as a share of the peak price.' },
    { key: 'cap', label: 'Daily cap (0 = none)', unit: '£/day', min: 0, max: 40, step: 0.5, default: 0, help: 'The most a car pays in a day when charged per crossing; 0 means no cap.' },
    { key: 'frequency', label: 'Public transport frequency', unit: 'services/h', min: 2, max: 30, step: 1, default: 12, help: 'How often a bus or train comes: 12 an hour is one every 5 minutes.' },
  ],
  metrics: [
    { key: 'entries', label: 'Vehicles entering the zone', unit: 'per day', digits: 0, help: 'Vehicles crossing into the zone in charged hours, counting taxis, buses and vans.' },
    { key: 'speed', label: 'Mean speed in the zone', unit: 'km/h', digits: 1, better: 'higher', help: 'Average speed of the zone\'s traffic over the charged day (weighted by distance).' },
    { key: 'carShare', label: 'Travellers driving into or through the zone', unit: '%', digits: 1, help: 'Share of the travellers who cross the cordon by car.' },
    { key: 'co2', label: 'CO2 from zone traffic', unit: 'kg/day', digits: 0, better: 'lower', help: 'CO2 from all vehicles driving in the zone in the charged hours, at their speeds.' },
    { key: 'revenue', label: 'Charge revenue', unit: '£/day', digits: 0, help: 'Charges paid by the modelled travellers in a day.' },
    { key: 'ptShare', label: 'By public transport', unit: '%', digits: 1, help: 'Share of travellers going by bus or train.' },
    { key: 'activeShare', label: 'On foot or by bike', unit: '%', digits: 1, help: 'Share of travellers walking or cycling.' },
    { key: 'notMadeShare', label: 'Trips not made', unit: '%', digits: 1, help: 'Share of travellers who do not make the trip (work at home, go elsewhere).' },
    { key: 'shiftedShare', label: 'Commuters driving in the shoulder hours', unit: '%', digits: 1, help: 'Share of commuters who drive but moved out of the peak.' },
    { key: 'roundShare', label: 'Through traffic going round', unit: '%', digits: 1, help: 'Share of through travellers who drive round the zone instead of through it.' },
    { key: 'peakSpeed', label: 'Peak speed in the zone', unit: 'km/h', digits: 1, better: 'higher', help: 'Average speed in the peak hours.' },
    { key: 'delay', label: 'Delay per km', unit: 'min', digits: 2, better: 'lower', help: 'Minutes per km beyond the time on an empty road.' },
    { key: 'co2PerKm', label: 'CO2 per vehicle-km', unit: 'g/km', digits: 0, better: 'lower', help: 'Average CO2 per km driven in the zone: lower when traffic flows.' },
    { key: 'paidLow', label: 'Paid per lower-income traveller', unit: '£/day', digits: 2, help: 'Charge paid per traveller in the lowest-income third, drivers or not.' },
    { key: 'paidMiddle', label: 'Paid per middle-income traveller', unit: '£/day', digits: 2, help: 'Charge paid per traveller in the middle-income third, drivers or not.' },
    { key: 'paidHigh', label: 'Paid per higher-income traveller', unit: '£/day', digits: 2, help: 'Charge paid per traveller in the highest-income third, drivers or not.' },
  ],
  caveat: 'Out of sample (Stockholm, Gothenburg, Milan) it predicts only a third to a half of the measured fall in traffic.',
  maxSteps: CORDON.maxDays,
};
