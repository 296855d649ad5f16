import type { Params, Picture } from '../../shared/sim/model.js';
import { modelById } from '../../shared/sim/models.js';
import { scenarioKey, type Scenario } from '../../shared/sim/scenarioLink.js';
import { setReality, setRun, twinPictures, useTwins } from '../state/twins.js';
import type { FromWorker, ToWorker } from './workerProtocol.js';

/**
 * The page's side of the twin worker (one worker for every twin on the page, started when the
 * first twin needs it). A scenario is run once per page and kept by its key; the exhibits
 * showing it ask for frames while they are near.
 */

let worker: Worker | null = null;
/** What each key was run with, to run it again if the worker let go of its state. */
const inputs = new Map<string, { model: string; params: Params; seed: number }>();
const waitingFrame = new Set<string>();

function send(message: ToWorker): void {
  if (!worker) {
    worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'twins' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => receive(e.data);
    worker.onerror = (e) => {
      for (const [key] of inputs) {
        const run = useTwins.getState().runs[key];
        if (run?.status === 'running') setRun(key, { status: 'failed', message: e.message || 'The simulation stopped unexpectedly.' });
      }
    };
  }
  worker.postMessage(message);
}

function receive(m: FromWorker): void {
  switch (m.type) {
    case 'progress':
      setRun(m.key, { status: 'running', steps: m.steps, maxSteps: m.maxSteps });
      break;
    case 'result':
      setRun(m.key, { status: 'done', result: m.result });
      break;
    case 'refused':
      setRun(m.key, { status: 'refused', problems: m.problems });
      break;
    case 'failed':
      if (m.key.includes('#reality')) setReality(m.key.replace('#reality', ''), []);
      else setRun(m.key, { status: 'failed', message: m.message });
      break;
    case 'frame': {
      waitingFrame.delete(m.key);
      const before = twinPictures.get(m.key);
      twinPictures.set(m.key, { picture: m.picture, at: performance.now(), previous: before?.picture ?? null, frames: (before?.frames ?? 0) + 1 });
      break;
    }
    case 'gone': {
      waitingFrame.delete(m.key);
      const input = inputs.get(m.key);
      if (input) send({ type: 'run', key: m.key, ...input });
      break;
    }
    case 'reality':
      setReality(m.key.replace('#reality', ''), m.checks);
      break;
  }
}

/** How many views want each visitor scenario (the 3D exhibit and the detail view may both). */
const wanted = new Map<string, number>();

/** A view wants a scenario: run it if needed. Pair with releaseRun. */
export function retainRun(modelId: string, scenario: Scenario): string | null {
  const key = ensureRun(modelId, scenario);
  if (key) wanted.set(key, (wanted.get(key) ?? 0) + 1);
  return key;
}

/**
 * A view no longer wants a scenario (the visitor moved a slider on, through many). If no view
 * wants it and it is still queued or computing, the worker drops it: only the latest is computed.
 */
export function releaseRun(key: string): void {
  const left = (wanted.get(key) ?? 1) - 1;
  if (left > 0) {
    wanted.set(key, left);
    return;
  }
  wanted.delete(key);
  const run = useTwins.getState().runs[key];
  if (run?.status !== 'running' || !inputs.has(key)) return;
  inputs.delete(key);
  send({ type: 'drop', key });
  useTwins.setState((s) => {
    const runs = { ...s.runs };
    delete runs[key];
    return { runs };
  });
}

/** Run a scenario of a model unless it has run (or is running); returns its key. */
export function ensureRun(modelId: string, scenario: Scenario): string | null {
  const model = modelById(modelId);
  if (!model) return null;
  const key = scenarioKey(model.info, scenario);
  if (!inputs.has(key)) {
    inputs.set(key, { model: modelId, params: scenario.params, seed: scenario.seed });
    setRun(key, { status: 'running', steps: 0, maxSteps: model.info.maxSteps });
    send({ type: 'run', key, model: modelId, params: scenario.params, seed: scenario.seed });
  }
  return key;
}

/** Ask for the next frame of a scenario (ignored while the last request is unanswered). */
export function requestFrame(key: string): void {
  if (waitingFrame.has(key) || !inputs.has(key)) return;
  waitingFrame.add(key);
  send({ type: 'frame', key });
}

/** The latest picture of a scenario, if one has arrived. */
export function latestPicture(key: string): Picture | undefined {
  return twinPictures.get(key)?.picture;
}

/** Model against reality for a model and seed (computed once per page). */
export function ensureReality(modelId: string, seed: number): void {
  const key = `${modelId}#${seed}`;
  if (key in useTwins.getState().reality) return;
  setReality(key, null);
  send({ type: 'reality', key: `${key}#reality`, model: modelId, seed });
}

/** The page is done with the twins (leaving the space): free the worker. */
export function stopTwins(): void {
  worker?.terminate();
  worker = null;
  inputs.clear();
  waitingFrame.clear();
  twinPictures.clear();
  useTwins.setState({ runs: {}, reality: {} });
}

/** Run a scenario and wait for its outcomes (the test hook's way to compare with Node). */
export function simulate(modelId: string, params: Params, seed: number): Promise<Record<string, number>> {
  const key = ensureRun(modelId, { params, seed });
  if (!key) return Promise.reject(new Error(`There is no simulation model called "${modelId}".`));
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const run = useTwins.getState().runs[key];
      if (run?.status === 'done') resolve(run.result.metrics);
      else if (run?.status === 'refused') reject(new Error(run.problems.join(' ')));
      else if (run?.status === 'failed') reject(new Error(run.message));
      else return false;
      return true;
    };
    if (check()) return;
    const stop = useTwins.subscribe(() => {
      if (check()) stop();
    });
  });
}
