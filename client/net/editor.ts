import type { Room } from 'colyseus.js';
import { ApiCallError } from '../../shared/protocol/apiClient.js';
import { AssetView, type ApiResponse } from '../../shared/protocol/api.js';
import type { AssetKind, Transform } from '../../shared/exhibits/exhibit.js';
import type {
  EditHistory, EditModeMessage, ExhibitCreateMessage, ExhibitIdMessage, ExhibitMoveMessage, ExhibitUpdateMessage,
} from '../../shared/protocol/curation.js';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { Ack } from '../../shared/protocol/townhall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { editing, forgetSent, NO_HISTORY, noteEditResult, resetEditor, useEditor } from '../state/editor.js';
import { selectExhibit, setEditMode, useExhibits } from '../state/exhibits.js';
import { useUi } from '../state/ui.js';
import { accountToken, api } from './account.js';
import { apiOrigin } from './spaces.js';

/**
 * The curator's side of the connection: edit mode on and off, the edit operations as room
 * messages (their Acks, refusals and the undo/redo labels come back here), and the HTTP calls
 * of curation (publish, versions, uploads). The draft itself is decoded by net/exhibits.ts.
 * No React; the server decides everything.
 */

let room: Room<SpaceState> | null = null;

const EDIT_TYPES = new Set<string>([
  ClientMessage.EditMode, ClientMessage.ExhibitCreate, ClientMessage.ExhibitUpdate, ClientMessage.ExhibitMove,
  ClientMessage.ExhibitLock, ClientMessage.ExhibitUnlock, ClientMessage.ExhibitDelete, ClientMessage.ExhibitDuplicate,
  ClientMessage.EditUndo, ClientMessage.EditRedo,
]);

/** Refusals shown beside what sent them (the inspector, the palette) rather than as a passing notice. */
const SHOWN_INLINE = new Set<string>([ClientMessage.ExhibitUpdate, ClientMessage.ExhibitCreate]);

/** Live drag previews go out at most this often (the server allows 30 messages a second in all). */
const PREVIEW_EVERY_MS = 70;

function send(type: ClientMessage, message: object): boolean {
  if (!room?.connection.isOpen) return false;
  room.send(type, message);
  return true;
}

/** Operations whose Ack names a new exhibit to select (create, duplicate). */
let selectNextFrom: string | null = null;

/** Enter or leave edit mode (the server adds the draft to our room state, or takes it away). */
export function requestEditMode(on: boolean): void {
  if (!send(ClientMessage.EditMode, { on } satisfies EditModeMessage)) return;
  setEditMode(on);
  if (!on) resetEditor();
}

export function createExhibit(message: ExhibitCreateMessage): void {
  if (send(ClientMessage.ExhibitCreate, message)) selectNextFrom = ClientMessage.ExhibitCreate;
}

export function updateExhibit(message: ExhibitUpdateMessage): void {
  send(ClientMessage.ExhibitUpdate, message);
}

export function duplicateExhibit(id: string): void {
  if (send(ClientMessage.ExhibitDuplicate, { id } satisfies ExhibitIdMessage)) selectNextFrom = ClientMessage.ExhibitDuplicate;
}

export function deleteExhibit(id: string): void {
  if (!send(ClientMessage.ExhibitDelete, { id } satisfies ExhibitIdMessage)) return;
  if (useExhibits.getState().selectedId === id) selectExhibit('');
}

export function undoEdit(): void {
  send(ClientMessage.EditUndo, {});
}

export function redoEdit(): void {
  send(ClientMessage.EditRedo, {});
}

let preview: { message: ExhibitMoveMessage; timer: ReturnType<typeof setTimeout> } | null = null;
let lastPreviewAt = 0;

function flushPreview(): void {
  if (!preview) return;
  clearTimeout(preview.timer);
  const { message } = preview;
  preview = null;
  lastPreviewAt = performance.now();
  send(ClientMessage.ExhibitMove, message);
}

/** Move an exhibit: previews are throttled (the latest wins); a final move goes at once. */
export function moveExhibit(id: string, transform: Transform, final: boolean): void {
  const message: ExhibitMoveMessage = { id, transform, final };
  if (final) {
    if (preview) clearTimeout(preview.timer);
    preview = null;
    editing.sent.set(id, { transform, at: performance.now() });
    send(ClientMessage.ExhibitMove, message);
    return;
  }
  if (preview && preview.message.id === id) {
    preview.message = message;
    return;
  }
  flushPreview();
  const wait = Math.max(0, lastPreviewAt + PREVIEW_EVERY_MS - performance.now());
  preview = { message, timer: setTimeout(flushPreview, wait) };
}

export function lockExhibit(id: string): void {
  send(ClientMessage.ExhibitLock, { id } satisfies ExhibitIdMessage);
}

