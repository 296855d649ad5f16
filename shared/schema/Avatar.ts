import { schema, type SchemaType } from '@colyseus/schema';

/** One person in a space, as every client sees them. Written only by the server. */
export const Avatar = schema({
  name: 'string',
  x: 'float32',
  z: 'float32',
  yaw: 'float32',
  /** 0 standing, 1 walking, 2 running. */
  gait: 'uint8',
  /** The last movement input the server applied for this avatar (its owner reconciles against it). */
  ack: 'uint32',
  /** A colour index for the avatar's body, chosen by the server. */
  hue: 'uint16',
  /** How this person looks (shared/protocol/look.ts packLook): chosen by them, kept for their account or session. */
  look: 'uint32',
  /** False while the server holds the place of someone whose connection dropped. */
  connected: 'boolean',
  /** The badge on the name tag: a Role from shared/access.ts ('visitor' shows none). */
  role: 'string',
  /** The seat index (layout.seats) the avatar sits in, or -1 when standing. */
  seat: 'int16',
  /**
   * 0 with no hand raised; otherwise when it went up, in ms since the epoch (lower raised first;
   * server/domain/stageMirror.ts handOrder), so hands in every section of an event queue together.
   */
  hand: 'float64',
  /**
   * The avatar's number in motion frames (shared/protocol/motion.ts), which carry its pose while
   * it moves; x, z, yaw, gait and ack above are its pose when it last came to rest.
   */
  slot: 'uint16',
}, 'Avatar');
export type Avatar = SchemaType<typeof Avatar>;
