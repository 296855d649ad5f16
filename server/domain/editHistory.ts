import type { Exhibit } from '../../shared/exhibits/exhibit.js';
import type { EditHistory } from '../../shared/protocol/curation.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from './refusal.js';

/** One stored change, for undo and redo: the exhibit before and after (null: absent). */
export interface Change {
  id: string;
  label: string;
  before: Exhibit | null;
  after: Exhibit | null;
}

export type Direction = 'undo' | 'redo';

/** Undo steps kept per curator in a room. */
export const HISTORY_LIMIT = 100;

export const sameExhibit = (a: Exhibit | null | undefined, b: Exhibit | null | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface Stacks { undo: Change[]; redo: Change[] }

/**
 * Each curator's own undo and redo: a new change clears redo; a step can be taken only while
 * the exhibit is still as that step left it (someone else's later change drops the step).
 */
export class EditHistories {
  private readonly byActor = new Map<string, Stacks>();

  private of(actor: string): Stacks {
    let h = this.byActor.get(actor);
    if (!h) this.byActor.set(actor, h = { undo: [], redo: [] });
    return h;
  }

  /** A new change by `actor` (after it is stored). */
  record(actor: string, change: Change): void {
    const h = this.of(actor);
    h.undo.push(change);
    if (h.undo.length > HISTORY_LIMIT) h.undo.shift();
    h.redo.length = 0;
  }

  /**
   * The next step to undo or redo, given the exhibit as committed now: the step, the state it
   * expects (from) and the state it restores (to). Refuses when there is none, or (dropping the
   * step) when someone else changed the exhibit since.
   */
  next(actor: string, direction: Direction, current: (id: string) => Exhibit | null): { step: Change; from: Exhibit | null; to: Exhibit | null } {
    const h = this.of(actor);
    const stack = direction === 'undo' ? h.undo : h.redo;
    const step = stack.at(-1);
    if (!step) throw new Refusal(ErrorCode.CONFLICT, direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    const [from, to] = direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
    const now = current(step.id);
    if (!sameExhibit(now, from)) {
      stack.pop();
      throw new StaleStep(`Someone else has changed “${(now ?? from)?.title ?? 'that exhibit'}” since, so this step cannot be ${direction === 'undo' ? 'undone' : 'redone'}.`);
    }
    return { step, from, to };
  }

  /** The step from `next` was stored: it moves to the other stack. */
  done(actor: string, direction: Direction): void {
    const h = this.of(actor);
    const step = (direction === 'undo' ? h.undo : h.redo).pop();
    if (step) (direction === 'undo' ? h.redo : h.undo).push(step);
  }

  summary(actor: string): EditHistory {
    const h = this.byActor.get(actor) ?? { undo: [], redo: [] };
    return { undo: h.undo.length, redo: h.redo.length, undoLabel: h.undo.at(-1)?.label ?? '', redoLabel: h.redo.at(-1)?.label ?? '' };
  }

  clear(): void {
    this.byActor.clear();
  }
}

/** A step that no longer applies (and was dropped): the curator's history changed. */
export class StaleStep extends Refusal {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}
