import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Exhibit } from '../../shared/exhibits/exhibit.js';
import type { ExhibitCreateMessage, ExhibitMoveMessage, ExhibitUpdateMessage } from '../../shared/protocol/curation.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import { actorOf } from '../auth/sessions.js';
import { sameExhibit, StaleStep, type Direction, type EditHistories } from '../domain/editHistory.js';
import { duplicateOf, editedExhibit, filesOf, newExhibit } from '../domain/exhibitEdits.js';
import { checkInside, checkMayDrag, checkNotHeldByOther, freeLock } from '../domain/exhibitLocks.js';
import type { CurationDeps, CurationHost, NewChange } from './curation.js';
import { place, type DraftMirror } from './curationDraft.js';
import { Refusal, type Occupant } from './occupant.js';

/** What the exhibit operations use of Curation. */
export interface OpsContext {
  readonly host: CurationHost;
  readonly deps: CurationDeps;
  readonly mirror: DraftMirror;
  readonly histories: EditHistories;
  editing(sessionId: string): void;
  commit: NewChange;
  ack(sessionId: string, ref: string, id: string, message: string): void;
  sendHistory(sessionId: string): void;
}

const newId = () => randomBytes(9).toString('base64url');

/** Creating, editing, moving, duplicating, undoing and redoing exhibits in the draft. */
export class ExhibitOps {
  constructor(private readonly c: OpsContext) {}

  async create(sessionId: string, who: Occupant, m: z.infer<typeof ExhibitCreateMessage>): Promise<void> {
    this.c.editing(sessionId);
    checkInside(this.c.host.layout, m.transform);
    const exhibit = newExhibit(newId(), m.kind, m.transform, m.title, who.avatar.name);
    await this.c.commit(sessionId, who, { id: exhibit.id, label: `Add “${exhibit.title}”`, before: null, after: exhibit }, 'exhibit.create');
  }

  async update(sessionId: string, who: Occupant, m: z.infer<typeof ExhibitUpdateMessage>): Promise<void> {
    this.c.editing(sessionId);
    const before = this.c.mirror.existing(m.id);
    const after = editedExhibit(before, m.text, m.content);
    for (const f of filesOf(after)) {
      const asset = await this.c.deps.repos.assets.get(f.sha256);
      if (!asset || asset.type !== f.type) throw new Refusal(ErrorCode.INVALID_INPUT, 'That file has not been uploaded here (upload it first).');
    }
    if (sameExhibit(before, after)) return this.c.ack(sessionId, ClientMessage.ExhibitUpdate, m.id, 'No change.');
    await this.c.commit(sessionId, who, { id: m.id, label: `Edit “${after.title}”`, before, after }, 'exhibit.update');
  }

  async move(sessionId: string, who: Occupant, m: z.infer<typeof ExhibitMoveMessage>): Promise<void> {
    this.c.editing(sessionId);
    const before = this.c.mirror.existing(m.id);
    checkInside(this.c.host.layout, m.transform);
    const s = this.c.mirror.shown(m.id)!;
    if (!m.final) {
      // A drag in progress: shown to the other curators, stored only on the drop.
      checkMayDrag(s, sessionId);
      place(s, m.transform);
      return;
    }
    checkNotHeldByOther(s, sessionId);
    const after: Exhibit = { ...before, transform: m.transform };
    if (s.lockedBy === sessionId) freeLock(s);
    if (sameExhibit(before, after)) {
      place(s, before.transform);
      return this.c.ack(sessionId, ClientMessage.ExhibitMove, m.id, 'No change.');
    }
    try {
      await this.c.commit(sessionId, who, { id: m.id, label: `Move “${after.title}”`, before, after }, 'exhibit.move');
    } catch (err) {
      // Not stored: the exhibit goes back to where it was.
      place(s, before.transform);
      throw err;
    }
  }

  async duplicate(sessionId: string, who: Occupant, id: string): Promise<void> {
    this.c.editing(sessionId);
    const source = this.c.mirror.existing(id);
    const copy = duplicateOf(source, newId());
    checkInside(this.c.host.layout, copy.transform);
    await this.c.commit(sessionId, who, { id: copy.id, label: `Duplicate “${source.title}”`, before: null, after: copy }, 'exhibit.duplicate');
  }

  /** Undo (or redo) this curator's last change, unless someone has changed that exhibit since. */
  async travel(sessionId: string, who: Occupant, direction: Direction): Promise<void> {
    this.c.editing(sessionId);
    const actor = actorOf(who.identity);
    let next;
    try {
      next = this.c.histories.next(actor, direction, (id) => this.c.mirror.current(id));
    } catch (err) {
      if (err instanceof StaleStep) this.c.sendHistory(sessionId);
      throw err;
    }
    const { step, from, to } = next;
    checkNotHeldByOther(this.c.mirror.shown(step.id), sessionId);
    await this.c.mirror.store(who, { ...step, before: from, after: to }, `exhibit.${direction}`);
    this.c.histories.done(actor, direction);
    this.c.ack(sessionId, direction === 'undo' ? ClientMessage.EditUndo : ClientMessage.EditRedo, step.id, `${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.label}.`);
    this.c.sendHistory(sessionId);
  }
}
