/** Timing and movement constants shared by the server simulation and client prediction. */

/** The server simulation runs at this fixed rate. Each movement input covers one step. */
export const TICK_HZ = 20;
export const TICK_MS = 1000 / TICK_HZ;
export const TICK_SECONDS = 1 / TICK_HZ;

/** Clients may send at most this many messages per second on average (token bucket refill). */
export const INPUT_MAX_HZ = 30;

/** Remote avatars are drawn this far behind the newest server state. */
export const INTERPOLATION_DELAY_MS = 100;

/** Metres per second. */
export const WALK_SPEED = 2.6;
export const RUN_SPEED = 5.2;

/** Avatars are circles of this radius for collision. */
export const AVATAR_RADIUS = 0.35;

/** Display names are trimmed and must be 1..32 characters. */
export const NAME_MAX_LENGTH = 32;
