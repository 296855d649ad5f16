import { create } from 'zustand';
import type { Exhibit } from '../../shared/exhibits/exhibit.js';
import { API } from '../../shared/protocol/api.js';
import { pathFor } from '../../shared/protocol/apiClient.js';
import { yawTowards } from '../../shared/spaces/movement.js';
import { controls } from '../input/controls.js';
import { world } from './world.js';

/**
 * The exhibits of the space we are in, as the scene, the overlays and the editor show them:
 * the published ones (loaded over HTTP by net/exhibits.ts whenever the room's exhibitsVersion
 * changes) and, for a curator in edit mode, the draft decoded from the room state. Visitors
 * never receive a draft, so `shown` is the published list for them.
 */

/** Who holds a draft exhibit's lock while dragging it ('' when free), and its stored revision. */
export interface DraftMeta {
  lockedBy: string;
  lockedName: string;
  rev: number;
}

export type ExhibitLoad = 'idle' | 'loading' | 'ready' | 'failed';

export interface ExhibitsState {
  /** The space these exhibits belong to ('' outside any space). */
  spaceId: string;
  published: Exhibit[];
  /** The published version loaded (0: nothing published yet). */
  version: number;
  publishedAt: string | null;
  load: ExhibitLoad;
  /** Why the last load failed (a sentence), or null. */
  loadError: string | null;
  /** The draft as the room state has it (curators in edit mode), or null when not received. */
  draft: Exhibit[] | null;
  /** Per draft exhibit: its lock and revision (the editor shows and respects them). */
  draftMeta: Record<string, DraftMeta>;
  /** The draft differs from the published version; bumped revision of the whole draft. */
  draftDirty: boolean;
  draftRev: number;
  /** Set by the editor: show the draft (when received) instead of the published exhibits. */
  editMode: boolean;
  /** What is drawn: the draft in edit mode, the published exhibits otherwise; in tour order. */
  shown: Exhibit[];
  /** True when `shown` is the draft. */
  shownDraft: boolean;
  /** The exhibit the editor has selected ('' for none). */
  selectedId: string;
  /** The highlighted exhibit: the one we stand near, or the one Tab moved to ('' for none). */
  nearId: string;
  /** How the highlight got there: walking near it, or the keyboard (Tab). */
  nearBy: 'walk' | 'keys';
  /** The exhibit whose detail overlay is open ('' for none). */
  openId: string;
  /** The 2D list of every exhibit is open. */
  listOpen: boolean;
}

const EMPTY: Exhibit[] = [];

