import type { Room } from 'colyseus.js';
import { MOTION_MESSAGE, readFrame, type MotionPose, type SelfPose } from '../../shared/protocol/motion.js';

/**
 * Motion frames of one room (shared/protocol/motion.ts): the own avatar's exact pose and ack,
 * and others' poses by slot, mapped to session ids as avatars arrive in the room state. A pose
 * that arrives before its avatar is kept until the avatar appears.
 */
export class MotionFeed {
  private readonly ids = new Map<number, string>();
  private readonly early = new Map<number, MotionPose>();

  constructor(
    private readonly selfId: string,
    private readonly onSelf: (pose: SelfPose) => void,
    private readonly onOther: (id: string, pose: MotionPose) => void,
  ) {}

  listen(room: Room): void {
    room.onMessage(MOTION_MESSAGE, (bytes: Uint8Array) => { this.read(bytes); });
  }

  read(bytes: Uint8Array): boolean {
    return readFrame(bytes, this.onSelf, (slot, pose) => {
      const id = this.ids.get(slot);
      if (id === undefined) this.early.set(slot, pose);
      else if (id !== this.selfId) this.onOther(id, pose);
    });
  }

  /** An avatar arrived: its slot now names it; returns a pose that came before it, if any. */
  arrived(slot: number, id: string): MotionPose | undefined {
    this.ids.set(slot, id);
    const pose = this.early.get(slot);
    this.early.delete(slot);
    return pose;
  }

  left(slot: number, id: string): void {
    if (this.ids.get(slot) === id) this.ids.delete(slot);
  }
}
