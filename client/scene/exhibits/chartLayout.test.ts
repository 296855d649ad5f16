import { describe, expect, it } from 'vitest';
import type { ContentOf } from '../../../shared/exhibits/exhibit.js';
import { chartLayout, estimatedWidth, fitTitle, TITLE_FITS } from './chartLayout.js';

const chart = (values: number[][], unit = ''): ContentOf<'chart'> => ({
  kind: 'chart', chart: 'bar', unit, series: values[0]!.map((_, i) => `S${i}`),
  rows: values.map((v, i) => ({ label: `R${i}`, values: v })),
});

describe('chart layout', () => {
  it('starts at zero for positive values and ends at zero for negative ones: no gridline beyond the data', () => {
    expect(chartLayout(chart([[120], [250], [300]]), 'Journeys', 1.6, 1).ticks).toEqual([0, 100, 200, 300]);
    expect(chartLayout(chart([[-120], [-300]]), 'Change', 1.6, 1).ticks).toEqual([-300, -200, -100, 0]);
    expect(chartLayout(chart([[-40], [90]]), 'Both', 1.6, 1).ticks).toEqual([-50, 0, 50, 100]);
    expect(chartLayout(chart([[0.3], [0.7]]), 'Shares', 1.6, 1).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('covers every value and puts each tick inside the plot', () => {
    for (const values of [[[1]], [[0]], [[5], [7]], [[1e6], [3.3e6]], [[-0.001], [0.002]], [[99.9999999]]]) {
      const l = chartLayout(chart(values), 'T', 1.6, 1);
      const flat = values.flat();
      expect(l.min).toBeLessThanOrEqual(Math.min(0, ...flat));
      expect(l.max).toBeGreaterThanOrEqual(Math.max(...flat));
      expect(l.min).toBeLessThanOrEqual(0);
      for (const t of l.ticks) {
        expect(l.y(t)).toBeGreaterThanOrEqual(l.bottom - 1e-9);
        expect(l.y(t)).toBeLessThanOrEqual(l.top + 1e-9);
      }
    }
  });

  it('keeps a long title whole, on two lines with room made for them', () => {
    const title = 'Journeys into the charging zone on a weekday morning, before and after';
    const l = chartLayout(chart([[1]], 'thousand journeys'), title, 1.6, 1);
    expect(l.title).toBe(`${title} (thousand journeys)`);
    expect(l.titleLines).toBe(2);
    expect(l.top).toBeLessThan(chartLayout(chart([[1]]), 'Short', 1.6, 1).top);
  });
});

describe('the 3D chart title (issue 21: "...(thousand journe..." was cut)', () => {
  const width = 1.8 - 0.12; // the chart board (stands.ts CHART.width) less its margins
  // A pessimistic measure: bold text a tenth wider than the layout's estimate.
  const wide = (text: string, size: number) => text.length * 0.62 * size;

  it('keeps every word of the longest title a chart can have (120 characters and a 24-character unit)', () => {
    const words = 'Weekday morning journeys into the charging zone by mode before and after the charge began in each of the four cities';
    const title = `${words.slice(0, 120)} (thousand journeys a day)`;
    for (const measure of [estimatedWidth, wide]) {
      const fit = fitTitle(title, width, measure);
      expect(fit.lines.join(' ')).toBe(title);
      for (const line of fit.lines) expect(measure(line, fit.size)).toBeLessThanOrEqual(width + 1e-9);
    }
  });

  it('uses one line at full size when it fits, and breaks a word too long for a line between characters', () => {
    expect(fitTitle('Journeys (thousand)', width, estimatedWidth)).toEqual({ size: TITLE_FITS[0]!.size, lines: ['Journeys (thousand)'] });
    const word = 'x'.repeat(100);
    const fit = fitTitle(word, width, estimatedWidth);
    expect(fit.lines.join('')).toBe(word);
    expect(fit.lines.length).toBe(2);
  });
});
