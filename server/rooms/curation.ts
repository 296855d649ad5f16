import { randomBytes } from 'node:crypto';
import type { Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import type { z } from 'zod';
import { allows } from '../../shared/access.js';
import { Exhibit, exhibitData, KIND_LABEL, newContent, type Transform } from '../../shared/exhibits/exhibit.js';
import { EditHistoryMessage, EditModeMessage, ExhibitCreateMessage, ExhibitIdMessage, ExhibitMoveMessage, ExhibitUpdateMessage, type EditHistory } from '../../shared/protocol/curation.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { DraftState} from '../../shared/schema/Draft.js';
import { ExhibitState } from '../../shared/schema/Draft.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { actorOf } from '../auth/sessions.js';
import type { Logger } from '../log.js';
import type { Repos } from '../store/repos.js';
import type { Register } from './hallContext.js';
import { Refusal, type Occupant } from './occupant.js';

/** What curation needs from the room it lives in. */
export interface CurationHost {
  readonly layout: SpaceLayout;
  /** The room state's draft (a StateView field) and the published version number. */
  readonly draft: DraftState;
  setPublishedVersion(version: number): void;
  client(sessionId: string): Client | undefined;
  occupant(sessionId: string): Occupant | undefined;
  send(sessionId: string, type: string, payload: unknown): void;
}

export interface CurationDeps {
  repos: Pick<Repos, 'exhibits' | 'assets' | 'audit' | 'transaction'>;
  log: Logger;
}

/** One stored change, for undo and redo: the exhibit before and after (null: absent). */
interface Change {
  id: string;
  label: string;
  before: Exhibit | null;
  after: Exhibit | null;
}

/** Undo steps kept per curator in a room. */
const HISTORY_LIMIT = 100;
/** How far outside the walls an exhibit may stand (a doorway set into a wall, say). */
const BOUNDS_MARGIN = 1;

/** The message each new change answers, by its audit action. */
const ACK_REF = {
  'exhibit.create': ClientMessage.ExhibitCreate,
  'exhibit.update': ClientMessage.ExhibitUpdate,
  'exhibit.move': ClientMessage.ExhibitMove,
  'exhibit.delete': ClientMessage.ExhibitDelete,
  'exhibit.duplicate': ClientMessage.ExhibitDuplicate,
} as const;

const same = (a: Exhibit | null | undefined, b: Exhibit | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A space's exhibits in a room: the published version number every visitor loads, and the
 * draft curators edit live. Every operation is validated, committed with its audit entry, and
 * only then applied to the draft in the room state (which only curators in edit mode see) and
 * acknowledged. Operations run one at a time per room, in arrival order.
 */
export class Curation {
  /** The draft as committed (the room state may show a drag in progress on top). */
  private readonly committed = new Map<string, Exhibit>();
  private loaded: Promise<void> | undefined;
  private publishedJson = '[]';
  private readonly editors = new Set<string>();
  private readonly histories = new Map<string, { undo: Change[]; redo: Change[] }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: CurationHost, private readonly deps: CurationDeps) {}

  register(on: Register): void {
    on(ClientMessage.EditMode, EditModeMessage, 'Edit mode is {on: true|false}.', (id, who, m) => this.serial(() => this.editMode(id, who, m.on)));
    on(ClientMessage.ExhibitCreate, ExhibitCreateMessage, 'A new exhibit is {kind, transform: {x, y, z, rx, ry, rz, scale}, title?} with numbers in range.',
      (id, who, m) => this.serial(() => this.create(id, who, m)));
    on(ClientMessage.ExhibitUpdate, ExhibitUpdateMessage, 'An update is {id, text?: {title?, alt?, provenance?}, content?} matching the exhibit model.',
      (id, who, m) => this.serial(() => this.update(id, who, m)));
    on(ClientMessage.ExhibitMove, ExhibitMoveMessage, 'A move is {id, transform: {x, y, z, rx, ry, rz, scale}, final} with numbers in range.',
      (id, who, m) => this.serial(() => this.move(id, who, m)));
    on(ClientMessage.ExhibitLock, ExhibitIdMessage, 'A lock names an exhibit: {id}.', (id, who, m) => this.serial(() => this.lock(id, who, m.id)));
    on(ClientMessage.ExhibitUnlock, ExhibitIdMessage, 'An unlock names an exhibit: {id}.', (id, who, m) => this.serial(() => this.unlock(id, m.id)));
    on(ClientMessage.ExhibitDelete, ExhibitIdMessage, 'A deletion names an exhibit: {id}.', (id, who, m) => this.serial(() => this.remove(id, who, m.id)));
    on(ClientMessage.ExhibitDuplicate, ExhibitIdMessage, 'A duplicate names an exhibit: {id}.', (id, who, m) => this.serial(() => this.duplicate(id, who, m.id)));
    on(ClientMessage.EditUndo, EditHistoryMessage, 'Undo takes no fields.', (id, who) => this.serial(() => this.travel(id, who, 'undo')));
    on(ClientMessage.EditRedo, EditHistoryMessage, 'Redo takes no fields.', (id, who) => this.serial(() => this.travel(id, who, 'redo')));
  }

  /** At room creation: which published version visitors load. */
  async loadPublished(): Promise<void> {
    const latest = await this.deps.repos.exhibits.latest(this.host.layout.id);
    this.host.setPublishedVersion(latest?.version ?? 0);
    this.publishedJson = JSON.stringify(latest?.exhibits ?? []);
    if (this.loaded) this.host.draft.dirty = this.isDirty();
  }

  /** A version was restored as the draft over HTTP: show it, and forget undo steps that no longer apply. */
  async reloadDraft(): Promise<void> {
    await this.serial(async () => {
      this.loaded = undefined;
      await this.ensureLoaded();
      this.histories.clear();
      for (const id of this.editors) this.sendHistory(id);
    });
  }

  /** A connection left for good: its drags end (back to the stored place) and it leaves edit mode. */
  onGone(sessionId: string): void {
    this.editors.delete(sessionId);
    for (const s of this.host.draft.exhibits.values()) if (s.lockedBy === sessionId) this.release(s);
  }

  /** Roles changed: someone who may no longer edit leaves edit mode. */
  onRolesChanged(sessionId: string, who: Occupant): void {
    if (this.editors.has(sessionId) && !allows('exhibit.edit', who.identity, this.host.layout.id)) {
      this.leave(sessionId);
      this.onGone(sessionId);
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private ensureLoaded(): Promise<void> {
    return (this.loaded ??= (async () => {
      const rows = await this.deps.repos.exhibits.draft(this.host.layout.id);
      this.committed.clear();
      this.host.draft.exhibits.clear();
      for (const { exhibit } of rows) {
        this.committed.set(exhibit.id, exhibit);
        this.host.draft.exhibits.set(exhibit.id, this.toState(exhibit));
      }
      this.host.draft.dirty = this.isDirty();
    })().catch((err: unknown) => {
      this.loaded = undefined;
      throw err;
    }));
  }

  private async editMode(sessionId: string, who: Occupant, on: boolean): Promise<void> {
    const client = this.host.client(sessionId);
    if (!client) return;
    if (on) {
      await this.ensureLoaded();
      client.view ??= new StateView();
      client.view.add(this.host.draft);
      this.editors.add(sessionId);
      this.sendHistory(sessionId);
    } else {
      this.onGone(sessionId);
      this.leave(sessionId);
    }
    this.host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.EditMode, message: on ? `Editing the draft of ${this.host.layout.name}.` : 'Back to the published exhibits.' });
    this.deps.log.info({ sessionId, on, curator: who.avatar.name }, 'edit mode');
  }

  private leave(sessionId: string): void {
    this.editors.delete(sessionId);
    this.host.client(sessionId)?.view?.remove(this.host.draft);
  }

  private editing(sessionId: string): void {
    if (!this.editors.has(sessionId)) throw new Refusal(ErrorCode.CONFLICT, 'Turn on edit mode first.');
  }

  private existing(id: string): Exhibit {
    const e = this.committed.get(id);
    if (!e) throw new Refusal(ErrorCode.NOT_FOUND, 'That exhibit is not in the draft (someone may have deleted it).');
    return e;
  }

  private lockedByOther(sessionId: string, id: string): void {
    const s = this.host.draft.exhibits.get(id);
    if (s && s.lockedBy && s.lockedBy !== sessionId) throw new Refusal(ErrorCode.CONFLICT, `${s.lockedName} is moving this exhibit right now.`);
  }

  private inside(t: Transform): void {
    const b = this.host.layout.bounds;
    if (t.x < b.minX - BOUNDS_MARGIN || t.x > b.maxX + BOUNDS_MARGIN || t.z < b.minZ - BOUNDS_MARGIN || t.z > b.maxZ + BOUNDS_MARGIN) {
      throw new Refusal(ErrorCode.INVALID_INPUT, 'Exhibits must stand inside the space.');
    }
  }

  private async create(sessionId: string, who: Occupant, m: z.infer<typeof ExhibitCreateMessage>): Promise<void> {
    this.editing(sessionId);
    this.inside(m.transform);
    const exhibit: Exhibit = {
      id: randomBytes(9).toString('base64url'),
      title: m.title ?? `New ${KIND_LABEL[m.kind].toLowerCase()}`,
      alt: '',
      provenance: { author: who.avatar.name, sources: [] },
      transform: m.transform,
      content: newContent(m.kind),
    };
    await this.commit(sessionId, who, { id: exhibit.id, label: `Add “${exhibit.title}”`, before: null, after: exhibit }, 'exhibit.create');
  }

  private async update(sessionId: string, who: Occupant, m: z.infer<typeof ExhibitUpdateMessage>): Promise<void> {
    this.editing(sessionId);
    const before = this.existing(m.id);
    if (m.content && m.content.kind !== before.content.kind) {
      throw new Refusal(ErrorCode.INVALID_INPUT, `This exhibit is a ${KIND_LABEL[before.content.kind].toLowerCase()}; its kind cannot change.`);
    }
    const parsed = Exhibit.safeParse({ ...before, ...m.text, content: m.content ?? before.content });
    if (!parsed.success) throw new Refusal(ErrorCode.INVALID_INPUT, parsed.error.issues[0]?.message ?? 'That change does not fit the exhibit model.');
    const after = parsed.data;
    const c = after.content;
    const files = c.kind === 'image' ? [c.image] : c.kind === 'video' ? [c.video, c.captions] : c.kind === 'model' ? [c.model] : [];
    for (const f of files) {
      const asset = f ? await this.deps.repos.assets.get(f.sha256) : undefined;
      if (f && (!asset || asset.type !== f.type)) throw new Refusal(ErrorCode.INVALID_INPUT, 'That file has not been uploaded here (upload it first).');
    }
    if (same(before, after)) return this.ack(sessionId, ClientMessage.ExhibitUpdate, m.id, 'No change.');
    await this.commit(sessionId, who, { id: m.id, label: `Edit “${after.title}”`, before, after }, 'exhibit.update');
  }

  private async move(sessionId: string, who: Occupant, m: z.infer<typeof ExhibitMoveMessage>): Promise<void> {
    this.editing(sessionId);
    const before = this.existing(m.id);
    this.inside(m.transform);
    const s = this.host.draft.exhibits.get(m.id)!;
    if (!m.final) {
      // A drag in progress: shown to the other curators, stored only on the drop.
      if (s.lockedBy !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'Grab the exhibit (lock it) before dragging it.');
      this.place(s, m.transform);
      return;
    }
    this.lockedByOther(sessionId, m.id);
    const after: Exhibit = { ...before, transform: m.transform };
    if (s.lockedBy === sessionId) {
      s.lockedBy = '';
      s.lockedName = '';
    }
    if (same(before, after)) {
      this.place(s, before.transform);
      return this.ack(sessionId, ClientMessage.ExhibitMove, m.id, 'No change.');
    }
    try {
      await this.commit(sessionId, who, { id: m.id, label: `Move “${after.title}”`, before, after }, 'exhibit.move');
    } catch (err) {
      // Not stored: the exhibit goes back to where it was.
      this.place(s, before.transform);
      throw err;
    }
  }

  private async lock(sessionId: string, who: Occupant, id: string): Promise<void> {
    this.editing(sessionId);
    this.existing(id);
    this.lockedByOther(sessionId, id);
    const s = this.host.draft.exhibits.get(id)!;
    s.lockedBy = sessionId;
    s.lockedName = who.avatar.name;
    this.ack(sessionId, ClientMessage.ExhibitLock, id, 'Locked.');
  }

  private async unlock(sessionId: string, id: string): Promise<void> {
    this.editing(sessionId);
    const s = this.host.draft.exhibits.get(id);
    if (!s || s.lockedBy !== sessionId) throw new Refusal(ErrorCode.CONFLICT, 'You are not holding that exhibit.');
    this.release(s);
    this.ack(sessionId, ClientMessage.ExhibitUnlock, id, 'Released.');
  }

  /** Ends a drag without storing it: back to the committed place, lock free. */
  private release(s: ExhibitState): void {
    s.lockedBy = '';
    s.lockedName = '';
    const committed = this.committed.get(s.id);
    if (committed) this.place(s, committed.transform);
  }

  private async remove(sessionId: string, who: Occupant, id: string): Promise<void> {
    this.editing(sessionId);
    const before = this.existing(id);
    this.lockedByOther(sessionId, id);
    await this.commit(sessionId, who, { id, label: `Delete “${before.title}”`, before, after: null }, 'exhibit.delete');
  }

  private async duplicate(sessionId: string, who: Occupant, id: string): Promise<void> {
    this.editing(sessionId);
    const source = this.existing(id);
    const t = source.transform;
    // Half a metre to the source's right, so the copy is visible at once.
    const transform = { ...t, x: t.x + 0.5 * Math.cos(t.ry), z: t.z - 0.5 * Math.sin(t.ry) };
    const copy: Exhibit = { ...structuredClone(source), id: randomBytes(9).toString('base64url'), title: `${source.title} (copy)`.slice(0, 120), transform };
    this.inside(transform);
    await this.commit(sessionId, who, { id: copy.id, label: `Duplicate “${source.title}”`, before: null, after: copy }, 'exhibit.duplicate');
  }

  /** Undo (or redo) this curator's last change, unless someone has changed that exhibit since. */
  private async travel(sessionId: string, who: Occupant, direction: 'undo' | 'redo'): Promise<void> {
    this.editing(sessionId);
    const history = this.historyOf(who);
    const stack = direction === 'undo' ? history.undo : history.redo;
    const step = stack.at(-1);
    if (!step) throw new Refusal(ErrorCode.CONFLICT, direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    const [from, to] = direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
    const current = this.committed.get(step.id) ?? null;
    if (!same(current, from)) {
      stack.pop();
      this.sendHistory(sessionId);
      throw new Refusal(ErrorCode.CONFLICT, `Someone else has changed “${(current ?? from)?.title ?? 'that exhibit'}” since, so this step cannot be ${direction === 'undo' ? 'undone' : 'redone'}.`);
    }
    this.lockedByOther(sessionId, step.id);
    await this.store(who, { ...step, before: from, after: to }, `exhibit.${direction}`);
    stack.pop();
    (direction === 'undo' ? history.redo : history.undo).push(step);
    this.ack(sessionId, direction === 'undo' ? ClientMessage.EditUndo : ClientMessage.EditRedo, step.id, `${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.label}.`);
    this.sendHistory(sessionId);
  }

  /** A new change by this curator: stored, shown, acknowledged, and undoable. */
  private async commit(sessionId: string, who: Occupant, change: Change, action: keyof typeof ACK_REF): Promise<void> {
    await this.store(who, change, action);
    const history = this.historyOf(who);
    history.undo.push(change);
    if (history.undo.length > HISTORY_LIMIT) history.undo.shift();
    history.redo.length = 0;
    this.ack(sessionId, ACK_REF[action], change.id, `${change.label}: saved to the draft.`);
    this.sendHistory(sessionId);
  }

  /** Committed (with its audit entry) before anyone is told; then the room state follows. */
  private async store(who: Occupant, change: Change, action: string): Promise<void> {
    const spaceId = this.host.layout.id;
    await this.deps.repos.transaction(async (r) => {
      if (change.after) await r.exhibits.putDraft(spaceId, change.after, who.identity.accountId);
      else await r.exhibits.deleteDraft(spaceId, change.id);
      await r.audit.append({
        actorId: actorOf(who.identity), action, targetType: 'exhibit', targetId: change.id,
        detail: { spaceId, title: (change.after ?? change.before)?.title ?? null, kind: (change.after ?? change.before)?.content.kind ?? null },
      });
    });
    const draft = this.host.draft;
    if (change.after) {
      this.committed.set(change.id, change.after);
      const s = draft.exhibits.get(change.id);
      if (s) this.fill(s, change.after);
      else draft.exhibits.set(change.id, this.toState(change.after));
    } else {
      this.committed.delete(change.id);
      draft.exhibits.delete(change.id);
    }
    draft.rev++;
    draft.dirty = this.isDirty();
  }

  private isDirty(): boolean {
    return JSON.stringify([...this.committed.values()]) !== this.publishedJson;
  }

  private historyOf(who: Occupant): { undo: Change[]; redo: Change[] } {
    const key = actorOf(who.identity);
    let h = this.histories.get(key);
    if (!h) this.histories.set(key, h = { undo: [], redo: [] });
    return h;
  }

  private sendHistory(sessionId: string): void {
    const who = this.host.occupant(sessionId);
    if (!who) return;
    const h = this.histories.get(actorOf(who.identity)) ?? { undo: [], redo: [] };
    const history: EditHistory = { undo: h.undo.length, redo: h.redo.length, undoLabel: h.undo.at(-1)?.label ?? '', redoLabel: h.redo.at(-1)?.label ?? '' };
    this.host.send(sessionId, ServerMessage.EditHistory, history);
  }

  private ack(sessionId: string, ref: string, id: string, message: string): void {
    this.host.send(sessionId, ServerMessage.Ack, { ref, id, message });
  }

  private toState(e: Exhibit): ExhibitState {
    const s = new ExhibitState();
    s.id = e.id;
    s.lockedBy = '';
    s.lockedName = '';
    s.rev = 0;
    this.fill(s, e);
    return s;
  }

  private fill(s: ExhibitState, e: Exhibit): void {
    s.kind = e.content.kind;
    s.title = e.title;
    s.data = exhibitData(e);
    s.rev = s.rev + 1;
    if (!s.lockedBy) this.place(s, e.transform);
  }

  private place(s: ExhibitState, t: Transform): void {
    s.x = t.x;
    s.y = t.y;
    s.z = t.z;
    s.rx = t.rx;
    s.ry = t.ry;
    s.rz = t.rz;
    s.scale = t.scale;
  }
}
