import type { Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import type { z } from 'zod';
import { allows } from '../../shared/access.js';
import type { Exhibit } from '../../shared/exhibits/exhibit.js';
import { EditHistoryMessage, EditModeMessage, ExhibitCreateMessage, ExhibitIdMessage, ExhibitMoveMessage, ExhibitUpdateMessage } from '../../shared/protocol/curation.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { DraftState } from '../../shared/schema/Draft.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { actorOf } from '../auth/sessions.js';
import { EditHistories, type Change } from '../domain/editHistory.js';
import { checkHolds, checkNotHeldByOther, takeLock } from '../domain/exhibitLocks.js';
import type { Logger } from '../log.js';
import type { Repos } from '../store/repos.js';
import { DraftMirror } from './curationDraft.js';
import { ExhibitOps, type OpsContext } from './curationOps.js';
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

/** Stores a new change by a curator, shows and acknowledges it, and makes it undoable. */
export type NewChange = (sessionId: string, who: Occupant, change: Change, action: keyof typeof ACK_REF) => Promise<void>;

export interface CurationDeps {
  repos: Pick<Repos, 'exhibits' | 'assets' | 'audit' | 'transaction'>;
  log: Logger;
}

/** The message each new change answers, by its audit action. */
const ACK_REF = {
  'exhibit.create': ClientMessage.ExhibitCreate, 'exhibit.update': ClientMessage.ExhibitUpdate, 'exhibit.move': ClientMessage.ExhibitMove,
  'exhibit.delete': ClientMessage.ExhibitDelete, 'exhibit.duplicate': ClientMessage.ExhibitDuplicate,
} as const;

/**
 * A space's exhibits in a room: curators edit the draft live (curationDraft.ts keeps it; the
 * rules for undo/redo and drag locks are server/domain/editHistory.ts and exhibitLocks.ts).
 * Operations run one at a time per room, in arrival order.
 */
export class Curation implements OpsContext {
  readonly mirror: DraftMirror;
  readonly histories = new EditHistories();
  private readonly editors = new Set<string>();
  private readonly ops = new ExhibitOps(this);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly host: CurationHost, readonly deps: CurationDeps) {
    this.mirror = new DraftMirror(host.layout.id, host.draft, deps.repos);
  }

  register(on: Register): void {
    const op = <T>(type: ClientMessage, schema: z.ZodType<T>, invalid: string, work: (id: string, who: Occupant, m: T) => Promise<void>) =>
      on(type, schema, invalid, (id, who, m) => this.serial(() => work(id, who, m)));
    op(ClientMessage.EditMode, EditModeMessage, 'Edit mode is {on: true|false}.', (id, who, m) => this.editMode(id, who, m.on));
    op(ClientMessage.ExhibitCreate, ExhibitCreateMessage, 'A new exhibit is {kind, transform: {x, y, z, rx, ry, rz, scale}, title?} with numbers in range.', (id, who, m) => this.ops.create(id, who, m));
    op(ClientMessage.ExhibitUpdate, ExhibitUpdateMessage, 'An update is {id, text?: {title?, alt?, provenance?}, content?} matching the exhibit model.', (id, who, m) => this.ops.update(id, who, m));
    op(ClientMessage.ExhibitMove, ExhibitMoveMessage, 'A move is {id, transform: {x, y, z, rx, ry, rz, scale}, final} with numbers in range.', (id, who, m) => this.ops.move(id, who, m));
    op(ClientMessage.ExhibitLock, ExhibitIdMessage, 'A lock names an exhibit: {id}.', async (id, who, m) => {
      this.held(id, m.id);
      takeLock(this.mirror.shown(m.id)!, id, who.avatar.name);
      this.ack(id, ClientMessage.ExhibitLock, m.id, 'Locked.');
    });
    op(ClientMessage.ExhibitUnlock, ExhibitIdMessage, 'An unlock names an exhibit: {id}.', async (id, _who, m) => {
      this.editing(id);
      checkHolds(this.mirror.shown(m.id), id);
      this.mirror.release(this.mirror.shown(m.id)!);
      this.ack(id, ClientMessage.ExhibitUnlock, m.id, 'Released.');
    });
    op(ClientMessage.ExhibitDelete, ExhibitIdMessage, 'A deletion names an exhibit: {id}.', async (id, who, m) => {
      const before = this.held(id, m.id);
      await this.commit(id, who, { id: m.id, label: `Delete “${before.title}”`, before, after: null }, 'exhibit.delete');
    });
    op(ClientMessage.ExhibitDuplicate, ExhibitIdMessage, 'A duplicate names an exhibit: {id}.', (id, who, m) => this.ops.duplicate(id, who, m.id));
    op(ClientMessage.EditUndo, EditHistoryMessage, 'Undo takes no fields.', (id, who) => this.ops.travel(id, who, 'undo'));
    op(ClientMessage.EditRedo, EditHistoryMessage, 'Redo takes no fields.', (id, who) => this.ops.travel(id, who, 'redo'));
  }

  /** At room creation, and on each publish: which published version visitors load. */
  async loadPublished(): Promise<void> {
    this.host.setPublishedVersion(await this.mirror.loadPublished());
  }

  /** A version was restored as the draft over HTTP: show it, and forget undo steps that no longer apply. */
  async reloadDraft(): Promise<void> {
    await this.serial(async () => {
      await this.mirror.reload();
      this.histories.clear();
      for (const id of this.editors) this.sendHistory(id);
    });
  }

  /** A connection left for good: its drags end (back to the stored place) and it leaves edit mode. */
  onGone(sessionId: string): void {
    this.editors.delete(sessionId);
    for (const s of this.mirror.locks()) if (s.lockedBy === sessionId) this.mirror.release(s);
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

  private async editMode(sessionId: string, who: Occupant, on: boolean): Promise<void> {
    const client = this.host.client(sessionId);
    if (!client) return;
    if (on) {
      await this.mirror.ensureLoaded();
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

  editing(sessionId: string): void {
    if (!this.editors.has(sessionId)) throw new Refusal(ErrorCode.CONFLICT, 'Turn on edit mode first.');
  }

  /** In edit mode, an exhibit in the draft that no other curator is dragging. */
  private held(sessionId: string, id: string): Exhibit {
    this.editing(sessionId);
    const e = this.mirror.existing(id);
    checkNotHeldByOther(this.mirror.shown(id), sessionId);
    return e;
  }

  /** A new change by this curator: stored, shown, acknowledged, and undoable. */
  async commit(sessionId: string, who: Occupant, change: Change, action: keyof typeof ACK_REF): Promise<void> {
    await this.mirror.store(who, change, action);
    this.histories.record(actorOf(who.identity), change);
    this.ack(sessionId, ACK_REF[action], change.id, `${change.label}: saved to the draft.`);
    this.sendHistory(sessionId);
  }

  sendHistory(sessionId: string): void {
    const who = this.host.occupant(sessionId);
    if (who) this.host.send(sessionId, ServerMessage.EditHistory, this.histories.summary(actorOf(who.identity)));
  }

  ack(sessionId: string, ref: string, id: string, message: string): void {
    this.host.send(sessionId, ServerMessage.Ack, { ref, id, message });
  }
}
