import { z } from 'zod';

/**
 * A space is data: bounds, walls and obstacles, spawn points and portals.
 * The server's collision code and the client's renderer read the same document.
 * Coordinates are metres on the ground plane (x to the east, z to the south); y is up.
 */

const finite = z.number().finite();
const SpaceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'space ids are lowercase letters, digits and dashes');

/** An axis-aligned box: a wall section, a building block, a stage, a plinth. */
export const Box = z.object({
  x: finite, z: finite,
  /** Extent along x and z, and height. */
  w: finite.positive(), d: finite.positive(), h: finite.positive(),
  kind: z.enum(['wall', 'building', 'stage', 'furniture']),
  color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
  /** Solid boxes block movement; a stage you can walk onto is not solid. */
  solid: z.boolean().default(true),
});
export type Box = z.infer<typeof Box>;

/** A round obstacle: a tree, a pillar, a fountain. */
export const Circle = z.object({
  x: finite, z: finite, r: finite.positive(), h: finite.positive(),
  kind: z.enum(['tree', 'pillar', 'fountain', 'lamp']),
});
export type Circle = z.infer<typeof Circle>;

export const Spawn = z.object({
  id: z.string().min(1).max(40),
  x: finite, z: finite, yaw: finite,
});
export type Spawn = z.infer<typeof Spawn>;

/** Standing inside the rectangle takes the visitor to `to`, arriving at spawn `toSpawn`. */
export const Portal = z.object({
  id: z.string().min(1).max(40),
  x: finite, z: finite, w: finite.positive(), d: finite.positive(),
  to: SpaceId,
  toSpawn: z.string().min(1).max(40),
  label: z.string().min(1).max(60),
  /** Which way the doorway faces (radians, same convention as avatar yaw); used to draw the frame and sign. */
  facing: finite.default(0),
});
export type Portal = z.infer<typeof Portal>;

/** A sign drawn in the world: building names, directions. */
export const Sign = z.object({
  text: z.string().min(1).max(60),
  x: finite, y: finite, z: finite, yaw: finite, size: finite.positive().default(1),
  /** Drawn on a board on a post (a wayfinding sign) rather than on a wall. */
  board: z.boolean().optional(),
});
export type Sign = z.infer<typeof Sign>;

/**
 * A paved path or a carpet drawn on the floor from one point to another (wayfinding: it leads
 * somewhere). Drawn only; it does not change where people may walk.
 */
export const Path = z.object({
  x1: finite, z1: finite, x2: finite, z2: finite,
  w: finite.positive().max(20),
  color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
});
export type Path = z.infer<typeof Path>;

/** A seat: where a sitting avatar is (y is the seat's height), facing `yaw`. */
export const Seat = z.object({
  x: finite, z: finite, yaw: finite,
  y: finite.min(0).max(10).default(0),
});
export type Seat = z.infer<typeof Seat>;

/**
 * What makes a space a town hall, besides its stage boxes (kind 'stage': only hosts and
 * moderators may walk onto them): the screen behind the stage and the floor microphone.
 */
export const StageSetup = z.object({
  /** The screen's centre and facing: the plane it is drawn in (in front of the wall it hangs on). */
  screen: z.object({ x: finite, y: finite, z: finite, yaw: finite, width: finite.positive(), height: finite.positive() }),
  /** Where a visitor called to the floor stands, facing the stage. */
  floorMic: z.object({ x: finite, z: finite, yaw: finite }),
});
export type StageSetup = z.infer<typeof StageSetup>;

export const VoiceMode = z.enum(['open', 'stage', 'off']);
export type VoiceMode = z.infer<typeof VoiceMode>;

/** The voice mode a space runs with (its own setting, else by whether it has a stage). */
export function voiceModeOf(layout: Pick<SpaceLayout, 'stage' | 'voice'>): VoiceMode {
  return layout.voice ?? (layout.stage ? 'stage' : 'open');
}

export const SpaceLayout = z.object({
  id: SpaceId,
  name: z.string().min(1).max(60),
  kind: z.enum(['plaza', 'townhall', 'hall']),
  /** Indoor spaces get a ceiling-less room look and warm light; outdoor get sky and sun. */
  setting: z.enum(['outdoor', 'indoor']),
  bounds: z.object({ minX: finite, maxX: finite, minZ: finite, maxZ: finite })
    .refine((b) => b.maxX - b.minX >= 4 && b.maxZ - b.minZ >= 4, 'bounds must be at least 4 m each way'),
  floorColor: z.string().regex(/^#[0-9a-f]{6}$/i),
  boxes: z.array(Box).max(500),
  circles: z.array(Circle).max(500),
  spawns: z.array(Spawn).min(1).max(64),
  portals: z.array(Portal).max(32),
  signs: z.array(Sign).max(64).default([]),
  paths: z.array(Path).max(64).default([]),
  stage: StageSetup.optional(),
  seats: z.array(Seat).max(2000).default([]),
  /**
   * Who may talk: 'open' (everyone, heard by the people near them), 'stage' (only the
   * speakers: hosts and moderators on the stage and the floor-mic holder), or 'off'. Unset:
   * 'stage' where there is a stage, else 'open' (see voiceModeOf).
   */
  voice: VoiceMode.optional(),
});
export type SpaceLayout = z.infer<typeof SpaceLayout>;
export type SpaceLayoutInput = z.input<typeof SpaceLayout>;
export { SpaceId };
