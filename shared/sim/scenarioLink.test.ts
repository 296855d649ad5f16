import { describe, expect, it } from 'vitest';
import { modelById } from './models.js';
import { sameScenario, scenarioFromText, scenarioKey, scenarioToText } from './scenarioLink.js';

const congestion = modelById('congestion-charge')!.info;
const carbon = modelById('carbon-dividend')!.info;

describe('scenario links', () => {
  it('write every lever in the model order with the seed and version, and read back the same scenario', () => {
    const text = scenarioToText(congestion, { params: { charge: 7.5 }, seed: 42 });
    expect(text).toBe(`congestion-charge@${congestion.version};seed=42;charge=7.5;frequency=12`);
    const read = scenarioFromText(congestion, text);
    expect(read).toEqual({ ok: true, scenario: { params: { charge: 7.5, frequency: 12 }, seed: 42 }, otherVersion: null });
  });

  it('say when a link was made with another version of the model', () => {
    const read = scenarioFromText(congestion, 'congestion-charge@0.9.0;seed=3;charge=5;frequency=12');
    expect(read.ok && read.otherVersion).toBe('0.9.0');
  });

  it('refuse links the model would refuse, with a sentence naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['carbon-dividend@1.0.0;seed=1', /another simulation/],
      [`congestion-charge@${congestion.version};charge=5`, /seed/],
      [`congestion-charge@${congestion.version};seed=1.5;charge=5`, /seed/],
      [`congestion-charge@${congestion.version};seed=1;charge=500`, /charge/i],
      [`congestion-charge@${congestion.version};seed=1;charge=`, /charge/i],
      [`congestion-charge@${congestion.version};seed=1;charge=NaN`, /charge/i],
      [`congestion-charge@${congestion.version};seed=1;speed=9`, /speed/],
      [`congestion-charge@${congestion.version};seed=1;junk`, /cannot be read/],
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
