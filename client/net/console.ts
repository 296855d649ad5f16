import { Client, getStateCallbacks, type Room } from 'colyseus.js';
import { create } from 'zustand';
import { Role } from '../../shared/access.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import type { EventView } from '../../shared/protocol/api.js';
import { CloseCode, parseJoinError, type ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage, type RemoveMessage } from '../../shared/protocol/messages.js';
import type { Avatar } from '../../shared/schema/Avatar.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { resetHall } from '../state/hall.js';
import type { Person } from '../state/ui.js';
import { accountToken } from './account.js';
import { apiOrigin } from './spaces.js';
import { CONSOLE_SECTION } from './sections.js';
import { noteRefusal, unwatchHall, watchHall } from './townhall.js';

/**
 * The moderator console's own connection (/events/<id>/moderate): it joins the event's town
 * hall with no avatar (JoinOptions.console), mirrors the hall into the same hall store the
 * in-world panels read, and keeps the people present (for hands, mute, remove and ban) in its
 * own store. The intents go through net/townhall.ts; the server checks each one.
 */

export type ConsoleStatus = 'idle' | 'connecting' | 'connected' | 'lost' | 'refused';

export interface ConsoleView {
  status: ConsoleStatus;
  event: EventView | null;
  /** Everyone with an avatar in the hall, by name. */
  people: Person[];
  /** The last refusal that is not shown beside a form. */
  notice: { text: string; serial: number } | null;
  error: string | null;
}

export const useConsole = create<ConsoleView>(() => ({ status: 'idle', event: null, people: [], notice: null, error: null }));

let room: Room<SpaceState> | null = null;
let serial = 0;
/** Bumped by every open and close; a join that answers after a newer one is dropped. */
let generation = 0;

function note(text: string): void {
  serial += 1;
  useConsole.setState({ notice: { text, serial } });
}

function roleOf(avatar: Avatar): Role {
  const parsed = Role.safeParse(avatar.role);
  return parsed.success ? parsed.data : 'visitor';
}

function peopleOf(r: Room<SpaceState>): Person[] {
  const people: Person[] = [];
  r.state.avatars.forEach((a: Avatar, id: string) => {
    people.push({
      id, name: a.name, connected: a.connected, role: roleOf(a),
      seat: typeof a.seat === 'number' ? a.seat : -1, hand: typeof a.hand === 'number' ? a.hand : 0,
    });
  });
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

/** Open the console for an event: read it, then join its town hall. */
export async function openConsole(eventId: string): Promise<void> {
  await closeConsole();
  const gen = ++generation;
  useConsole.setState({ status: 'connecting', error: null, event: null, people: [] });
  const token = accountToken();
  let event: EventView;
  try {
    event = await callApi('getEvent', { baseUrl: apiOrigin(), params: { id: eventId }, token });
  } catch (err) {
    if (gen === generation) useConsole.setState({ status: 'refused', error: err instanceof Error ? err.message : 'There is no such event.' });
    return;
  }
  if (gen !== generation) return;
  useConsole.setState({ event });
  const url = apiOrigin().replace(/^http/, 'ws') || location.origin.replace(/^http/, 'ws');
  let joined: Room<SpaceState>;
  const join = (section?: number) => new Client(url).joinOrCreate<SpaceState>('space', { spaceId: event.spaceId, token: token ?? undefined, console: true, ...(section ? { section } : {}) });
  try {
    // Section 1 of the event, with the stage: hosts and moderators keep places there (SECTION_STAFF_RESERVE).
    // Only if even those are taken, whichever section has room (the console then says which).
    joined = await join(CONSOLE_SECTION).catch((err: unknown) => {
      if (err instanceof Error && parseJoinError(err.message).code === 'ROOM_FULL') return join();
      throw err;
    });
  } catch (err) {
    const message = err instanceof Error ? parseJoinError(err.message).message : 'Could not reach the town hall.';
    if (gen === generation) useConsole.setState({ status: 'refused', error: message });
    return;
  }
  if (gen !== generation) {
    void joined.leave(true).catch(() => undefined);
    return;
  }
  attach(joined);
}

function attach(r: Room<SpaceState>): void {
  room = r;
  resetHall();
  watchHall(r, true);
  const $ = getStateCallbacks(r);
  let queued = false;
  const refresh = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (r === room) useConsole.setState({ people: peopleOf(r) });
    });
  };
  $(r.state).avatars.onAdd((avatar: Avatar) => {
    $(avatar).listen('hand', refresh);
    $(avatar).listen('name', refresh);
    $(avatar).listen('connected', refresh);
    $(avatar).listen('role', refresh);
    refresh();
  });
  $(r.state).avatars.onRemove(refresh);
  r.onMessage(ServerMessage.Error, (payload: ErrorPayload) => {
    if (r !== room || typeof payload?.message !== 'string') return;
    if (!noteRefusal(payload)) note(payload.message);
  });
  // Messages the console does not use (portals, VR poses, edit history) still need a handler.
  r.onMessage('*', () => undefined);
  r.onLeave((code: number, reason?: string) => {
    if (r !== room) return;
    room = null;
    unwatchHall();
    const why = code === CloseCode.REMOVED && reason ? parseJoinError(reason).message : 'The connection to the town hall was lost.';
    useConsole.setState({ status: 'lost', error: why });
  });
  useConsole.setState({ status: 'connected', error: null });
}

/** Leave the town hall (closing the page, or opening another event). */
export async function closeConsole(): Promise<void> {
  generation++;
  const leaving = room;
  room = null;
  unwatchHall();
  if (leaving) await leaving.leave(true).catch(() => undefined);
}

/** Remove someone from the space (moderators; the server checks). */
export function removeFromConsole(sessionId: string): void {
  const message: RemoveMessage = { sessionId };
  if (room?.connection.isOpen) room.send(ClientMessage.Remove, message);
}
