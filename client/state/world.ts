import type { Role } from '../../shared/access.js';
import type { MoveInput } from '../../shared/protocol/messages.js';
import type { Reaction } from '../../shared/protocol/townhall.js';
import type { Gait, Pose } from '../../shared/spaces/movement.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import type { Camera, Scene, WebGLRenderer } from 'three';

/**
 * Transient world state: written by net/ and the simulation step, read in useFrame.
 * Plain mutable objects, never React state, so a frame costs no re-render.
 */

/**
 * Where an avatar was drawn this frame: its ground position, the height of what it stands or
 * sits on, and the top of its head (name tags, hands and reactions float above it).
 */
export interface Drawn {
  x: number; z: number; base: number; head: number;
  /** The body's yaw as drawn: it follows where the head looks, a little behind (set by <Avatars>). */
  body: number;
}

/** One server update of a remote avatar, stamped with the local time it arrived. */
export interface Snapshot { t: number; x: number; z: number; yaw: number; gait: number }

export interface RemoteAvatar {
  id: string;
  name: string;
  /** The badge drawn under the name tag ('visitor' draws none). */
  role: Role;
  hue: number;
  /** The packed look (shared/protocol/look.ts), 0 before the server sent one. */
  look: number;
  connected: boolean;
  /** A per-avatar offset for the walking bob, so a crowd does not bounce in step. */
  phase: number;
  /** Oldest first; a short history for interpolation. */
  snaps: Snapshot[];
  /**
   * How far behind the newest update this avatar is drawn (ms), and where that is heading:
   * INTERPOLATION_DELAY_MS for people near (20 updates a second), longer for people far away,
   * whose updates come seldom (interest management), so they glide instead of jumping.
   */
  delay?: { now: number; target: number; at: number };
  /** The pose drawn this frame (interpolated `delay` behind). */
  render: { x: number; z: number; yaw: number; gait: number };
  /** The seat (layout.seats index) this person sits in, or -1. */
  seat: number;
  /** 0, or the raised hand's place in the order. */
  hand: number;
  /** Where the avatar was drawn this frame (on its seat, on a stage); set by <Avatars>. */
  drawn: Drawn;
}

export interface SelfAvatar {
  /** The last server-acknowledged state of our own avatar. */
  server: { x: number; z: number; yaw: number; ack: number };
  /** Predicted pose before and after the latest fixed step (rendering blends between them). */
  prev: Pose;
  curr: Pose;
  gait: Gait;
  /** Visual offset left by a reconciliation correction; decays to zero. */
  correction: { x: number; z: number };
  /** The pose drawn this frame. */
  render: Pose;
  name: string;
  role: Role;
  hue: number;
  look: number;
  connected: boolean;
  seat: number;
  hand: number;
  /** Seated or holding the floor mic: the server places us; nothing is predicted or sent. */
  locked: boolean;
  /** May walk onto the stage (hosts, moderators, admins): passed to the shared movement step. */
  onStage: boolean;
  drawn: Drawn;
}

export type InputSink = (input: MoveInput) => void;

/** Town hall intents the scene and the simulation step may send (set by net/ while in a room). */
export interface SeatIntents {
  sit(seat: number): void;
  stand(): void;
}

/** A reaction to float up from someone's avatar. */
export interface ReactionSpark { id: string; kind: Reaction }

export const world = {
  layout: null as SpaceLayout | null,
  selfId: '',
  /** True once our own avatar has arrived in the room state. */
  selfReady: false,
  self: {
    server: { x: 0, z: 0, yaw: 0, ack: 0 },
    prev: { x: 0, z: 0, yaw: 0 },
    curr: { x: 0, z: 0, yaw: 0 },
    gait: 0,
    correction: { x: 0, z: 0 },
    render: { x: 0, z: 0, yaw: 0 },
    name: '',
    role: 'visitor',
    hue: 0,
    look: 0,
    connected: true,
    seat: -1,
    hand: 0,
    locked: false,
    onStage: false,
    drawn: { x: 0, z: 0, base: 0, head: 1.4, body: 0 },
  } as SelfAvatar,
  /** Inputs sent but not yet acknowledged, oldest first. */
  pending: [] as MoveInput[],
  /** The seq of the last input built. */
  seq: 0,
  remotes: new Map<string, RemoteAvatar>(),
  /** Set by net/ while a room is open; the simulation step sends through it. */
  sink: null as InputSink | null,
  /** Set by net/ in a room: sitting down and standing up. */
  seats: null as SeatIntents | null,
  /** Town hall: who may speak now, and who holds the floor mic (session ids). */
  speakers: new Set<string>(),
  floorHolder: '',
  /** Reactions received and not yet drawn (drained by <Reactions> each frame). */
  sparks: [] as ReactionSpark[],
  /** The renderer, camera and scene, for projecting world points, finding objects (test hook) and render stats. */
  view: {
    gl: null as WebGLRenderer | null, camera: null as Camera | null, scene: null as Scene | null,
    /** Test builds only (the screenshot script): a fixed camera position and target that override the rig. */
    pin: null as { position: [number, number, number]; target: [number, number, number] } | null,
  },
  /** Frames rendered since the current room was joined. */
  frame: 0,
  /** Frames rendered since our avatar first appeared in state (0 until then). */
  framesSinceSelf: 0,
  /** VR (set by the lazily loaded client/xr chunk): in an immersive session, our own body is not drawn. */
  xr: {
    presenting: false, frames: 0, origin: { x: 0, y: 0, z: 0, yaw: 0 },
    /** The floor point a controller's ray last touched, when (performance.now()), and whether a teleport there is allowed. */
    floor: { x: 0, z: 0, at: -Infinity, ok: false },
  },
};

/** Forget everything about the current room (before joining another, or a fresh join). */
export function resetWorld(layout: SpaceLayout | null, keepSeq: boolean): void {
  world.layout = layout;
  world.selfReady = false;
  world.pending.length = 0;
  if (!keepSeq) world.seq = 0;
  world.remotes.clear();
  world.framesSinceSelf = 0;
  world.self.correction.x = 0;
  world.self.correction.z = 0;
  world.self.seat = -1;
  world.self.hand = 0;
  world.self.locked = false;
  world.self.onStage = false;
  world.speakers.clear();
  world.floorHolder = '';
  world.sparks.length = 0;
}
