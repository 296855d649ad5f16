import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { stepAvatar } from '../../shared/spaces/movement.js';
import type { Metrics } from '../metrics.js';
import type { Occupant } from './occupant.js';
import type { RoomCrowd } from './roomCrowd.js';
import type { RoomVoice } from './roomVoice.js';
import type { TownHall } from './townHall.js';
import type { VrRelay } from './vrRelay.js';

/** The parts of a room one tick touches. */
export interface TickParts {
  readonly layout: SpaceLayout;
  readonly occupants: ReadonlyMap<string, Occupant>;
  readonly hall: TownHall | undefined;
  readonly vr: VrRelay;
  readonly voice: RoomVoice;
  readonly metrics: Metrics;
  /** For the per-room tick figure. */
  readonly roomId: string;
  /** Motion frames by interest, and the moving counts. */
  readonly crowd: RoomCrowd;
  /** Whether this connection may speak to everyone now (town halls). */
  isSpeaker(sessionId: string): boolean;
  /** After a step: standing in a doorway sends the visitor on. */
  checkPortal(sessionId: string, occupant: Occupant): void;
  /** Holds every connection's writes for the tick, then hands each its one write (server/socketBatch.ts). */
  readonly writes: { hold(): void; release(): void };
  /** Encodes and sends this tick's patch. */
  sendPatch(): void;
  /** After the writes: drops clients that stopped reading; returns the bytes sent since the last tick. */
  afterSend(): number;
}

/**
 * The fixed step, and the one place that sets the order of per-tick work:
 * 1. movement (queued intents, collision, portals), 2. the town hall (floor countdown, speakers,
 * reactions), 3. VR poses, 4. voice grants, 5. motion frames (poses by interest), 6. one patch
 * to everyone, 7. what the tick sent each connection leaves in one write, 8. slow clients and
 * metrics.
 */
export function runTick(room: TickParts, now: number): void {
  const started = performance.now();
  room.writes.hold();
  try {
    moveAvatars(room);
    room.hall?.tick(now);
    room.vr.tick(now);
    room.voice.sync(now, room.occupants, (id) => room.isSpeaker(id));
    room.crowd.send(room.occupants);
    room.sendPatch();
  } finally {
    // Whatever a step threw, no socket stays held.
    room.writes.release();
  }
  const bytes = room.afterSend();
  const seconds = (performance.now() - started) / 1000;
  room.metrics.tickSeconds.observe(seconds);
  room.metrics.roomTickSeconds.observe({ room: room.roomId }, seconds);
  if (bytes > 0) room.metrics.patchBytes.inc(bytes);
}

/** Applies every connected avatar's queued inputs with the shared movement step. */
export function moveAvatars(room: Pick<TickParts, 'layout' | 'occupants' | 'hall' | 'checkPortal'> & { crowd?: RoomCrowd }): void {
  for (const [sessionId, occupant] of room.occupants) {
    const { avatar } = occupant;
    if (occupant.leaving || !avatar.connected) continue;
    const inputs = occupant.intents.drain();
    // Seated, or at the floor mic: the avatar stays put whatever the client sends.
    if (room.hall?.holdsStill(occupant)) continue;
    if (inputs.length === 0) {
      if (avatar.gait !== 0) avatar.gait = 0;
      continue;
    }
    const onStage = room.hall?.mayTakeStage(occupant) ?? false;
    let pose = { x: avatar.x, z: avatar.z, yaw: avatar.yaw };
    let gait: number = 0;
    for (const input of inputs) {
      const result = stepAvatar(pose, input, room.layout, undefined, onStage);
      pose = result.pose;
      gait = result.gait;
      avatar.ack = input.seq;
    }
    avatar.x = pose.x;
    avatar.z = pose.z;
    avatar.yaw = pose.yaw;
    avatar.gait = gait;
    room.crowd?.moved(sessionId, inputs.length, gait);
    room.checkPortal(sessionId, occupant);
  }
}
