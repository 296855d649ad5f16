import { schema, type SchemaType } from '@colyseus/schema';
import { Avatar } from './Avatar.js';
import { DraftState } from './Draft.js';
import { HallState } from './Hall.js';

/** The synchronised state of one space instance. Avatars are keyed by session id. */
export const SpaceState = schema({
  spaceId: 'string',
  avatars: { map: Avatar },
  /** The town hall's event, questions, floor mic and speakers (present but empty in other spaces). */
  hall: HallState,
  /**
   * The published exhibits' version (0: none yet). Visitors load them from
   * GET /api/spaces/:id/exhibits and load again when this changes (a publish swaps them all).
   */
  exhibitsVersion: 'uint32',
  /** The draft, for curators in edit mode only (a StateView field). */
  draft: { type: DraftState, view: true },
}, 'SpaceState');
export type SpaceState = SchemaType<typeof SpaceState>;
