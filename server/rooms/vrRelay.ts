import { TICK_HZ } from '../../shared/constants.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import { VR_POSE_HZ, type TeleportMessage, type VrPoseMessage } from '../../shared/protocol/vr.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { TELEPORT_REFUSALS, teleportVerdict } from '../../shared/spaces/teleport.js';
import type { KeyedLimiter } from '../domain/rateLimits.js';
import { clampPose, newPresence, posesNear, type PoseSource } from '../domain/vrPose.js';
import { Refusal, type Occupant } from './occupant.js';

/** Poses go out every this many ticks. */
const RELAY_EVERY = Math.max(1, Math.round(TICK_HZ / VR_POSE_HZ));

export interface VrHost {
  layout: SpaceLayout;
  occupants: ReadonlyMap<string, Occupant>;
  /** One teleport at a time (rateLimits.ts), keyed by session id. */
  teleports: KeyedLimiter;
  send(sessionId: string, type: string, payload: unknown): void;
  /** Seated or at the floor mic: the server holds the avatar where it is. */
  holdsStill(occupant: Occupant): boolean;
  mayTakeStage(occupant: Occupant): boolean;
  /** After a teleport: the same doorway check as after a step. */
  afterMove(sessionId: string, occupant: Occupant): void;
}

/**
 * VR visitors in one room: their clamped head and hand poses, relayed at VR_POSE_HZ to the
 * people within VR_POSE_RADIUS (never into the shared room state, which goes to everyone), and
 * teleports, decided by the same collision rules as walking.
 */
export class VrRelay {
  private ticks = 0;

  constructor(private readonly host: VrHost) {}

  private vrOf(occupant: Occupant): NonNullable<Occupant['vr']> {
    occupant.vr ??= { presence: newPresence() };
    return occupant.vr;
  }

  onPose(occupant: Occupant, message: VrPoseMessage, now: number): void {
    if (occupant.leaving) return;
    const vr = this.vrOf(occupant);
    vr.presence.pose = clampPose(message);
    vr.presence.at = now;
  }

  /** Move the avatar to a floor point it can see, if the space's rules allow standing there. */
  onTeleport(sessionId: string, occupant: Occupant, message: TeleportMessage, now: number): void {
    if (occupant.leaving) return;
    if (this.host.holdsStill(occupant)) {
      throw new Refusal(ErrorCode.NOT_ALLOWED, occupant.atMic ? 'You are at the floor microphone until your turn ends.' : 'Please stand up first.');
    }
    const vr = this.vrOf(occupant);
    if (!this.host.teleports.available(sessionId, now)) throw new Refusal(ErrorCode.RATE_LIMITED, 'One teleport at a time, please.');
    const { avatar } = occupant;
    const verdict = teleportVerdict(this.host.layout, avatar, message, this.host.mayTakeStage(occupant));
    if (!verdict.ok) throw new Refusal(ErrorCode.NOT_ALLOWED, TELEPORT_REFUSALS[verdict.reason]);
    vr.presence.teleportedAt = now;
    this.host.teleports.take(sessionId, now);
    // Movement queued before the teleport carries on from the new spot (the client replays the same way).
    avatar.x = message.x;
    avatar.z = message.z;
    avatar.gait = 0;
    this.host.afterMove(sessionId, occupant);
  }

  /** Called every tick; every RELAY_EVERY ticks, each person near a VR visitor gets their poses. */
  tick(now: number): void {
    if (++this.ticks % RELAY_EVERY !== 0) return;
    const sources: PoseSource[] = [];
    for (const [id, o] of this.host.occupants) {
      if (o.vr?.presence.pose && o.avatar.connected) sources.push({ id, x: o.avatar.x, z: o.avatar.z, presence: o.vr.presence });
    }
    if (sources.length === 0) return;
    for (const [id, o] of this.host.occupants) {
      if (!o.avatar.connected || o.leaving) continue;
      const message = posesNear(id, o.avatar.x, o.avatar.z, sources, now);
      if (message) this.host.send(id, ServerMessage.VrPoses, message);
    }
  }
}
