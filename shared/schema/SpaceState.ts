import { schema, type SchemaType } from '@colyseus/schema';
import { Avatar } from './Avatar.js';
import { HallState } from './Hall.js';

/** The synchronised state of one space instance. Avatars are keyed by session id. */
export const SpaceState = schema({
  spaceId: 'string',
  avatars: { map: Avatar },
  /** The town hall's event, questions, floor mic and speakers (present but empty in other spaces). */
  hall: HallState,
}, 'SpaceState');
export type SpaceState = SchemaType<typeof SpaceState>;
