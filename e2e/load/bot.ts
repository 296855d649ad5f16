import { Client, getStateCallbacks, type Room } from 'colyseus.js';
import { MOTION_MESSAGE as MOTION_FRAME } from '../../shared/protocol/motion.js';
import { AVATAR_RADIUS } from '../../shared/constants.js';
import { requestGuestSession } from '../../shared/protocol/apiClient.js';
import type { MoveInput } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { isFree } from '../../shared/spaces/collision.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { yawTowards } from '../../shared/spaces/movement.js';
import type { Avatar } from '../../shared/schema/Avatar.js';
import { MotionFeed } from '../../client/net/motion.js';

/**
 * A headless visitor: joins a space with colyseus.js, decodes every patch like a browser does,
 * and walks about like a person (stroll to a spot, look around for a while, sometimes hurry).
 */
export class Bot {
  room: Room<SpaceState> | undefined;
  bytesReceived = 0;
  errors = 0;
  disconnected = false;
  /** Motion frames (interest-managed poses) decoded. */
  motionFrames = 0;
  private seq = 0;
  private target: { x: number; z: number } | undefined;
  private pauseUntil = 0;
  private running = false;
  private leaving = false;
  /** Our pose as the server last said (motion frames), once known. */
  private me: { x: number; z: number; yaw: number } | undefined;
  /** Others' latest poses from motion frames, as a browser keeps them to draw. */
  readonly others = new Map<string, { x: number; z: number; yaw: number; gait: number }>();

  constructor(private readonly url: string, private readonly layout: SpaceLayout, readonly name: string, private readonly random: () => number,
    /** The longest look-around after reaching a spot (0: keep walking, as in a milling crowd). */
    private readonly pauseSeconds = 5) {}

  async join(): Promise<void> {
    const { token } = await requestGuestSession(this.url.replace(/^ws/, 'http'), this.name);
    const room = await new Client(this.url).joinOrCreate<SpaceState>('space', { spaceId: this.layout.id, token });
    this.room = room;
    const ws = (room.connection as unknown as { transport: { ws: { addEventListener(t: string, f: (e: { data: ArrayBuffer }) => void): void } } }).transport.ws;
    ws.addEventListener('message', (e) => { this.bytesReceived += e.data.byteLength; });
    // Decode what a browser decodes: the room state (colyseus.js) and the motion frames.
    const motion = new MotionFeed(room.sessionId, (pose) => { this.me = pose; }, (id, pose) => { this.others.set(id, pose); });
    room.onMessage(MOTION_FRAME, (bytes: Uint8Array) => {
      this.motionFrames++;
      if (!motion.read(bytes)) this.errors++;
    });
    const $ = getStateCallbacks(room);
    $(room.state).avatars.onAdd((avatar: Avatar, id: string) => { motion.arrived(avatar.slot, id); });
    $(room.state).avatars.onRemove((avatar: Avatar, id: string) => { motion.left(avatar.slot, id); this.others.delete(id); });
    room.onMessage('error', () => { this.errors++; });
    room.onMessage('portal', () => { this.target = undefined; });
    room.onLeave((code) => { if (!this.leaving && code !== 4000) this.disconnected = true; });
    this.pauseUntil = Date.now() + this.random() * 2000;
  }

  /** Called every 50 ms by the driver: send at most one input. */
  step(now: number): void {
    const room = this.room;
    if (!room || this.disconnected) return;
    const me = this.me;
    if (!me) return;
    if (now < this.pauseUntil) return;
    if (!this.target) {
      this.target = this.pickTarget();
      this.running = this.random() < 0.2;
    }
    const dist = Math.hypot(this.target.x - me.x, this.target.z - me.z);
    if (dist < 0.5) {
      this.target = undefined;
      this.pauseUntil = now + this.random() * this.pauseSeconds * 1000;
      this.send({ forward: 0, strafe: 0, run: false, yaw: me.yaw });
      return;
    }
    this.send({ forward: 1, strafe: 0, run: this.running, yaw: yawTowards(me.x, me.z, this.target.x, this.target.z) });
  }

  async leave(): Promise<void> {
    this.leaving = true;
    await this.room?.leave(true).catch(() => undefined);
  }

  private send(input: Omit<MoveInput, 'seq'>): void {
    this.room!.send('input', { ...input, seq: ++this.seq });
  }

  /** A free spot in the space, kept away from portals so bots stay in the room being measured. */
  private pickTarget(): { x: number; z: number } {
    const b = this.layout.bounds;
    for (let i = 0; i < 50; i++) {
      const p = { x: b.minX + 2 + this.random() * (b.maxX - b.minX - 4), z: b.minZ + 2 + this.random() * (b.maxZ - b.minZ - 4) };
      const nearPortal = this.layout.portals.some((portal) => Math.hypot(p.x - portal.x, p.z - portal.z) < 5);
      if (!nearPortal && isFree(p, AVATAR_RADIUS * 2, this.layout)) return p;
    }
    return { x: this.layout.spawns[0]!.x, z: this.layout.spawns[0]!.z };
  }
}
