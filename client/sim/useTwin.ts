import { useEffect } from 'react';
import type { Exhibit } from '../../shared/exhibits/exhibit.js';
import type { SimModel } from '../../shared/sim/model.js';
import { modelById } from '../../shared/sim/models.js';
import { scenarioFromText, scenarioKey, type Scenario } from '../../shared/sim/scenarioLink.js';
import { setMine, useTwins, type RunState } from '../state/twins.js';
import { ensureRun, releaseRun, retainRun } from './twinRuns.js';

export interface TwinView {
  model: SimModel<unknown>;
  /** The curator's scenario, the one everyone sees first. */
  official: Scenario;
  officialKey: string;
  officialRun: RunState | undefined;
  /** The visitor's own scenario, when they have moved a lever (or came by a scenario link). */
  mine: Scenario | null;
  mineKey: string | null;
  mineRun: RunState | undefined;
}

/** A link's scenario for this exhibit becomes the visitor's own (once). */
function applyLink(exhibitId: string, model: SimModel<unknown>): void {
  const { linked } = useTwins.getState();
  if (!linked || linked.exhibitId !== exhibitId) return;
  useTwins.setState({ linked: null });
  const reading = scenarioFromText(model.info, linked.text);
  if (!reading.ok) {
    useTwins.setState((s) => ({ linkProblem: { ...s.linkProblem, [exhibitId]: reading.problem } }));
    return;
  }
  setMine(exhibitId, reading.scenario);
}

/**
 * A twin exhibit's scenarios and their runs, started here (in the worker) when first needed:
 * the official one and the visitor's own. Both the 3D exhibit and the detail view use it.
 */
export function useTwin(exhibit: Exhibit): TwinView | null {
  const content = exhibit.content.kind === 'twin' ? (exhibit.content) : null;
  const model = content ? (modelById(content.model)) : undefined;
  const mine = useTwins((s) => s.mine[exhibit.id] ?? null);
  const linked = useTwins((s) => s.linked?.exhibitId === exhibit.id);
  const official: Scenario | null = content ? { params: content.params, seed: content.seed } : null;
  const officialKey = model && official ? scenarioKey(model.info, official) : null;
  const mineKey = model && mine ? scenarioKey(model.info, mine) : null;
  const officialRun = useTwins((s) => (officialKey ? s.runs[officialKey] : undefined));
  const mineRun = useTwins((s) => (mineKey ? s.runs[mineKey] : undefined));
  // Runs start after render (they write to the store); a key runs once per page.
  useEffect(() => {
    if (model && official) ensureRun(model.info.id, official);
  }, [officialKey]);
  useEffect(() => {
    if (!model || !mine || !mineKey) return undefined;
    retainRun(model.info.id, mine);
    // Moved on before it finished (a slider being dragged): drop it, keep only the latest.
    return () => releaseRun(mineKey);
  }, [mineKey]);
  useEffect(() => {
    if (model && linked) applyLink(exhibit.id, model);
  }, [model, linked, exhibit.id]);
  if (!model || !official || !officialKey) return null;
  return { model, official, officialKey, officialRun, mine, mineKey, mineRun };
}
