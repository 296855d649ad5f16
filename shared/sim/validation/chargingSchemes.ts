/**
 * Road-charging schemes with published outcomes: London 2003 (the ONLY calibration target) and
 * the out-of-sample schemes the congestion twin is run on WITHOUT refitting. Chosen and written
 * down (design and measured outcomes, with sources) before the model was run on any of them:
 * see chargingSchemes.md. Charges are in local money; `hourlyPay` converts them to London-2003
 * pounds by share of local pay (charge / local hourly pay * London hourly pay).
 */

export interface Measured {
  /** Change from before the charge, in % (negative = fell). */
  change: number;
  /** What was counted, in plain words. */
  what: string;
  source: string;
  /** Read in a secondary summary, not the original report. */
  secondHand: boolean;
}

export interface ChargingScheme {
  id: string;
  name: string;
  year: number;
  currency: string;
  /** 'daily': one payment a day to drive in the zone; 'passage': each crossing of the cordon pays. */
  kind: 'daily' | 'passage';
  /** Price per day (daily) or per passage (passage) in the peak hours, the shoulder hours, the rest of the charged day. */
  peak: number;
  shoulder: number;
  offPeak: number;
  /** Most paid in a day, or null. */
  dailyCap: number | null;
  hours: string;
  /** Average gross pay per hour in the country that year, local money (see payNote). */
  hourlyPay: number;
  payNote: string;
  /** Traffic across the cordon / entering the zone in charging hours. */
  traffic: Measured;
  /** Delay or queue time in or at the zone, if published. */
  delay?: Measured;
  /** CO2 from traffic in the zone, if published. */
  co2?: Measured;
  /** Design notes the model does not capture. */
  notes: string;
}

/** The calibration scheme. */
export const LONDON_2003: ChargingScheme = {
  id: 'london-2003',
  name: 'London congestion charge',
  year: 2003,
  currency: 'GBP',
  kind: 'daily',
  peak: 5,
  shoulder: 5,
  offPeak: 5,
  dailyCap: null,
  hours: '07:00-18:30 Mon-Fri',
  hourlyPay: 11.2,
  payNote: 'UK median gross weekly pay of full-time employees 2003, about £421 (ASHE 2003), over 37.5 h. Recalled, not re-read in this work: an assumption to check.',
  traffic: { change: -18, what: 'traffic entering the zone in charging hours, 2003-04 vs 2002', source: 'TfL 3rd Annual Monitoring Report (Apr 2005), via Planetizen; TfL slides (Nov 2004)', secondHand: true },
  delay: { change: -30, what: 'congestion (delay) inside the zone, first year', source: 'TfL press release, Apr 2004', secondHand: false },
  co2: { change: -16, what: 'CO2 from road traffic in the zone', source: 'US DOT ITS lessons page citing early TfL reports', secondHand: true },
  notes: 'Residents 90% discount; taxis, buses, motorcycles exempt. A free inner ring road lets through traffic go round.',
};

/** Out of sample: never used to set any model number. */
export const OUT_OF_SAMPLE: readonly ChargingScheme[] = [
  {
    id: 'stockholm-2006',
    name: 'Stockholm congestion tax trial',
    year: 2006,
    currency: 'SEK',
    kind: 'passage',
    peak: 20,
    shoulder: 15,
    offPeak: 10,
    dailyCap: 60,
    hours: '06:30-18:29 Mon-Fri; 20 SEK 07:30-08:29 and 16:00-17:29, 15 SEK in the half hours either side, 10 SEK otherwise; both directions',
    hourlyPay: 151,
    payNote: 'Swedish average gross monthly salary 2006 about SEK 25,000 (Statistics Sweden), over 165 h. Recalled, not re-read: an assumption to check.',
    traffic: { change: -22, what: 'traffic across the cordon in charging hours, trial vs 2005', source: 'Eliasson et al., Transportation Research A 43(3) 2009; figure read in a CSE/SSEF summary (2nd)', secondHand: true },
    delay: { change: -33, what: 'queue time on the approaches, morning peak (evening peak about -50%)', source: 'Expert group analysis, reported by The Local, 21 Jun 2006 (2nd)', secondHand: true },
    co2: { change: -14, what: 'CO2 from road traffic in the inner city', source: 'Facts and results from the Stockholm Trials, City of Stockholm (Dec 2006), quoted in a summary (2nd)', secondHand: true },
    notes: 'Essingeleden bypass was free (through traffic could go round); alternative-fuel cars, taxis, buses exempt; extra buses and park-and-ride added for the trial.',
  },
  {
    id: 'gothenburg-2013',
    name: 'Gothenburg congestion tax',
    year: 2013,
    currency: 'SEK',
    kind: 'passage',
    peak: 18,
    shoulder: 13,
    offPeak: 8,
    dailyCap: 60,
    hours: '06:00-18:29 Mon-Fri; 8-18 SEK by time of day, highest in the peaks; one charge per 60 minutes (multi-passage rule)',
    hourlyPay: 187,
    payNote: 'Swedish average gross monthly salary 2013 about SEK 30,900 (Statistics Sweden), over 165 h. Recalled, not re-read: an assumption to check.',
    traffic: { change: -12, what: 'traffic across the cordon in charging hours', source: 'Börjesson & Kristoffersson, "The Gothenburg congestion charge: effects, design and politics", Transportation Research A 75 (2015); figure read in an SSEF summary (2nd)', secondHand: true },
    notes: 'Cordon cuts a through route (E6/E45 area) with few alternatives; smaller city, lower public transport share than Stockholm; charged partly for revenue. First two weeks: -19% in daytime (Trafikverket via IceNews), later settling near -12%.',
  },
  {
    id: 'milan-2012',
    name: 'Milan Area C',
    year: 2012,
    currency: 'EUR',
    kind: 'daily',
    peak: 5,
    shoulder: 5,
    offPeak: 5,
    dailyCap: null,
    hours: '07:30-19:30 Mon-Fri (Thursday to 18:00), one €5 ticket a day, 8.2 km² zone, 43 gates',
    hourlyPay: 16,
    payNote: 'Italian average gross annual earnings 2012 about €29,000 (Eurostat), over 1,800 h. Recalled, not re-read: an assumption to check.',
    traffic: { change: -30, what: 'vehicle entries to the zone in charging hours (first days -32% to -40%)', source: 'Milan Area C article (Wikipedia, citing Comune di Milano/AMAT); first-days figures from Tgcom24 and Wanted in Milan', secondHand: true },
    notes: 'Replaced Ecopass (pollution charge); Euro 0-3 petrol/diesel banned outright (part of the fall is the ban, not the price); residents 40 free entries then €2.',
  },
];

/** The schemes in the order shown: calibration first. */
export const CHARGING_SCHEMES: readonly ChargingScheme[] = [LONDON_2003, ...OUT_OF_SAMPLE];

/** A local charge in London-2003 pounds, by share of local hourly pay. */
export function inLondonPounds(scheme: ChargingScheme, localAmount: number): number {
  return (localAmount * LONDON_2003.hourlyPay) / scheme.hourlyPay;
}
