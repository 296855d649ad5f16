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
 * What a tonne of household CO2 costs now (£/t): the mean spend on home energy and motor fuel
 * over the mean CO2 from home and car. Used to turn a fee per tonne into a price rise; it
 * mixes 2017/18 spending with 2013 emissions, so it is a rough figure (about £270/t).
 */
export const SPEND_PER_TONNE = (() => {
  const spend = ONS_SPEND_2017.electricity + ONS_SPEND_2017.gas + ONS_SPEND_2017.otherFuels + ONS_SPEND_2017.motorFuel;
  const kg = UK_DECILES.reduce((sum, d) => sum + d.homeKg + d.carKg, 0) / UK_DECILES.length;
  return spend / (kg / 1000);
})();