export function unlockExhibit(id: string): void {
  if (preview?.message.id === id) {
    clearTimeout(preview.timer);
    preview = null;
  }
  send(ClientMessage.ExhibitUnlock, { id } satisfies ExhibitIdMessage);
}

/**
 * A refusal arrived. Edit refusals are noted for the editor; those of forms that show their own
 * answer are not toasted (returns true then).
 */
export function noteEditRefusal(payload: ErrorPayload): boolean {
  if (!payload.ref || !EDIT_TYPES.has(payload.ref)) return false;
  noteEditResult(payload.ref, false, payload.message);
  if (payload.ref === ClientMessage.EditMode) {
    setEditMode(false);
    resetEditor();
  }
  if (payload.ref === selectNextFrom) selectNextFrom = null;
  return SHOWN_INLINE.has(payload.ref);
}

function onAck(ack: Ack): void {
  if (!EDIT_TYPES.has(ack.ref)) return;
  noteEditResult(ack.ref, true, ack.message, ack.id);
  if (ack.ref === selectNextFrom && ack.id) {
    selectNextFrom = null;
    selectExhibit(ack.id);
  }
}

function onHistory(history: EditHistory): void {
  useEditor.setState({
    history: {
      undo: Math.max(0, Number(history.undo) || 0),
      redo: Math.max(0, Number(history.redo) || 0),
      undoLabel: typeof history.undoLabel === 'string' ? history.undoLabel : '',
      redoLabel: typeof history.redoLabel === 'string' ? history.redoLabel : '',
    },
  });
}

/**
 * Follow the curation side of a room we just entered. On a reconnect to the same room, edit
 * mode is asked for again; a new room starts outside edit mode.
 */
export function watchEditor(r: Room<SpaceState>, resumed: boolean): void {
  const wasEditing = useExhibits.getState().editMode;
  room = r;
  preview = null;
  selectNextFrom = null;
  forgetSent();
  resetEditor();
  editing.intents = { lock: lockExhibit, unlock: unlockExhibit, move: moveExhibit };
  if (resumed && wasEditing) send(ClientMessage.EditMode, { on: true } satisfies EditModeMessage);
  else setEditMode(false);

  r.onMessage(ServerMessage.Ack, (ack: Ack) => {
    if (r === room && typeof ack?.ref === 'string' && typeof ack.message === 'string') onAck(ack);
  });
  r.onMessage(ServerMessage.EditHistory, (history: EditHistory) => {
    if (r === room && history && typeof history === 'object') onHistory(history);
  });
}

/** The room is gone (left, or replaced by another). */
export function unwatchEditor(): void {
  room = null;
  if (preview) clearTimeout(preview.timer);
  preview = null;
  editing.intents = null;
  useEditor.setState({ history: NO_HISTORY, dragging: false });
}

// HTTP: publishing, versions and uploads.

function spaceId(): string {
  return useUi.getState().spaceId;
}

export function publishDraft(note: string): Promise<ApiResponse<'publish'>> {
  return api('publish', { params: { id: spaceId() }, body: { note } });
}

export function listVersions(signal?: AbortSignal): Promise<ApiResponse<'listVersions'>> {
  return api('listVersions', { params: { id: spaceId() }, ...(signal ? { signal } : {}) });
}

export function restoreVersion(version: number): Promise<ApiResponse<'restoreVersion'>> {
  return api('restoreVersion', { params: { id: spaceId(), version: String(version) } });
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp',
  mp4: 'video/mp4', webm: 'video/webm', vtt: 'text/vtt', glb: 'model/gltf-binary',
};

/** The file's type as the browser knows it, or as its extension suggests (.vtt and .glb often have none). */
export function fileType(file: File): string {
  if (file.type) return file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/**
 * Upload a file as the raw request body (XMLHttpRequest, for its upload progress). Resolves with
 * what the server stored; rejects with an ApiCallError carrying the server's sentence.
 */
export function uploadAsset(file: File, kind: AssetKind, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<AssetView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ kind, name: file.name.slice(0, 200) });
    xhr.open('POST', `${apiOrigin()}/api/assets?${query.toString()}`);
    xhr.setRequestHeader('Content-Type', fileType(file));
    const token = accountToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiCallError('UNREACHABLE', 'The upload did not reach the server. Please check your connection and try again.', 0));
    xhr.onabort = () => reject(new ApiCallError('ABORTED', 'The upload was cancelled.', 0));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = AssetView.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiCallError('INTERNAL', 'The server answered the upload in a form this page does not understand; please reload.', xhr.status));
        return;
      }
      const refusal = (body ?? {}) as { code?: unknown; message?: unknown };
      const fallback = xhr.status === 413 ? 'That file is too large to upload here.' : `The server refused the upload (HTTP ${xhr.status}).`;
      reject(new ApiCallError(
        typeof refusal.code === 'string' ? refusal.code : 'INTERNAL',
        typeof refusal.message === 'string' ? refusal.message : fallback,
        xhr.status,
      ));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
