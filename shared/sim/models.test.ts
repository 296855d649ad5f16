import { describe, expect, it } from 'vitest';
import { goldenFingerprint, goldenScenarios } from './goldenScenarios.js';
import { checkParams, defaultParams } from './levers.js';
import { MODEL_INFO, modelInfoById } from './modelInfo.js';
import { modelById, runScenario, scenarioFingerprint, TWIN_MODELS } from './models.js';

describe('the twin registry', () => {
  it('holds both models under their ids', () => {
    expect(Object.keys(TWIN_MODELS).sort()).toEqual(['carbon-dividend', 'congestion-charge']);
    expect(modelById('congestion-charge')?.info.name).toBe('Congestion charge on a cordon');
    expect(modelById('nope')).toBeUndefined();
    expect(modelById('toString')).toBeUndefined();
  });

  it('names the same descriptions without the models\' code (modelInfo.ts, for exhibits\' schemas)', () => {
    expect(Object.keys(MODEL_INFO).sort()).toEqual(Object.keys(TWIN_MODELS).sort());
    for (const [id, model] of Object.entries(TWIN_MODELS)) expect(modelInfoById(id)).toBe(model.info);
    expect(modelInfoById('nope')).toBeUndefined();
    expect(modelInfoById('toString')).toBeUndefined();
  });

  it.each(Object.keys(TWIN_MODELS))('%s: describes itself fully and keeps its levers\' defaults in range', (id) => {
    const { info } = modelById(id)!;
    expect(info.id).toBe(id);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(info.assumptions.length).toBeGreaterThan(3);
    expect(info.sources.length).toBeGreaterThan(2);
    for (const l of info.levers) {
      expect(l.min).toBeLessThanOrEqual(l.default);
      expect(l.default).toBeLessThanOrEqual(l.max);
    }
    expect(new Set(info.metrics.map((m) => m.key)).size).toBe(info.metrics.length);
  });

  it.each(Object.keys(TWIN_MODELS))('%s: a default scenario settles and reports exactly the declared metrics', (id) => {
    const model = modelById(id)!;
    const { metrics, steps } = runScenario(model, defaultParams(model.info), 1);
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(model.info.maxSteps);
    expect(Object.keys(metrics).sort()).toEqual(model.info.metrics.map((m) => m.key).sort());
  });

  it('golden scenarios name real models and valid levers, and replay identically', () => {
    for (const g of goldenScenarios()) {
      const model = modelById(g.modelId)!;
      expect(model).toBeDefined();
      expect(checkParams(model.info, g.params).ok).toBe(true);
      expect(Number.isInteger(g.seed)).toBe(true);
    }
    const g = goldenScenarios()[1]!;
    expect(goldenFingerprint(g)).toBe(goldenFingerprint(g));
    expect(goldenFingerprint(g)).toMatch(/^congestion-charge@2\.1\.0;steps=\d+;activeShare=/);
    expect(() => goldenFingerprint({ ...g, modelId: 'nope' })).toThrow(/No twin model/);
  });

  it('fingerprints metrics exactly: key order does not matter, the last bit does', () => {
    expect(scenarioFingerprint({ b: 2, a: 0.1 })).toBe('a=0.1;b=2');
    expect(scenarioFingerprint({ a: 0.1, b: 2 })).toBe(scenarioFingerprint({ b: 2, a: 0.1 }));
    expect(scenarioFingerprint({ a: 0.1 + 0.2 })).not.toBe(scenarioFingerprint({ a: 0.3 }));
    expect(scenarioFingerprint({ a: -0 })).toBe('a=-0');
  });
});
