import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJoinError } from '../../shared/protocol/errors.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { act, hall, joinHall, lastQueue, me, refused, track, type Tracked } from '../testing/hall.js';
import { bootServer, createAccount, guestToken, waitFor } from '../testing/harness.js';

/**
 * Sections (issue 19): when an event's town hall is full it opens another room of the same event,
 * up to MAX_SECTIONS, and the sections share one Q&A and one event run. Two people per room and
 * two sections here, so every limit is reached with a handful of real connections.
 */
let server: Awaited<ReturnType<typeof bootServer>>;
let host: Tracked;
let ada: Tracked;
let bo: Tracked;
let cy: Tracked;

/** Joins the town hall as a guest, asking for a section as a friend's link does. */
async function joinSection(name: string, section: number): Promise<Tracked> {
  const token = await guestToken(server.url, name);
  const room = await new Client(server.url).joinOrCreate<SpaceState>('space', { spaceId: 'townhall', token, section });
  const t = track(room);
  await waitFor(() => room.state?.avatars?.has(room.sessionId), 5000, 'the own avatar');
  return t;
}

async function refusal(joining: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await joining.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return parseJoinError((err as Error).message);
}

beforeAll(async () => {
  server = await bootServer({ MAX_CLIENTS_PER_SPACE: '2', MAX_SECTIONS: '2' });
  const hostAccount = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: 'townhall' }, { role: 'moderator', spaceId: 'townhall' }] });
  host = await joinHall(server.url, { token: hostAccount.token });
  if (hall(host).event.state !== 'live') await act(host, ClientMessage.EventRun, { action: 'start' }, () => hall(host).event.state === 'live');
});
afterAll(async () => {
  await server?.close();
});

describe('sections of one event', () => {
  it('fills section 1, then opens section 2, and every section counts everyone', async () => {
    ada = await joinHall(server.url, { name: 'Ada' });
    expect(ada.room.roomId).toBe(host.room.roomId);
    expect(hall(host).section).toBe(1);
    bo = await joinHall(server.url, { name: 'Bo' });
    expect(bo.room.roomId).not.toBe(host.room.roomId);
    expect(hall(bo).section).toBe(2);
    // The same event in both, and the counts over both sections (refreshed every 2 s).
    expect(hall(bo).event.id).toBe(hall(host).event.id);
    await waitFor(() => hall(host).sections === 2 && hall(host).attending === 3, 8000, 'section 1 to count both sections');
    await waitFor(() => hall(bo).sections === 2 && hall(bo).attending === 3, 8000, 'section 2 to count both sections');
  });

  it("takes a friend's link to a section with room, and sends a link to a full one where there is room", async () => {
    const full = await refusal(joinSection('Dee', 1));
    expect(full).toEqual({ code: 'ROOM_FULL', message: 'Section 2 of this event has room; enter the event without the section link.' });
    cy = await joinSection('Cy', 2);
    expect(cy.room.roomId).toBe(bo.room.roomId);
    // Every section full and no more may open: a sentence with the count.
    const none = await refusal(joinHall(server.url, { name: 'Eve' }));
    expect(none).toEqual({ code: 'ROOM_FULL', message: 'Every section of this event is full (4 people in 2). Please try again in a few minutes.' });
  });

  it('shares one Q&A: asked in section 2, moderated in section 1, voted in both, answered on every screen', async () => {
    await act(bo, ClientMessage.Ask, { text: 'Will the night buses run past midnight?', anonymous: false },
      () => lastQueue(host)?.pending.some((q) => q.text.startsWith('Will the night buses')) || [...hall(bo).questions.values()].some((q) => q.text.startsWith('Will the night buses')));
    const pending = lastQueue(host)?.pending.find((q) => q.text.startsWith('Will the night buses'));
    const id = pending?.id ?? [...hall(bo).questions.values()].find((q) => q.text.startsWith('Will the night buses'))!.id;
    if (pending) await act(host, ClientMessage.ModerateQuestion, { id, action: 'approve' }, () => hall(bo).questions.get(id)?.state === 'approved');
    // Approved in section 1 (or at once): shown in both.
    await waitFor(() => hall(host).questions.get(id)?.state === 'approved' && hall(bo).questions.get(id)?.state === 'approved', 5000, 'the question in both sections');
    await act(ada, ClientMessage.Vote, { id, up: true }, () => hall(bo).questions.get(id)?.votes === 1, 'a vote in section 1 to count in section 2');
    await act(cy, ClientMessage.Vote, { id, up: true }, () => hall(ada).questions.get(id)?.votes === 2, 'a vote in section 2 to count in section 1');
    await act(host, ClientMessage.ModerateQuestion, { id, action: 'answer' }, () => hall(cy).answering === id, 'the answer on section 2\'s screen');
    expect(hall(bo).questions.get(id)?.state).toBe('answering');
  });

  it('ends the event in every section: hands go down and no new hand goes up', async () => {
    await act(cy, ClientMessage.Hand, { up: true }, () => me(cy).hand > 0);
    await act(host, ClientMessage.EventRun, { action: 'end' }, () => hall(bo).event.state === 'ended', 'section 2 to see the end');
    await waitFor(() => me(cy).hand === 0, 5000, "Cy's hand to go down in section 2");
    expect(hall(host).event.state).toBe('ended');
    expect((await refused(cy, ClientMessage.Hand, { up: true })).code).toBe('CONFLICT');
  });
});
