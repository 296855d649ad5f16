import { Client } from 'colyseus.js';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage, type MoveInput } from '../../shared/protocol/messages.js';
import type { Ack, BanList, ModerationQueue, MyQuestions, ReactionBurst } from '../../shared/protocol/townhall.js';
import type { Avatar } from '../../shared/schema/Avatar.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { guestToken, waitFor, type SpaceRoomClient } from './harness.js';

/**
 * Test support for town hall rooms: one record per connection of everything the server sent
 * it besides state (refusals, acks, the moderation queue, one's own questions, reactions), and
 * send-and-wait helpers that tell an effect from a refusal.
 */
export interface Tracked {
  room: SpaceRoomClient;
  errors: ErrorPayload[];
  acks: Ack[];
  queues: ModerationQueue[];
  mine: MyQuestions[];
  bursts: ReactionBurst[];
  /** The ban lists sent to a moderator. */
  bans: BanList[];
  /** When the last refusal arrived (the room answers refusals at most four times a second). */
  lastErrorAt: number;
  /** The last movement sequence number sent. */
  seq: number;
  /** The session token this connection joined with ('' when tracked without joinHall). */
  token: string;
}

const tracked = new WeakMap<SpaceRoomClient, Tracked>();

/** Starts (or returns) the record of one connection. Call it right after joining. */
export function track(room: SpaceRoomClient): Tracked {
  const known = tracked.get(room);
  if (known) return known;
  const t: Tracked = { room, errors: [], acks: [], queues: [], mine: [], bursts: [], bans: [], lastErrorAt: 0, seq: 0, token: '' };
  room.onMessage(ServerMessage.Error, (e: ErrorPayload) => {
    t.errors.push(e);
    t.lastErrorAt = Date.now();
  });
  room.onMessage(ServerMessage.Ack, (a: Ack) => t.acks.push(a));
  room.onMessage(ServerMessage.Queue, (q: ModerationQueue) => t.queues.push(q));
  room.onMessage(ServerMessage.Mine, (m: MyQuestions) => t.mine.push(m));
  room.onMessage(ServerMessage.Reactions, (b: ReactionBurst) => t.bursts.push(b));
  room.onMessage(ServerMessage.Bans, (b: BanList) => t.bans.push(b));
  room.onMessage(ServerMessage.Portal, () => undefined);
  tracked.set(room, t);
  return t;
}

/**
 * Joins a space (the town hall unless told otherwise) as a guest with this name or with a
 * session token, and tracks the connection from its first message on.
 */
export async function joinHall(url: string, options: { spaceId?: string; name?: string; token?: string }): Promise<Tracked> {
  const token = options.token ?? await guestToken(url, options.name ?? 'Guest');
  const room = await new Client(url).joinOrCreate<SpaceState>('space', { spaceId: options.spaceId ?? 'townhall', token });
  const t = track(room);
  t.token = token;
  await waitFor(() => room.state?.avatars?.has(room.sessionId), 5000, 'the own avatar');
  return t;
}

export const me = (t: Tracked): Avatar => t.room.state.avatars.get(t.room.sessionId)!;
export const hall = (t: Tracked) => t.room.state.hall;
export const lastQueue = (t: Tracked): ModerationQueue | undefined => t.queues.at(-1);
export const lastMine = (t: Tracked): MyQuestions | undefined => t.mine.at(-1);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends movement inputs at the simulation rate, as a client does, and waits until the last is applied. */
export async function walk(t: Tracked, steps: number, input: Omit<MoveInput, 'seq'>): Promise<void> {
  for (let i = 0; i < steps; i++) {
    t.room.send(ClientMessage.Input, { ...input, seq: ++t.seq });
    await sleep(50);
  }
  await waitFor(() => me(t).ack === t.seq, 5000, 'every input applied');
}

/** Waits until a refusal sent now would be answered (not swallowed by the four-a-second cap). */
export async function paced(t: Tracked): Promise<void> {
  const wait = t.lastErrorAt + 300 - Date.now();
  if (wait > 0) await sleep(wait);
}

/**
 * Sends a message and waits for `effect`, or for a refusal of this message type. Returns
 * 'done', or the refusal's payload.
 */
export async function attempt(t: Tracked, type: string, body: unknown, effect: () => unknown, what = `the effect of "${type}"`): Promise<'done' | ErrorPayload> {
  await paced(t);
  const from = t.errors.length;
  t.room.send(type, body);
  let outcome: 'done' | ErrorPayload | undefined;
  await waitFor(() => {
    const refusal = t.errors.slice(from).find((e) => e.ref === type);
    if (refusal) outcome = refusal;
    else if (effect()) outcome = 'done';
    return outcome;
  }, 5000, what);
  return outcome!;
}

/** Sends a message that must work: waits for its effect and fails on any refusal of it. */
export async function act(t: Tracked, type: string, body: unknown, effect: () => unknown, what?: string): Promise<void> {
  const outcome = await attempt(t, type, body, effect, what);
  if (outcome !== 'done') throw new Error(`${type} was refused with ${outcome.code}: ${outcome.message}`);
}

/** Sends a message that must work and be acknowledged; returns the Ack. */
export async function acked(t: Tracked, type: string, body: unknown): Promise<Ack> {
  const from = t.acks.length;
  const found = () => t.acks.slice(from).find((a) => a.ref === type);
  await act(t, type, body, found, `an ack of "${type}"`);
  return found()!;
}

/** Sends a message that must be refused; returns the refusal (and fails if it is acknowledged). */
export async function refused(t: Tracked, type: string, body: unknown): Promise<ErrorPayload> {
  const from = t.acks.length;
  const outcome = await attempt(t, type, body, () => t.acks.slice(from).some((a) => a.ref === type), `a refusal of "${type}"`);
  if (outcome === 'done') throw new Error(`${type} was acknowledged, not refused`);
  return outcome;
}

/**
 * The visitors a test opens, so they can all be closed afterwards: `leaveAll` waits until
 * `watcher` (a connection that stays) no longer sees them.
 */
export function visitorPool(url: () => string, watcher: () => Tracked) {
  const opened: Tracked[] = [];
  const visitor = async (name: string, token?: string): Promise<Tracked> => {
    const t = await joinHall(url(), token ? { token } : { name });
    opened.push(t);
    return t;
  };
  const leaveAll = async (): Promise<void> => {
    for (const t of opened.splice(0)) {
      const { sessionId } = t.room;
      if (t.room.connection.isOpen) await t.room.leave();
      await waitFor(() => !watcher().room.state.avatars.has(sessionId), 5000, 'the visitor to be gone');
    }
  };
  /** A visitor came back on a new connection (a reconnection): close that one instead. */
  const replace = (before: Tracked, after: Tracked): void => {
    opened[opened.indexOf(before)] = after;
  };
  return { visitor, leaveAll, replace };
}
