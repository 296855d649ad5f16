import { matchMaker, ServerError, type Client } from '@colyseus/core';
import { TICK_MS } from '../../shared/constants.js';
import { ErrorCode, joinErrorMessage } from '../../shared/protocol/errors.js';
import { MOTION_MESSAGE } from '../../shared/protocol/motion.js';
import type { Avatar } from '../../shared/schema/Avatar.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { MovingWindow } from '../domain/movingShare.js';
import { fullRefusal } from '../domain/roomFull.js';
import type { Metrics } from '../metrics.js';
import type { Repos } from '../store/repos.js';
import { MotionChannel } from './motionChannel.js';
import type { Occupant } from './occupant.js';

/**
 * A room's crowd parts: poses by interest in motion frames (motionChannel.ts), the count of
 * avatars moving each second and of inputs applied (for /metrics), and the full-room refusal.
 */
export class RoomCrowd {
  private readonly moving = new MovingWindow(Math.round(1000 / TICK_MS));
  private readonly motion: MotionChannel;
  /**
   * The open connections by session id, kept as people join, leave and reconnect: building
   * this map from the room's client list every tick cost about half a millisecond a tick with
   * 300 seated people (a CPU profile of the town hall load), for a list that rarely changes.
   */
  private readonly connections = new Map<string, Client>();

  constructor(private readonly metrics: Metrics) {
    this.motion = new MotionChannel({
      connections: () => this.connections,
      send: (connection, frame) => (connection as Client).sendBytes(MOTION_MESSAGE, frame),
    });
  }

  /** A connection joined or came back (a new connection gets everyone's pose in its next frame). */
  connect(client: Client): void {
    this.connections.set(client.sessionId, client);
  }

  /** A connection closed (its avatar may be held for a reconnection). */
  disconnect(sessionId: string): void {
    this.connections.delete(sessionId);
  }

  add(sessionId: string, avatar: Avatar): void {
    this.motion.add(sessionId, avatar);
  }

  remove(sessionId: string): void {
    this.motion.remove(sessionId);
  }

  /** After one avatar's step: `inputs` applied, and whether it ended walking or running. */
  moved(sessionId: string, inputs: number, gait: number): void {
    this.metrics.inputsApplied.inc(inputs);
    if (gait !== 0) this.moving.noteMoved(sessionId);
  }

  /** After every step of the tick, before the patch: the motion frames, and once a second the moving count. */
  send(occupants: ReadonlyMap<string, Occupant>): void {
    this.motion.tick();
    const window = this.moving.endTick(connectedIds(occupants));
    if (!window) return;
    this.metrics.avatarWindows.inc({ moving: 'all' }, window.present);
    this.metrics.avatarWindows.inc({ moving: 'yes' }, window.moving);
  }
}

function* connectedIds(occupants: ReadonlyMap<string, Occupant>): Iterable<string> {
  for (const [id, o] of occupants) if (o.avatar.connected && !o.leaving) yield id;
}

function spaceIdOf(metadata: unknown): string {
  const id = (metadata as { spaceId?: unknown } | undefined)?.spaceId;
  return typeof id === 'string' ? id : '';
}

/** The matchmaker opens a second instance of a space only when the first is full: refuse, and say where there is room. */
export async function refuseIfFull(roomId: string, layout: SpaceLayout, spaces: Pick<Repos['spaces'], 'list'>, maxClients: number): Promise<void> {
  const listings = await matchMaker.query({ name: 'space' });
  const open = listings
    .filter((l) => l.roomId !== roomId)
    .map((l) => ({ roomId: l.roomId, spaceId: spaceIdOf(l.metadata), clients: l.clients, maxClients: l.maxClients }));
  if (!open.some((i) => i.spaceId === layout.id)) return;
  const refusal = fullRefusal(layout, open, await spaces.list(), maxClients);
  if (refusal) throw new ServerError(503, joinErrorMessage(ErrorCode.ROOM_FULL, refusal));
}
