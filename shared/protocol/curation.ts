import { z } from 'zod';
import { ExhibitContent, ExhibitId, ExhibitText, PLACEABLE_KINDS, Transform } from '../exhibits/exhibit.js';

/**
 * Curators' edit operations on a space's draft, as room messages. Each is checked against the
 * permissions table (exhibit.edit) and these schemas, committed to the store (with an audit
 * entry) before it is acknowledged, and then shows in the draft every curator in edit mode
 * sees through the room state.
 */

/** Enter or leave edit mode: the draft is part of your room state only while you edit. */
export const EditModeMessage = z.strictObject({ on: z.boolean() });
export type EditModeMessage = z.infer<typeof EditModeMessage>;

export const ExhibitCreateMessage = z.strictObject({
  kind: z.enum(PLACEABLE_KINDS),
  transform: Transform,
  title: ExhibitText.shape.title.optional(),
});
export type ExhibitCreateMessage = z.infer<typeof ExhibitCreateMessage>;

/** Changes to an exhibit's text and content (its kind cannot change). */
export const ExhibitUpdateMessage = z.strictObject({
  id: ExhibitId,
  text: ExhibitText.partial().optional(),
  content: ExhibitContent.optional(),
}).refine((m) => m.text !== undefined || m.content !== undefined, 'An update changes the text, the content or both.');
export type ExhibitUpdateMessage = z.infer<typeof ExhibitUpdateMessage>;

/**
 * Moving, turning or scaling. `final: false` is a live preview while dragging (you must hold
 * the exhibit's lock; nothing is stored); `final: true` commits the transform (a drop, or a
 * keyboard nudge) and releases your lock.
 */
export const ExhibitMoveMessage = z.strictObject({ id: ExhibitId, transform: Transform, final: z.boolean() });
export type ExhibitMoveMessage = z.infer<typeof ExhibitMoveMessage>;

/** Lock (start dragging), unlock (cancel a drag: back to the stored transform), delete, duplicate. */
export const ExhibitIdMessage = z.strictObject({ id: ExhibitId });
export type ExhibitIdMessage = z.infer<typeof ExhibitIdMessage>;

/** Undo or redo your own last operation in this space. */
export const EditHistoryMessage = z.strictObject({});

/** After each of your operations: how many you can undo and redo, and what they were. */
export interface EditHistory {
  undo: number;
  redo: number;
  /** e.g. "Move “Housing plan”"; '' when there is nothing. */
  undoLabel: string;
  redoLabel: string;
}
