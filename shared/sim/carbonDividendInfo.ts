import type { Metric, ModelInfo } from './model.js';

/** The carbon fee and dividend twin's fixed numbers (see the assumptions for where from). */
export const CARBON = {
  /** Synthetic households per income decile. */
  perDecile: 100,
  /** Spread of household CO2 within a decile (lognormal sigma; the decile mean is kept exactly). */
  spread: 0.35,
  /** Price elasticity of demand for fuel in year 1..5 (short run to long run). */
  elasticityByYear: [-0.1, -0.15, -0.2, -0.25, -0.3] as const,
  years: 5,
} as const;

const decileMetrics: Metric[] = Array.from({ length: 10 }, (_, i) => ({
  key: `net${i + 1}`,
  label: i === 0 ? 'Net gain, poorest tenth' : i === 9 ? 'Net gain, richest tenth' : `Net gain, income decile ${i + 1}`,
  unit: '£/year',
  digits: 0,
  better: 'higher',
  help: `Dividend minus fee paid, per household in income decile ${i + 1} (1 = lowest incomes).`,
}));

export const CARBON_DIVIDEND_INFO: ModelInfo = {
  id: 'carbon-dividend',
  version: '1.0.0',
  name: 'Carbon fee and dividend',
  question: 'If fossil fuels paid a fee per tonne of CO2 and the money came back to every household in equal shares, who would gain, who would lose, and how much would emissions fall?',
  assumptions: [
    '1,000 synthetic UK households, 100 in each income tenth (decile). Their CO2 comes from a 2013 study that gives only the poorest and richest tenths (5.0 and 16.1 tonnes a year, from home energy, car fuel, flights and other travel); the tenths in between are a straight line between the two, which is our assumption.',
    'Within a tenth, households differ: each emits its tenth\'s average times a random factor (lognormal, spread 35%), keeping the tenth\'s average.',
    'The fee is charged on all of that CO2 (home energy, car fuel, flights and other travel) and passed on in full in prices. Indirect emissions in goods and services are left out.',
    'Fuel now costs about £270 per tonne of household CO2 (mean spending on home energy and motor fuel in 2017/18 over mean CO2 from home and car), so a fee of £50/t raises fuel prices by about 18%.',
    'Households cut their use as prices rise: by 0.1% for each 1% rise within the first year, growing to 0.3% by the fifth (the fuel-price elasticities of traffic, applied to all fuel). Each step is a year.',
    'The chosen share of the revenue is paid back as an equal dividend to every household, in whole pence; the rest (and any odd pence) is retained by the government. Net gain is the dividend minus the fee paid; the cost of cutting back is not counted.',
  ],
  sources: [
    { use: 'Household CO2, poorest and richest tenth', value: 'total 5,026 vs 16,143 kg; home 3,760 vs 7,896; car 605 vs 4,598; flights 309 vs 3,116', source: 'Centre for Sustainable Energy for the Joseph Rowntree Foundation (2013)' },
    { use: 'Fuel spending (price per tonne)', value: 'electricity £594, gas £513, other fuels £69, petrol/diesel £1,107 a year', source: 'ONS Family Spending 2017/18, Table 3.1E', secondHand: true },
    { use: 'How demand responds to price', value: '-0.1 within a year, -0.3 over about five years', source: 'Goodwin, Dargay & Hanly, Transport Reviews 24(3), 2004' },
    { use: 'Context: energy is a bigger share of poorer budgets', value: 'poorest fifth 11%, richest fifth 3% of disposable income (2012)', source: 'ONS, "Household Energy Spending in the UK 2002-2012" (Mar 2014)' },
    { use: 'Comparison: an equal dividend elsewhere', value: '55% of individuals better off, 84% of the bottom half (US, about $50/t)', source: 'Fremstad & Paul, PERI working paper (2017)' },
  ],
  levers: [
    { key: 'fee', label: 'Carbon fee', unit: '£/t CO2', min: 0, max: 300, step: 5, default: 50, help: 'What each tonne of CO2 from fuel pays, passed on in prices.' },
    { key: 'dividend', label: 'Share paid back as a dividend', unit: '%', min: 0, max: 100, step: 5, default: 100, help: 'How much of the revenue goes back to households in equal shares; the rest is kept by the government.' },
  ],
  metrics: [
    { key: 'betterOff', label: 'Households better off', unit: '%', digits: 0, better: 'higher', help: 'Share of households whose dividend is more than the fee they pay.' },
    { key: 'bottomHalfBetterOff', label: 'Lower-income half better off', unit: '%', digits: 0, better: 'higher', help: 'Share of households in the five lowest income tenths who are better off.' },
    { key: 'revenue', label: 'Revenue per household', unit: '£/year', digits: 2, help: 'Fee collected, per household.' },
    { key: 'dividendPaid', label: 'Dividend per household', unit: '£/year', digits: 2, help: 'The equal payment every household receives.' },
    { key: 'retained', label: 'Retained per household', unit: '£/year', digits: 2, help: 'Revenue kept by the government, per household.' },
    { key: 'emissionsChange', label: 'Household CO2 change', unit: '%', digits: 1, better: 'lower', help: 'Change in the households\' CO2 from before the fee.' },
    ...decileMetrics,
  ],
  maxSteps: CARBON.years,
};
