import { getStateCallbacks, type Room } from 'colyseus.js';
import { ExhibitKind, exhibitFromState, newContent, type Exhibit, type Transform } from '../../shared/exhibits/exhibit.js';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import type { DraftState, ExhibitState } from '../../shared/schema/Draft.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { spacePlaceFromPath } from '../route.js';
import {
  faceExhibit, findShown, openExhibit, resetExhibits, setDraft, setLoad, setPublished, useExhibits, type DraftMeta,
} from '../state/exhibits.js';
import { useTwins } from '../state/twins.js';
import { showToast } from '../state/ui.js';
import { world } from '../state/world.js';
import { apiOrigin, prefetchSpace } from './spaces.js';

/**
 * The exhibits side of the connection. Published exhibits are open data over HTTP: loaded on
 * joining and again whenever the room's `exhibitsVersion` changes (a publish swaps them all).
 * A curator in edit mode also receives the draft in the room state; it is decoded here into
 * plain Exhibit objects (one parse per change of an exhibit's data, not per drag step).
 */

let room: Room<SpaceState> | null = null;
let spaceId = '';
/** Bumped by every watch and unwatch; answers for an older one are dropped. */
let generation = 0;
let abort: AbortController | null = null;
/** The version the room last announced (-1: not yet), and the one loaded (-1: none). */
let announced = -1;
let loaded = -1;
let loading = false;
/** The announced version a reload was last started for (stops a loop if the API lags behind). */
let reloadedFor = -1;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retries = 0;
/** An exhibit named by the address (/s/<space>/e/<id>), to turn to and open once loaded. */
let deepLink = '';

const RETRY_MS = [1500, 4000, 10_000];

/** The room the exhibits came with (the editor sends its operations through it). */
export function exhibitRoom(): Room<SpaceState> | null {
  return room;
}

/**
 * Follow the exhibits of a room we just entered or re-entered. Re-entering the same space keeps
 * what is loaded (no flicker after a reconnect) and loads again only if the version moved.
 */
export function watchExhibits(r: Room<SpaceState>, space: string): void {
  const gen = ++generation;
  room = r;
  if (space !== spaceId || useExhibits.getState().spaceId !== space) {
    spaceId = space;
    announced = -1;
    loaded = -1;
    reloadedFor = -1;
    resetExhibits(space);
  }
  loading = false;
  abort?.abort();
  abort = null;
  retries = 0;
  clearTimeout(retryTimer);
  const place = spacePlaceFromPath(location.pathname);
  deepLink = place.spaceId === space && place.exhibitId ? place.exhibitId : '';
  // A twin's scenario named by the link (?scenario=...) becomes the visitor's own there.
  const scenario = new URLSearchParams(location.search).get('scenario');
  if (deepLink && scenario) useTwins.setState({ linked: { exhibitId: deepLink, text: scenario.slice(0, 2000) } });
  if (loaded < 0) void load(gen);
  else openDeepLink();

  const $ = getStateCallbacks(r);
  $(r.state).listen('exhibitsVersion', (v) => {
    if (gen !== generation || typeof v !== 'number') return;
    announced = v;
    if (!loading && loaded !== v && reloadedFor !== v) void load(gen);
  });
  watchDraft(r, gen);
}

/** The room is gone (left, or replaced by another space's). */
export function unwatchExhibits(): void {
  generation++;
  room = null;
  spaceId = '';
  abort?.abort();
  abort = null;
  clearTimeout(retryTimer);
  deepLink = '';
  resetExhibits('');
}

/** Open an exhibit of this space named by an address followed while already here (back/forward). */
export function followExhibitLink(exhibitId: string): void {
  deepLink = exhibitId;
  if (loaded >= 0) openDeepLink();
}

async function load(gen: number): Promise<void> {
  loading = true;
  reloadedFor = announced;
  const controller = new AbortController();
  abort = controller;
  if (useExhibits.getState().load !== 'ready') setLoad('loading');
  try {
    const published = await callApi('publishedExhibits', { baseUrl: apiOrigin(), params: { id: spaceId }, signal: controller.signal });
    if (gen !== generation) return;
    loading = false;
    retries = 0;
    loaded = published.version;
    setPublished(spaceId, published.version, published.publishedAt, published.exhibits);
    for (const e of published.exhibits) if (e.content.kind === 'portal') prefetchSpace(e.content.to);
    openDeepLink();
    // A publish announced while this load was under way: load that one too.
    if (announced >= 0 && announced !== loaded && reloadedFor !== announced) void load(gen);
  } catch (err) {
    if (gen !== generation || controller.signal.aborted) return;
    loading = false;
    const unreachable = err instanceof ApiCallError && (err.code === 'UNREACHABLE' || err.status >= 500);
    if (unreachable && retries < RETRY_MS.length) {
      retryTimer = setTimeout(() => void load(gen), RETRY_MS[retries++]);
      return;
    }
    setLoad('failed', err instanceof Error ? err.message : 'Could not load the exhibits.');
    if (deepLink) {
      deepLink = '';
      showToast('The exhibits of this space could not be loaded, so the linked one cannot be shown.');
    }
  }
}

