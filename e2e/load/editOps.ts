import type { Room } from 'colyseus.js';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import type { Ack } from '../../shared/protocol/townhall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { sleep } from './stats.js';

/** Sends an edit operation and waits for its Ack (or throws with the refusal). */
export function operate(room: Room<SpaceState>, type: string, body: unknown): Promise<Ack> {
  return new Promise((resolve, reject) => {
    const offAck = room.onMessage(ServerMessage.Ack, (a: Ack) => {
      if (a.ref !== type) return;
      offAck();
      offError();
      resolve(a);
    });
    const offError = room.onMessage(ServerMessage.Error, (e: ErrorPayload) => {
      if (e.ref !== type) return;
      offAck();
      offError();
      reject(new Error(`${type}: ${e.code} ${e.message}`));
    });
    room.send(type, body);
  });
}

/** The room allows 30 messages a second per person: a curator's script keeps under that. */
export async function paced(room: Room<SpaceState>, type: string, body: unknown): Promise<Ack> {
  const [ack] = await Promise.all([operate(room, type, body), sleep(40)]);
  return ack;
}

