import { describe, expect, it } from 'vitest';
import { modelById } from './models.js';
import { sameScenario, scenarioFromText, scenarioKey, scenarioToText } from './scenarioLink.js';

const congestion = modelById('congestion-charge')!.info;
const carbon = modelById('carbon-dividend')!.info;
const V = congestion.version;

describe('scenario links', () => {
  it('write every lever in the model order with the seed and version, and read back the same scenario', () => {
    const text = scenarioToText(congestion, { params: { charge: 7.5 }, seed: 42 });
    expect(text).toBe(`congestion-charge@${V};seed=42;charge=7.5;perPassage=0;shoulder=100;offPeak=100;cap=0;frequency=12`);
    const read = scenarioFromText(congestion, text);
    expect(read).toEqual({ ok: true, scenario: { params: { charge: 7.5, perPassage: 0, shoulder: 100, offPeak: 100, cap: 0, frequency: 12 }, seed: 42 } });
  });

  it('refuse a missing, unknown or no longer shipped version with a sentence', () => {
    const cases: [string, RegExp][] = [
      ['congestion-charge;seed=3;charge=5', /does not say which version/],
      ['congestion-charge@;seed=3;charge=5', /version .* that does not exist/],
      ['congestion-charge@banana;seed=3;charge=5', /version .* that does not exist/],
      ['congestion-charge@1.0.0;seed=42;charge=12;frequency=12', /version 1\.0\.0 .* no longer runs/],
      ['congestion-charge@2.0.0;seed=42;charge=12;perPassage=0;shoulder=100;offPeak=100;cap=0;frequency=12', /version 2\.0\.0 .* no longer runs/],
    ];
    for (const [text, problem] of cases) {
      const read = scenarioFromText(congestion, text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.problem, text).toMatch(problem);
    }
  });

  it('accept one canonical number form only, refuse duplicate keys, enforce lever steps', () => {
    const bad: [string, RegExp][] = [
      ['charge=0x0C', /plain decimal/],
      ['charge=1.2e1', /plain decimal/],
      ['charge= 12', /plain decimal/],
      ['charge=12 ', /plain decimal/],
      ['charge=012', /plain decimal/],
      ['charge=12.0', /plain decimal/],
      ['charge=+12', /plain decimal/],
      ['charge=.5', /plain decimal/],
      ['charge=-0', /plain decimal/],
      ['charge=Infinity', /plain decimal/],
      ['charge=5;charge=12', /twice/],
      ['charge=12.25', /steps of 0\.5/],
      ['frequency=12.5', /steps of 1/],
    ];
    for (const [levers, problem] of bad) {
      const text = `congestion-charge@${V};seed=1;${levers}`;
      const read = scenarioFromText(congestion, text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.problem, text).toMatch(problem);
    }
    expect(scenarioFromText(congestion, `congestion-charge@${V};seed=1;seed=2`).ok).toBe(false);
    const ok = scenarioFromText(congestion, `congestion-charge@${V};seed=1;charge=12.5`);
    expect(ok.ok && ok.scenario.params.charge).toBe(12.5);
  });

  it('refuse links the model would refuse, with a sentence naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['carbon-dividend@1.0.0;seed=1', /another simulation/],
      [`congestion-charge@${V};charge=5`, /seed/],
      [`congestion-charge@${V};seed=1.5;charge=5`, /seed/],
      [`congestion-charge@${V};seed=1;charge=500`, /charge/i],
      [`congestion-charge@${V};seed=1;charge=`, /charge/i],
      [`congestion-charge@${V};seed=1;charge=NaN`, /charge/i],
      [`congestion-charge@${V};seed=1;speed=9`, /speed/],
      [`congestion-charge@${V};seed=1;junk`, /cannot be read/],
    ];
    for (const [text, problem] of cases) {
      const read = scenarioFromText(congestion, text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.problem, text).toMatch(problem);
    }
  });

  it('count a lever left out as its default when comparing and keying scenarios', () => {
    const defaults = Object.fromEntries(carbon.levers.map((l) => [l.key, l.default]));
    expect(sameScenario(carbon, { params: {}, seed: 1 }, { params: defaults, seed: 1 })).toBe(true);
    expect(sameScenario(carbon, { params: {}, seed: 1 }, { params: defaults, seed: 2 })).toBe(false);
    expect(scenarioKey(carbon, { params: {}, seed: 1 })).toBe(scenarioKey(carbon, { params: defaults, seed: 1 }));
  });
});