/** The address named an exhibit: once we stand in the space, turn to it and open it. */
function openDeepLink(): void {
  const id = deepLink;
  if (!id) return;
  deepLink = '';
  const e = findShown(id);
  if (!e) {
    showToast('That exhibit is not on show in this space (it may have been moved or removed).');
    return;
  }
  const gen = generation;
  const started = performance.now();
  const when = () => {
    if (gen !== generation) return;
    if (world.selfReady) {
      faceExhibit(e);
      openExhibit(id);
    } else if (performance.now() - started < 15_000) {
      requestAnimationFrame(when);
    }
  };
  when();
}

// --- The draft (curators in edit mode only) ---

interface Decoded { data: string; title: string; kind: string; exhibit: Exhibit }

const TWO_PI = 2 * Math.PI;

function clamp(v: unknown, lo: number, hi: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

/** float32 state values (2π rounds up past 2π) brought back inside the Transform's bounds. */
function transformOf(s: ExhibitState): Transform {
  return {
    x: clamp(s.x, -500, 500, 0), y: clamp(s.y, -1, 30, 0), z: clamp(s.z, -500, 500, 0),
    rx: clamp(s.rx, -TWO_PI, TWO_PI, 0), ry: clamp(s.ry, -TWO_PI, TWO_PI, 0), rz: clamp(s.rz, -TWO_PI, TWO_PI, 0),
    scale: clamp(s.scale, 0.1, 20, 1),
  };
}

function sameTransform(a: Transform, b: Transform): boolean {
  return a.x === b.x && a.y === b.y && a.z === b.z && a.rx === b.rx && a.ry === b.ry && a.rz === b.rz && a.scale === b.scale;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** One draft entry as an Exhibit; data that does not parse still shows (as an empty exhibit of its kind) so it can be fixed or deleted. */
function decode(s: ExhibitState, transform: Transform): Exhibit {
  const id = str(s.id);
  const parsed = exhibitFromState({ ...transform, id, title: str(s.title), data: str(s.data) });
  if (parsed) return parsed;
  const kind = ExhibitKind.safeParse(s.kind);
  return {
    id, title: str(s.title) || 'Untitled', alt: '', provenance: { author: '', sources: [] }, transform,
    content: newContent(kind.success ? kind.data : 'panel'),
  };
}

function watchDraft(r: Room<SpaceState>, gen: number): void {
  const $ = getStateCallbacks(r);
  const decoded = new Map<string, Decoded>();
  let queued = false;
  let current: DraftState | null = null;

  const rebuild = () => {
    queued = false;
    if (gen !== generation) return;
    const draft = current;
    if (!draft?.exhibits) {
      decoded.clear();
      setDraft(null);
      return;
    }
    const list: Exhibit[] = [];
    const meta: Record<string, DraftMeta> = {};
    const seen = new Set<string>();
    draft.exhibits.forEach((s: ExhibitState, key: string) => {
      const id = str(s.id) || key;
      seen.add(id);
      const transform = transformOf(s);
      const data = str(s.data);
      const title = str(s.title);
      const kind = str(s.kind);
      const before = decoded.get(id);
      let exhibit: Exhibit;
      if (before && before.data === data && before.title === title && before.kind === kind) {
        exhibit = sameTransform(before.exhibit.transform, transform) ? before.exhibit : { ...before.exhibit, transform };
      } else {
        exhibit = decode(s, transform);
      }
      decoded.set(id, { data, title, kind, exhibit });
      list.push(exhibit);
      meta[id] = { lockedBy: str(s.lockedBy), lockedName: str(s.lockedName), rev: typeof s.rev === 'number' ? s.rev : 0 };
    });
    for (const id of [...decoded.keys()]) if (!seen.has(id)) decoded.delete(id);
    setDraft(list, meta, draft.dirty === true, typeof draft.rev === 'number' ? draft.rev : 0);
    for (const e of list) if (e.content.kind === 'portal') prefetchSpace(e.content.to);
  };
  const mark = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(rebuild);
  };

  const watched = new WeakSet<object>();
  $(r.state).listen('draft', (draft) => {
    if (gen !== generation) return;
    current = draft ?? null;
    mark();
    if (!draft || watched.has(draft)) return;
    watched.add(draft);
    $(draft).onChange(mark);
    $(draft).exhibits.onAdd((s: ExhibitState) => {
      $(s).onChange(mark);
      mark();
    });
    $(draft).exhibits.onRemove(mark);
  });
}
