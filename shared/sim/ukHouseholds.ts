/**
 * UK households by income decile for the carbon fee and dividend twin. The published figures
 * are the bottom and top deciles (and the mean spend); the deciles between are INTERPOLATED
 * in a straight line from the bottom to the top decile, which is an assumption, not data.
 * Every figure is listed in shared/data/twin-figures.md with its source.
 */

/** Household CO2 per year (kg), bottom and top income decile: Centre for Sustainable Energy for JRF (2013). */
export const CSE_2013 = {
  bottom: { total: 5026, home: 3760, car: 605, flights: 309 },
  top: { total: 16143, home: 7896, car: 4598, flights: 3116 },
  source: 'Centre for Sustainable Energy for the Joseph Rowntree Foundation, "Distribution of carbon emissions in the UK" (2013)',
} as const;

/** Mean household spend per year on direct energy (£): ONS Family Spending Table 3.1E, 2017/18 (2nd hand). */
export const ONS_SPEND_2017 = {
  electricity: 594,
  gas: 513,
  otherFuels: 69,
  motorFuel: 1107,
  source: 'ONS Family Spending 2017/18, Table 3.1E (read in a public analysis repository\'s notes)',
} as const;

export interface DecileHouseholds {
  /** 1 = lowest income tenth ... 10 = highest. */
  decile: number;
  /** CO2 per household per year (kg), by where it comes from. */
  homeKg: number;
  carKg: number;
  flightsKg: number;
  /** The rest of the CSE total (mostly other travel). */
  otherKg: number;
  totalKg: number;
}

const between = (bottom: number, top: number, decile: number) => Math.round(bottom + ((top - bottom) * (decile - 1)) / 9);

/** The ten deciles: published at both ends, a straight line between (rounded to whole kg). */
export const UK_DECILES: readonly DecileHouseholds[] = Array.from({ length: 10 }, (_, i) => {
  const decile = i + 1;
  const b = CSE_2013.bottom;
  const t = CSE_2013.top;
  const homeKg = between(b.home, t.home, decile);
  const carKg = between(b.car, t.car, decile);
  const flightsKg = between(b.flights, t.flights, decile);
  const totalKg = between(b.total, t.total, decile);
  return { decile, homeKg, carKg, flightsKg, otherKg: totalKg - homeKg - carKg - flightsKg, totalKg };
});

/**
 * People per household by income decile: ASSUMED, rising in a straight line from 1.8 (lowest tenth)
 * to 2.8 (highest), the pattern of ONS "Effects of taxes and benefits on household income"
 * (recalled, not re-read). With the share of households with two or more adults, from 35% to 85%.
 */
export const HOUSEHOLD_SIZE = Array.from({ length: 10 }, (_, i) => 1.8 + (1.0 * i) / 9);
export const TWO_ADULTS = Array.from({ length: 10 }, (_, i) => 0.35 + (0.5 * i) / 9);

/**
 * Household spending a week by income decile (£), ONS Family Spending 2017/18 (RECALLED shape
 * around its published mean of £572.60 a week; the decile figures are our assumption to check).
 * Indirect CO2 (goods and services) is this spending less home energy and motor fuel, times an
 * intensity in kg CO2 per £ (a model variant: 0.15, 0.25, 0.35).
 */
export const WEEKLY_SPEND = [235, 300, 360, 425, 495, 565, 650, 755, 900, 1041] as const;

/** Mean energy spend a year (£) on home energy and on motor fuel (ONS 2017/18, 2nd hand). */
export const HOME_ENERGY_SPEND = ONS_SPEND_2017.electricity + ONS_SPEND_2017.gas + ONS_SPEND_2017.otherFuels;

const meanOf = (f: (d: DecileHouseholds) => number) => UK_DECILES.reduce((sum, d) => sum + f(d), 0) / UK_DECILES.length;

/**
 * What a tonne of CO2 costs now in each use (£/t): mean spend over mean CO2 (home energy about
 * £200/t, motor fuel about £420/t). Flights: ASSUMED £600/t (a £150 return flight emitting about
 * 250 kg a passenger). Other travel as motor fuel. A fee per tonne raises each price by fee / this.
 */
export const PRICE_PER_TONNE = {
  home: HOME_ENERGY_SPEND / (meanOf((d) => d.homeKg) / 1000),
  car: ONS_SPEND_2017.motorFuel / (meanOf((d) => d.carKg) / 1000),
  flights: 600,
  other: ONS_SPEND_2017.motorFuel / (meanOf((d) => d.carKg) / 1000),
} as const;
