import type { Metric, ModelInfo } from './model.js';

/** The carbon fee and dividend twin's fixed numbers (see the assumptions for where from). */
export const CARBON = {
  /** Synthetic households per income decile. */
  perDecile: 100,
  /** Spread of household CO2 within a decile (lognormal sigma; the decile mean is kept exactly). */
  spread: 0.35,
  /** Long-run (year 5) price elasticities by use; year y has y/5 of it... from a third in year 1. */
  elasticity: { home: -0.3, car: -0.3, flights: -0.6, other: -0.3, indirect: -0.2 },
  /** Share of the long-run response reached in years 1..5 (Goodwin et al.: -0.1 in a year, -0.3 in five). */
  yearShare: [1 / 3, 0.5, 2 / 3, 5 / 6, 1] as const,
  /** Spread of households' ability to cut back (lognormal sigma on the elasticity; mean kept). */
  responseSpread: 0.5,
  years: 5,
} as const;

/** Uncertain parameters, as variants (nothing in this model is fitted). */
export interface CarbonVariant {
  name: string;
  /** Indirect CO2 per £ of other spending (kg/£). */
  intensity: number;
  /** Multiplies every elasticity. */
  response: number;
}

export const CARBON_VARIANTS: readonly CarbonVariant[] = [
  { name: 'central', intensity: 0.25, response: 1 },
  { name: 'low indirect intensity (0.15 kg/£)', intensity: 0.15, response: 1 },
  { name: 'high indirect intensity (0.35 kg/£)', intensity: 0.35, response: 1 },
  { name: 'half the demand response', intensity: 0.25, response: 0.5 },
  { name: 'one and a half times the demand response', intensity: 0.25, response: 1.5 },
];

const decileMetrics: Metric[] = Array.from({ length: 10 }, (_, i) => ({
  key: `net${i + 1}`,
  label: i === 0 ? 'Net gain, poorest tenth' : i === 9 ? 'Net gain, richest tenth' : `Net gain, income decile ${i + 1}`,
  unit: '£/year',
  digits: 0,
  better: 'higher',
  help: `Dividends minus fee paid (directly and in prices), per household in income decile ${i + 1} (1 = lowest incomes).`,
}));

