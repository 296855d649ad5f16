import { schema, type SchemaType } from '@colyseus/schema';
import { Avatar } from './Avatar.js';
import { HallState } from './Hall.js';

/** The synchronised state of one space instance. Avatars are keyed by session id. */
export const SpaceState = schema({
  spaceId: 'string',
  avatars: { map: Avatar },
  /** Only in town halls: the event, questions, floor mic and speakers. */
  hall: HallState,
}, 'SpaceState');
export type SpaceState = SchemaType<typeof SpaceState>;