/** The order of a tour (Tab, the list): front to back, then left to right, by position. */
export function tourOrder(exhibits: readonly Exhibit[]): Exhibit[] {
  return [...exhibits].sort((a, b) => {
    const za = Math.round(a.transform.z * 2);
    const zb = Math.round(b.transform.z * 2);
    if (za !== zb) return za - zb;
    if (a.transform.x !== b.transform.x) return a.transform.x - b.transform.x;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

function shownOf(s: Pick<ExhibitsState, 'editMode' | 'draft' | 'published'>): { shown: Exhibit[]; shownDraft: boolean } {
  if (s.editMode && s.draft) return { shown: tourOrder(s.draft), shownDraft: true };
  return { shown: s.published, shownDraft: false };
}

export const useExhibits = create<ExhibitsState>(() => ({
  spaceId: '',
  published: EMPTY,
  version: 0,
  publishedAt: null,
  load: 'idle',
  loadError: null,
  draft: null,
  draftMeta: {},
  draftDirty: false,
  draftRev: 0,
  editMode: false,
  shown: EMPTY,
  shownDraft: false,
  selectedId: '',
  nearId: '',
  nearBy: 'walk',
  openId: '',
  listOpen: false,
}));

/** Ids that no longer name a shown exhibit are let go (a publish or a delete removed them). */
function keepIds(s: ExhibitsState, shown: Exhibit[]): Partial<ExhibitsState> {
  const ids = new Set(shown.map((e) => e.id));
  const out: Partial<ExhibitsState> = {};
  if (s.nearId && !ids.has(s.nearId)) out.nearId = '';
  if (s.openId && !ids.has(s.openId)) out.openId = '';
  if (s.selectedId && !ids.has(s.selectedId)) out.selectedId = '';
  return out;
}

function update(patch: Partial<ExhibitsState>): void {
  const next = { ...useExhibits.getState(), ...patch };
  const shown = shownOf(next);
  useExhibits.setState({ ...patch, ...shown, ...keepIds(next, shown.shown) });
}

/** A new space (or none): forget everything about the previous one. */
export function resetExhibits(spaceId: string): void {
  useExhibits.setState({
    spaceId, published: EMPTY, version: 0, publishedAt: null, load: 'idle', loadError: null,
    draft: null, draftMeta: {}, draftDirty: false, draftRev: 0,
    shown: EMPTY, shownDraft: false, selectedId: '', nearId: '', openId: '', listOpen: false,
  });
}

/** The published exhibits arrived (net/exhibits.ts). */
export function setPublished(spaceId: string, version: number, publishedAt: string | null, exhibits: Exhibit[]): void {
  if (useExhibits.getState().spaceId !== spaceId) return;
  update({ published: tourOrder(exhibits), version, publishedAt, load: 'ready', loadError: null });
}

export function setLoad(load: ExhibitLoad, loadError: string | null = null): void {
  useExhibits.setState({ load, loadError });
}

/** The draft as decoded from the room state (null: none received, or edit mode left). */
export function setDraft(draft: Exhibit[] | null, meta: Record<string, DraftMeta> = {}, dirty = false, rev = 0): void {
  update({ draft, draftMeta: meta, draftDirty: dirty, draftRev: rev });
}

/** The editor turns edit mode on or off (it also tells the server). */
export function setEditMode(on: boolean): void {
  update(on ? { editMode: true } : { editMode: false, selectedId: '' });
}

export function selectExhibit(id: string): void {
  useExhibits.setState({ selectedId: id });
}

export function setNear(id: string, by: 'walk' | 'keys'): void {
  const s = useExhibits.getState();
  if (s.nearId !== id || s.nearBy !== by) useExhibits.setState({ nearId: id, nearBy: by });
}

export function openExhibit(id: string): void {
  useExhibits.setState({ openId: id });
}

export function closeExhibit(): void {
  useExhibits.setState({ openId: '' });
}

export function setListOpen(open: boolean): void {
  useExhibits.setState({ listOpen: open });
}

export function findShown(id: string): Exhibit | undefined {
  return useExhibits.getState().shown.find((e) => e.id === id);
}

/**
 * Turn our avatar (and so the camera that follows it) to face an exhibit. Only a turn: a walk
 * to a clicked point is cancelled so it does not turn us away again, and nothing else moves.
 */
export function faceExhibit(e: Exhibit): void {
  if (!world.selfReady) return;
  const self = world.self.curr;
  const { x, z } = e.transform;
  if (Math.hypot(x - self.x, z - self.z) < 0.2) return;
  controls.target = null;
  controls.yaw = yawTowards(self.x, self.z, x, z);
}

/**
 * Intents the scene and the overlays may ask for, set by the UI while in a space (the scene
 * does not import navigation or net/): going through an exhibit doorway.
 */
export const exhibitIntents = {
  travel: null as ((spaceId: string) => void) | null,
};

/**
 * What a click on an exhibit (or E, or Enter on the highlighted one) does: in edit mode it
 * selects it; a doorway takes a visitor to its space; anything else opens its detail.
 */
export function activateExhibit(id: string): void {
  const s = useExhibits.getState();
  if (s.editMode) {
    selectExhibit(id);
    return;
  }
  const e = s.shown.find((x) => x.id === id);
  if (!e) return;
  if (e.content.kind === 'portal' && exhibitIntents.travel) {
    exhibitIntents.travel(e.content.to);
    return;
  }
  openExhibit(id);
}

/** Where an uploaded file is served (GET /api/assets/:sha256), on the API's origin. */
export function assetUrl(sha256: string): string {
  const configured: unknown = import.meta.env.VITE_SERVER_URL;
  const origin = typeof configured === 'string' && configured ? configured.replace(/^ws/, 'http').replace(/\/+$/, '') : '';
  return `${origin}${pathFor(API.getAsset.path, { sha256 })}`;
}