export const CARBON_DIVIDEND_INFO: ModelInfo = {
  id: 'carbon-dividend',
  version: '2.0.0',
  name: 'Carbon fee and dividend',
  question: 'If CO2 paid a fee per tonne and the money came back to people in equal shares, who would gain, who would lose, and how much would emissions fall?',
  assumptions: [
    '1,000 synthetic UK households, 100 in each income tenth. Direct CO2 (home energy, car fuel, flights, other travel) comes from a 2013 study that gives the poorest and richest tenths; the tenths between are a straight line (our assumption). Households in a tenth differ by a random factor (spread 35%).',
    'Indirect CO2 in goods and services: household spending (ONS Family Spending 2017/18, decile figures recalled around the published mean) less energy, times 0.25 kg CO2 per £ (assumed; 0.15 and 0.35 are tried).',
    'Household size rises from 1.8 people (poorest tenth) to 2.8 (richest), with 35% to 85% having two adults (assumed, the ONS pattern as recalled). Dividends are paid per person: an adult one share, a child the chosen share of it.',
    'The fee is passed on in full: a fee of £50/t raises home energy about 25% (it costs about £200 a tonne of its CO2), motor fuel about 12%, flights about 8% and other goods about 1%.',
    'Households cut back as prices rise, by use: long-run elasticities -0.3 (home energy, motor fuel), -0.6 (flights, assumed), -0.2 (other goods, assumed), a third of it in the first year (Goodwin et al. 2004: -0.1 then -0.3). Households differ in how far they can cut (spread 50%), so the fee level changes who is better off.',
    'Net gain is dividends minus fees paid, directly and in prices (the fiscal impact); the cost of cutting back and effects on wages and profits are not counted. Nothing in this model is fitted to an outcome.',
    'The revenue paid back is what households pay (the levers here). Compared with a real scheme that also pays back what firms and governments paid, as Canada\'s did, the pool is the households\' fees over their published share of the revenue (Canada 2019: 71%), with firms cutting back as households do.',
  ],
  sources: [
    { use: 'Household CO2, poorest and richest tenth', value: 'total 5,026 vs 16,143 kg; home 3,760 vs 7,896; car 605 vs 4,598; flights 309 vs 3,116', source: 'Centre for Sustainable Energy for the Joseph Rowntree Foundation (2013)' },
    { use: 'Fuel spending (price per tonne)', value: 'electricity £594, gas £513, other fuels £69, petrol/diesel £1,107 a year', source: 'ONS Family Spending 2017/18, Table 3.1E', secondHand: true },
    { use: 'Total household spending by decile (indirect CO2)', value: 'mean £572.60 a week; decile figures recalled', source: 'ONS Family Spending 2017/18 (recalled, to check)', secondHand: true },
    { use: 'How demand responds to price', value: '-0.1 within a year, -0.3 over about five years', source: 'Goodwin, Dargay & Hanly, Transport Reviews 24(3), 2004' },
    { use: 'Canada: households\' share of fuel-charge revenue (validation input, added after the first out-of-sample run)', value: 'about 71%: CAD 1.73 bn of 2.43 bn in 2019-20', source: 'PBO (Apr 2019) revenue and SK/NB costs per household; Ontario FAO (2018); see shared/sim/validation/chargingSchemes.md', secondHand: true },
    { use: 'Out of sample: Canada\'s Climate Action Incentive', value: 'about 80% of households receive more than they pay (fiscal), 2019', source: 'Parliamentary Budget Officer (Apr 2019), recalled', secondHand: true },
    { use: 'Comparison: an equal dividend elsewhere', value: '55% of individuals better off, 84% of the bottom half (US, about $50/t)', source: 'Fremstad & Paul, PERI working paper (2017)' },
  ],
  levers: [
    { key: 'fee', label: 'Carbon fee', unit: '£/t CO2', min: 0, max: 300, step: 5, default: 50, help: 'What each tonne of CO2 pays, passed on in prices.' },
    { key: 'dividend', label: 'Share paid back as dividends', unit: '%', min: 0, max: 100, step: 5, default: 100, help: 'How much of the revenue goes back to people in equal shares; the rest is kept by the government.' },
    { key: 'childShare', label: 'A child\'s dividend', unit: '% of an adult\'s', min: 0, max: 100, step: 25, default: 50, help: 'What each child receives, as a share of an adult\'s dividend.' },
    { key: 'indirect', label: 'Fee on goods and services too (1) or fuel only (0)', unit: '', min: 0, max: 1, step: 1, default: 1, help: 'Whether the fee also reaches the CO2 made in producing what households buy.' },
  ],
  metrics: [
    { key: 'betterOff', label: 'Households better off', unit: '%', digits: 0, better: 'higher', help: 'Share of households whose dividends are more than the fee they pay.' },
    { key: 'bottomHalfBetterOff', label: 'Lower-income half better off', unit: '%', digits: 0, better: 'higher', help: 'Share of households in the five lowest income tenths who are better off.' },
    { key: 'largeBetterOff', label: 'Households of 4 or more better off', unit: '%', digits: 0, better: 'higher', help: 'Share of households with four or more people who are better off.' },
    { key: 'revenue', label: 'Revenue per household', unit: '£/year', digits: 2, help: 'Fee collected, per household.' },
    { key: 'dividendPerAdult', label: 'Dividend per adult', unit: '£/year', digits: 2, help: 'What each adult receives.' },
    { key: 'retained', label: 'Retained per household', unit: '£/year', digits: 2, help: 'Revenue kept by the government, per household.' },
    { key: 'emissionsChange', label: 'Household CO2 change', unit: '%', digits: 1, better: 'lower', help: 'Change in the CO2 the fee covers, from before the fee.' },
    ...decileMetrics,
  ],
  caveat: 'Out of sample: Canada near (74% better off against about 80%) once firms\' charges are paid back; Switzerland missed.',
  maxSteps: CARBON.years,
};
