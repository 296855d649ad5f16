import { schema, type SchemaType } from '@colyseus/schema';
import { Avatar } from './Avatar.js';

/** The synchronised state of one space instance. Avatars are keyed by session id. */
export const SpaceState = schema({
  spaceId: 'string',
  avatars: { map: Avatar },
}, 'SpaceState');
export type SpaceState = SchemaType<typeof SpaceState>;
