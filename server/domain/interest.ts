/**
 * Interest management: who hears about whose movement, and how often. The floor is cut into
 * square cells; a client gets the avatars in its own cell and the eight around it every tick
 * (near), the next ring out every MID_EVERY ticks (mid), and everyone else every FAR_EVERY
 * ticks (far), each avatar on its own turn so the far sends spread evenly over the ticks.
 * Only avatars whose pose changed are sent, so seated and idle people cost nothing per tick.
 * Pure functions: the room's motion channel (server/rooms/motionChannel.ts) applies them.
 */
export const INTEREST = {
  /** Cell edge in metres. */
  cellM: 4,
  /** Rings of cells around the client's own: near (every tick) and mid. */
  nearRing: 1,
  midRing: 2,
  midEveryTicks: 4,
  farEveryTicks: 40,
} as const;

const SPAN = 4096;
const HALF = SPAN / 2;

/** The cell under a point, as one number (cells from -2048 to 2047 on each axis). */
export function cellOf(x: number, z: number, cellM: number = INTEREST.cellM): number {
  const cx = Math.max(-HALF, Math.min(HALF - 1, Math.floor(x / cellM)));
  const cz = Math.max(-HALF, Math.min(HALF - 1, Math.floor(z / cellM)));
  return (cx + HALF) * SPAN + (cz + HALF);
}

function unpack(cell: number): [number, number] {
  return [Math.floor(cell / SPAN) - HALF, (cell % SPAN) - HALF];
}

/** The cells whose Chebyshev distance from `cell` is from `inner` to `outer` (inclusive). */
export function cellsBetween(cell: number, inner: number, outer: number): number[] {
  const [cx, cz] = unpack(cell);
  const out: number[] = [];
  for (let dx = -outer; dx <= outer; dx++) {
    for (let dz = -outer; dz <= outer; dz++) {
      if (Math.max(Math.abs(dx), Math.abs(dz)) < inner) continue;
      const x = cx + dx;
      const z = cz + dz;
      if (x < -HALF || x >= HALF || z < -HALF || z >= HALF) continue;
      out.push((x + HALF) * SPAN + (z + HALF));
    }
  }
  return out;
}

/** The near cells of a client in `cell`: its own and the ring around it. */
export function nearCells(cell: number): number[] {
  return cellsBetween(cell, 0, INTEREST.nearRing);
}

/** The mid cells: the ring beyond the near ones. */
export function midCells(cell: number): number[] {
  return cellsBetween(cell, INTEREST.nearRing + 1, INTEREST.midRing);
}

/** Does this tick carry the mid ring's changes (those since the last mid tick)? */
export function isMidTick(tick: number): boolean {
  return tick % INTEREST.midEveryTicks === 0;
}

/** Is it this avatar's turn to be sent to everyone far away (if it moved since its last turn)? */
export function isFarTurn(slot: number, tick: number): boolean {
  return tick % INTEREST.farEveryTicks === slot % INTEREST.farEveryTicks;
}

/** How far apart two cells are, in rings (0: the same cell). */
export function ringsApart(a: number, b: number): number {
  const [ax, az] = unpack(a);
  const [bx, bz] = unpack(b);
  return Math.max(Math.abs(ax - bx), Math.abs(az - bz));
}

/**
 * How often (ticks between updates) a viewer in `viewerCell` hears of a moving avatar in
 * `avatarCell`: 1 near, midEveryTicks in the next ring, farEveryTicks beyond.
 */
export function updateEvery(viewerCell: number, avatarCell: number): number {
  const rings = ringsApart(viewerCell, avatarCell);
  if (rings <= INTEREST.nearRing) return 1;
  if (rings <= INTEREST.midRing) return INTEREST.midEveryTicks;
  return INTEREST.farEveryTicks;
}

/**
 * A moving avatar's pose goes into the room state (to everyone, joiners included) only when it
 * comes to rest: seated, stopped, teleported; while it walks, motion frames carry it.
 */
export function publishesPose(gait: number, changedSincePublished: boolean): boolean {
  return gait === 0 && changedSincePublished;
}
