import { create } from 'zustand';
import type { Transform } from '../../shared/exhibits/exhibit.js';
import type { EditHistory } from '../../shared/protocol/curation.js';

/**
 * The curator's edit mode, as the editor overlays and the gizmo see it: which tool is in hand,
 * whether things snap, the undo/redo labels the server sent and the latest answer to each kind
 * of edit operation. Whether edit mode is on, the draft (with its locks and "unpublished
 * changes" flag) and which exhibit is selected live in the exhibits store (state/exhibits.ts),
 * shared with the visitor side. Written by net/editor.ts and ui/editor/*.
 */

export type GizmoMode = 'translate' | 'rotate' | 'scale';

export const GIZMO_LABEL: Record<GizmoMode, string> = { translate: 'Move', rotate: 'Turn', scale: 'Size' };
/** Keys for the tools: digits, since W/E/R and S walk or open things. */
export const GIZMO_KEY: Record<GizmoMode, string> = { translate: '1', rotate: '2', scale: '3' };

/** What became of an edit operation: the server's Ack sentence, or its refusal. */
export interface EditResult {
  ok: boolean;
  text: string;
  /** The exhibit the answer concerns (an Ack's id; for refusals, the one the operation named). */
  id?: string;
  /** Bumped for every answer, so the same sentence twice still shows as new. */
  serial: number;
}

export interface EditorView {
  history: EditHistory;
  mode: GizmoMode;
  snap: boolean;
  /** A gizmo drag is under way (movement keys and drag-to-look pause). */
  dragging: boolean;
  /** The latest answer to each kind of edit operation, keyed by message type. */
  results: Partial<Record<string, EditResult>>;
  /** Which side panel is open besides the inspector. */
  panel: 'none' | 'publish' | 'history';
}

export const NO_HISTORY: EditHistory = { undo: 0, redo: 0, undoLabel: '', redoLabel: '' };

function initial(): EditorView {
  return {
    history: NO_HISTORY, mode: 'translate', snap: true, dragging: false,
    results: {}, panel: 'none',
  };
}

export const useEditor = create<EditorView>(() => initial());

/** Forget the last space's editing (on joining any space, or leaving edit mode). Tool and snap stay. */
export function resetEditor(): void {
  const { mode, snap } = useEditor.getState();
  useEditor.setState({ ...initial(), mode, snap }, true);
}

let serial = 0;

export function noteEditResult(ref: string, ok: boolean, text: string, id?: string): void {
  serial += 1;
  const result: EditResult = id === undefined ? { ok, text, serial } : { ok, text, id, serial };
  useEditor.setState((s) => ({ results: { ...s.results, [ref]: result } }));
}

/**
 * The edit operations the scene may send (the gizmo and the keys), set by net/editor.ts while a
 * room is open: the scene never imports net/.
 */
export interface EditIntents {
  lock(id: string): void;
  unlock(id: string): void;
  /** `final: false` is a live preview (throttled); `final: true` commits and releases the lock. */
  move(id: string, transform: Transform, final: boolean): void;
}

/** Transient editing state shared by the scene and the overlays (never React state). */
export const editing = {
  intents: null as EditIntents | null,
  /**
   * The transform last committed by this client for an exhibit, until the room state shows it:
   * quick successive nudges build on each other instead of on a stale state.
   */
  sent: new Map<string, { transform: Transform; at: number }>(),
};

/**
 * The content or provenance last sent for an exhibit, until the room state shows it: a second
 * field committed quickly after a first builds on it, instead of sending the first one's old value.
 */
const sentParts = new Map<string, { json: string; value: unknown; at: number }>();

/** Note what was just sent for part `key` (e.g. `<id>:content`). */
export function noteSent(key: string, value: unknown): void {
  sentParts.set(key, { json: JSON.stringify(value), value, at: performance.now() });
}

/** The freshest value of part `key`: ours if just sent and not yet in the room state, otherwise the state's. */
export function freshPart<T>(key: string, fromState: T): T {
  const sent = sentParts.get(key);
  if (!sent) return fromState;
  if (performance.now() - sent.at > SENT_TRUST_MS || JSON.stringify(fromState) === sent.json) {
    sentParts.delete(key);
    return fromState;
  }
  return sent.value as T;
}

/** How long a committed transform is trusted over the room state's (ms). */
const SENT_TRUST_MS = 1500;

/** The transform to build the next change on: ours if just sent, otherwise the room state's. */
export function baseTransform(id: string, fromState: Transform): Transform {
  const sent = editing.sent.get(id);
  if (sent && performance.now() - sent.at < SENT_TRUST_MS) return sent.transform;
  editing.sent.delete(id);
  return fromState;
}

/** Forget what was sent (joining another room). */
export function forgetSent(): void {
  editing.sent.clear();
  sentParts.clear();
}
