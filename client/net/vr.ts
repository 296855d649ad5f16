import type { Room } from 'colyseus.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import { VrPosesMessage, type TeleportMessage, type VrPoseMessage } from '../../shared/protocol/vr.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { remoteVrPoses, vrLink } from '../state/vr.js';

let watched: Room<SpaceState> | null = null;

/** In a room: VR sends go to it, and the head and hands of VR visitors nearby come from it. */
export function watchVr(r: Room<SpaceState>): void {
  watched = r;
  remoteVrPoses.clear();
  vrLink.pose = (message: VrPoseMessage) => {
    if (watched === r && r.connection.isOpen) r.send(ClientMessage.VrPose, message);
  };
  vrLink.teleport = (message: TeleportMessage) => {
    if (watched === r && r.connection.isOpen) r.send(ClientMessage.Teleport, message);
  };
  r.onMessage(ServerMessage.VrPoses, (payload: unknown) => {
    if (watched !== r) return;
    const parsed = VrPosesMessage.safeParse(payload);
    if (!parsed.success) return;
    const now = performance.now();
    for (const p of parsed.data.poses) remoteVrPoses.set(p.id, { head: p.head, left: p.left, right: p.right, at: now });
  });
}

export function unwatchVr(): void {
  watched = null;
  vrLink.pose = null;
  vrLink.teleport = null;
  remoteVrPoses.clear();
}
