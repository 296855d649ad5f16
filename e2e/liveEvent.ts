import type { Room } from 'colyseus.js';
import { callApi } from '../shared/protocol/apiClient.js';
import type { EventView } from '../shared/protocol/api.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { ClientMessage, ServerMessage } from '../shared/protocol/messages.js';
import { operate } from './load/editOps.js';
import { joinSpace } from './scriptRoom.js';

/**
 * An event of a spec's own in the town hall, run by a staff member's socket (as the moderator
 * panel would): its start a minute ago puts it first among the scheduled ones, so the hall shows
 * it rather than the seeded one; started, and ended afterwards, so the next spec finds the seeded
 * event current as before.
 */
export interface LiveEvent {
  event: EventView;
  /** The staff member's connection (it counts as one person present). */
  room: Room<SpaceState>;
  end(): Promise<void>;
}

export async function startLiveEvent(baseURL: string, token: string, title: string): Promise<LiveEvent> {
  const event = await callApi('createEvent', {
    baseUrl: baseURL, token,
    body: { spaceId: 'townhall', title, description: 'An event the browser tests start and end.', startsAt: new Date(Date.now() - 60_000).toISOString(), autoApprove: false },
  });
  const room = await joinSpace<SpaceState>(baseURL.replace(/^http/, 'ws'), { spaceId: 'townhall', token });
  for (const type of Object.values(ServerMessage)) if (type !== ServerMessage.Ack && type !== ServerMessage.Error) room.onMessage(type, () => undefined);
  // The hall reloads its event when one is scheduled: wait until it shows ours, then start it.
  for (let i = 0; i < 100 && room.state.hall?.event.id !== event.id; i++) await new Promise((r) => setTimeout(r, 100));
  if (room.state.hall?.event.id !== event.id) throw new Error(`the town hall did not take up the event "${title}"`);
  await operate(room, ClientMessage.EventRun, { action: 'start' });
  return {
    event,
    room,
    async end() {
      if (room.state.hall?.event.state === 'live') await operate(room, ClientMessage.EventRun, { action: 'end' });
      // An ended event stays on the hall's screen (with its record) for the people still in that
      // room; the next spec shares this server, so put the seeded event back on show by touching
      // it (an edit makes the hall read its current event again), and wait until the hall shows it.
      const { events } = await callApi('listEvents', { baseUrl: baseURL, query: { spaceId: 'townhall', state: 'scheduled' } });
      const next = events[0];
      if (next) {
        await callApi('updateEvent', { baseUrl: baseURL, token, params: { id: next.id }, body: { title: next.title } });
        for (let i = 0; i < 100 && room.state.hall?.event.id !== next.id; i++) await new Promise((r) => setTimeout(r, 100));
      }
      await room.leave();
    },
  };
}
