import type { Page } from '@playwright/test';
import { callApi, requestGuestSession } from '../shared/protocol/apiClient.js';
import { ClientMessage, ServerMessage } from '../shared/protocol/messages.js';
import type { Ack, ModerationQueue } from '../shared/protocol/townhall.js';
import type { SpaceState } from '../shared/schema/SpaceState.js';
import { expect, hook } from './fixtures.js';
import { joinSpace } from './scriptRoom.js';

/**
 * Helpers for the event-day specs: headless colyseus.js people (a moderator's console
 * connection, guests that ask and vote) beside the real browsers, and a live event to work in.
 */

export type Desk = Awaited<ReturnType<typeof openDesk>>;

const wsOf = (base: string) => base.replace(/^http/, 'ws');

/** A moderator's console connection from the test (no avatar), with the queue and acks it receives. */
export async function openDesk(base: string, token: string) {
  const room = await joinSpace<SpaceState>(wsOf(base), { spaceId: 'townhall', token, console: true });
  const seen = { queue: null as ModerationQueue | null, acks: [] as Ack[], errors: [] as { code: string; message: string }[] };
  room.onMessage(ServerMessage.Queue, (q: ModerationQueue) => { seen.queue = q; });
  room.onMessage(ServerMessage.Ack, (a: Ack) => seen.acks.push(a));
  room.onMessage(ServerMessage.Error, (e: { code: string; message: string }) => seen.errors.push(e));
  room.onMessage('*', () => undefined);
  await expect.poll(() => room.state?.hall?.event?.state ?? '').not.toBe('');
  return { room, seen };
}

/**
 * The town hall's event, live: the one it shows if live, started if scheduled, or a new one
 * scheduled (over the API, as a moderator may) and started if the last has ended.
 */
export async function liveEvent(base: string, token: string, desk: Desk): Promise<string> {
  const hall = () => desk.room.state.hall;
  if (hall().event.state === 'ended' || hall().event.state === 'none') {
    const created = await callApi('createEvent', {
      baseUrl: base, token,
      body: { spaceId: 'townhall', title: 'Riverside ward hustings', startsAt: new Date(Date.now() + 60_000).toISOString() },
    });
    await expect.poll(() => hall().event.id).toBe(created.id);
  }
  if (hall().event.state === 'scheduled') desk.room.send(ClientMessage.EventRun, { action: 'start' });
  await expect.poll(() => hall().event.state).toBe('live');
  return hall().event.id;
}

/** A guest connection from the test: asks and votes like a visitor. */
export async function guestBot(base: string, name: string) {
  const { token } = await requestGuestSession(base, name);
  const room = await joinSpace<SpaceState>(wsOf(base), { spaceId: 'townhall', token });
  const acks: Ack[] = [];
  room.onMessage(ServerMessage.Ack, (a: Ack) => acks.push(a));
  room.onMessage('*', () => undefined);
  await expect.poll(() => room.state?.avatars?.has(room.sessionId) ?? false).toBe(true);
  return {
    room,
    /** Asks and returns the question's id (from the acknowledgement). */
    async ask(text: string): Promise<string> {
      const from = acks.length;
      room.send(ClientMessage.Ask, { text });
      await expect.poll(() => acks.slice(from).find((a) => a.ref === ClientMessage.Ask)?.id ?? '').not.toBe('');
      return acks.slice(from).find((a) => a.ref === ClientMessage.Ask)!.id!;
    },
    vote(id: string): void {
      room.send(ClientMessage.Vote, { id, up: true });
    },
  };
}

/** Approves a waiting question from the desk and waits until it is public. */
export async function approve(desk: Desk, id: string): Promise<void> {
  await expect.poll(() => desk.seen.queue?.pending.some((q) => q.id === id) ?? false).toBe(true);
  desk.room.send(ClientMessage.ModerateQuestion, { id, action: 'approve' });
  await expect.poll(() => desk.room.state.hall.questions.get(id)?.state ?? '').toBe('approved');
}

/** The votes a page sees on a question. */
export function votesSeen(page: Page, id: string): Promise<number | undefined> {
  return page.evaluate((qid) => window.__hustings?.hall()?.questions.find((q) => q.id === qid)?.votes, id);
}

/** The question ids this page's person has voted for, as the server last said. */
export async function myVotes(page: Page): Promise<string[]> {
  return (await hook(page, (h) => h.mine()?.votes)) ?? [];
}
