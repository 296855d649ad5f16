/// <reference lib="webworker" />
import { checkParams } from '../../shared/sim/levers.js';
import type { SimModel } from '../../shared/sim/model.js';
import { modelById } from '../../shared/sim/models.js';
import type { FromWorker, ToWorker } from './workerProtocol.js';

/**
 * The twin worker: runs scenarios off the main thread so the world keeps its frame rate. Work
 * is done in slices of about SLICE_MS with a yield between them, so frames of running exhibits
 * and newer requests are answered while a long scenario computes. The numbers come only from
 * the shared models; timing here never touches them.
 */

const SLICE_MS = 12;
/** Scenarios kept for animation; the least recently used beyond this is dropped. */
const KEEP = 12;

declare const self: DedicatedWorkerGlobalScope;

interface Held { model: SimModel<unknown>; state: unknown; settled: boolean; used: number }

const held = new Map<string, Held>();
const queue: ToWorker[] = [];
let busy = false;
let clock = 0;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function forgetOld(): void {
  while (held.size > KEEP) {
    let oldest: string | undefined;
    let when = Infinity;
    for (const [key, h] of held) if (h.used < when) [oldest, when] = [key, h.used];
    if (oldest === undefined) return;
    held.delete(oldest);
  }
}

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(key: string, modelId: string, params: unknown, seed: number): Promise<void> {
  const model = modelById(modelId);
  if (!model) {
    post({ type: 'refused', key, problems: [`There is no simulation model called "${modelId}".`] });
    return;
  }
  const checked = checkParams(model.info, params);
  if (!checked.ok) {
    post({ type: 'refused', key, problems: checked.problems });
    return;
  }
  const started = performance.now();
  const state = model.init(checked.params, seed);
  const entry: Held = { model, state, settled: false, used: ++clock };
  held.set(key, entry);
  forgetOld();
  let steps = 0;
  while (!model.settled(state) && steps < model.info.maxSteps) {
    const slice = performance.now();
    while (!model.settled(state) && steps < model.info.maxSteps && performance.now() - slice < SLICE_MS) {
      model.step(state);
      steps++;
    }
    post({ type: 'progress', key, steps, maxSteps: model.info.maxSteps });
    await yieldNow();
    drainQuick();
    if (!held.has(key)) return; // dropped meanwhile
  }
  entry.settled = true;
  post({
    type: 'result',
    key,
    result: { metrics: model.metrics(state), charts: model.charts(state), steps, settled: model.settled(state), ms: performance.now() - started },
  });
}

function frame(key: string): void {
  const h = held.get(key);
  if (!h) return;
  h.used = ++clock;
  // A settled scenario moves on; one still settling is shown as it stands.
  if (h.settled) h.model.animate(h.state);
  const picture = h.model.picture(h.state);
  const transfer = picture.kind === 'ring' ? [picture.position.buffer, picture.speed.buffer] : [];
  post({ type: 'frame', key, picture }, transfer as Transferable[]);
}

/** Frames and drops are answered even in the middle of a run. */
function drainQuick(): void {
  for (let i = 0; i < queue.length; ) {
    const m = queue[i]!;
    if (m.type === 'frame' || m.type === 'drop') {
      queue.splice(i, 1);
      handleQuick(m);
    } else i++;
  }
}

function handleQuick(m: Extract<ToWorker, { type: 'frame' | 'drop' }>): void {
  if (m.type === 'frame') {
    if (held.has(m.key)) frame(m.key);
    else post({ type: 'gone', key: m.key });
    return;
  }
  held.delete(m.key);
  // A run asked for and not begun yet is not wanted either.
  for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.key === m.key && queue[i]!.type === 'run') queue.splice(i, 1);
}

async function handle(m: ToWorker): Promise<void> {
  try {
    switch (m.type) {
      case 'run': await run(m.key, m.model, m.params, m.seed); break;
      case 'reality': {
        const model = modelById(m.model);
        post({ type: 'reality', key: m.key, checks: model?.realityChecks?.(m.seed) ?? [] });
        break;
      }
      default: handleQuick(m);
    }
  } catch (err) {
    post({ type: 'failed', key: m.key, message: err instanceof Error ? err.message : String(err) });
  }
}

async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length > 0) await handle(queue.shift()!);
  busy = false;
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'frame' || m.type === 'drop') {
    // Answered at once when idle; between slices when a run is going.
    if (!busy) handleQuick(m);
    else queue.push(m);
    return;
  }
  queue.push(m);
  void pump();
};
