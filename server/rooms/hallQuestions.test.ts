import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import { QUESTION_MAX } from '../../shared/protocol/townhall.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { bootServer, createAccount, waitFor, type TestAccount } from '../testing/harness.js';
import { act, acked, hall, joinHall, lastMine, lastQueue, refused, type Tracked } from '../testing/hall.js';
import { visitorPool } from '../testing/hall.js';

/**
 * Questions at a town hall event, over real connections: the moderation states, what each
 * person sees (the public list, the moderators' queue, one's own questions), votes, duplicates,
 * flag words, automatic approval, limits and refusals.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;

let server: Server;
let modAccount: TestAccount;
/** A moderator of the town hall: runs the events and moderates. */
let mod: Tracked;
const { visitor, leaveAll } = visitorPool(() => server.url, () => mod);

/** Ends the live event (if any) and starts a new one: each test gets an empty question list. */
async function freshEvent(autoApprove = false): Promise<string> {
  if (hall(mod).event.state === 'live') await act(mod, ClientMessage.EventRun, { action: 'end' }, () => hall(mod).event.state === 'ended');
  const event = await callApi('createEvent', {
    baseUrl: server.http, token: modAccount.token,
    body: { spaceId: 'townhall', title: 'Question time', startsAt: new Date().toISOString(), autoApprove },
  });
  await waitFor(() => hall(mod).event.id === event.id, 5000, 'the room to show the new event');
  await act(mod, ClientMessage.EventRun, { action: 'start' }, () => hall(mod).event.state === 'live');
  return event.id;
}

async function ask(t: Tracked, text: string, anonymous = false): Promise<string> {
  return (await acked(t, ClientMessage.Ask, { text, anonymous })).id!;
}

async function moderate(id: string, action: string, text?: string): Promise<void> {
  await acked(mod, ClientMessage.ModerateQuestion, { id, action, ...(text === undefined ? {} : { text }) });
}

const stateOf = (t: Tracked, id: string) => hall(t).questions.get(id)?.state;
const queued = (id: string) => lastQueue(mod)?.pending.find((q) => q.id === id);

beforeAll(async () => {
  server = await bootServer({ QUESTION_FLAG_WORDS: 'bribe, Scandal' });
  modAccount = await createAccount(server, { name: 'Mona Moderator', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
  mod = await joinHall(server.url, { token: modAccount.token });
});
afterEach(async () => {
  await leaveAll();
});
afterAll(async () => {
  await server?.close();
});


describe('questions at a town hall event', () => {
  it('moves a question through pending, edits, approved, answering and answered, keeping the text as asked', async () => {
    await freshEvent();
    const ava = await visitor('Ava');
    const ben = await visitor('Ben');
    const id = await ask(ava, 'Will the bus lanes reach the east side?');

    // Pending: the moderators and the author see it, nobody else.
    await waitFor(() => queued(id), 5000, 'the question in the queue');
    expect(queued(id)).toMatchObject({ text: 'Will the bus lanes reach the east side?', originalText: null, author: 'Ava', flagged: false, state: 'pending' });
    await waitFor(() => lastMine(ava)?.pending.some((q) => q.id === id), 5000, "Ava's pending question");
    expect(hall(ben).questions.has(id)).toBe(false);

    // A moderator's edit before approving keeps the original.
    await moderate(id, 'edit', 'Will the new bus lanes reach the east side of town?');
    await waitFor(() => queued(id)?.text === 'Will the new bus lanes reach the east side of town?', 5000, 'the edited text in the queue');
    expect(queued(id)?.originalText).toBe('Will the bus lanes reach the east side?');

    await moderate(id, 'approve');
    await waitFor(() => stateOf(ben, id) === 'approved', 5000, 'the approved question for everyone');
    expect(hall(ben).questions.get(id)).toMatchObject({ text: 'Will the new bus lanes reach the east side of town?', author: 'Ava', votes: 0 });
    expect(hall(ben).questions.get(id)!.approvedAt).toBeGreaterThan(0);
    await waitFor(() => !queued(id), 5000, 'the queue without it');

    // A second edit, once approved: the original stays the text as first asked.
    await moderate(id, 'edit', 'Bus lanes: east side?');
    await waitFor(() => hall(ben).questions.get(id)?.text === 'Bus lanes: east side?', 5000, 'the second edit');

    await moderate(id, 'answer');
    await waitFor(() => stateOf(ben, id) === 'answering' && hall(ben).answering === id, 5000, 'the question on the stage screen');
    await moderate(id, 'answered');
    await waitFor(() => stateOf(ben, id) === 'answered' && hall(ben).answering === '', 5000, 'answered');
    // A follow-up: an answered question can be taken up again.
    await moderate(id, 'answer');
    await waitFor(() => stateOf(ben, id) === 'answering', 5000, 'answering again');
    await moderate(id, 'answered');

    const record = await callApi('eventRecord', { baseUrl: server.http, params: { id: hall(mod).event.id } });
    const row = record.questions.find((q) => q.id === id)!;
    expect(row).toMatchObject({ text: 'Bus lanes: east side?', originalText: 'Will the bus lanes reach the east side?', author: 'Ava', state: 'answered' });
    expect(row.approvedAt && row.answeringAt && row.answeredAt).toBeTruthy();

    const approveWithText = await ask(ava, 'Is the pool staying open?');
    await moderate(approveWithText, 'approve', 'Is the public pool staying open next year?');
    await waitFor(() => hall(ben).questions.get(approveWithText)?.text === 'Is the public pool staying open next year?', 5000, 'approved with an edit');
    expect((await server.repos.questions.get(approveWithText))?.originalText).toBe('Is the pool staying open?');
  });

  it('refuses moves from the wrong state (CONFLICT), unknown questions (NOT_FOUND), an edit without text, and visitors (NOT_ALLOWED)', async () => {
    await freshEvent();
    const ava = await visitor('Ava');
    const pending = await ask(ava, 'Why are the parks closing early?');
    const approved = await ask(ava, 'When is the next budget vote?');
    await moderate(approved, 'approve');

    for (const [id, action] of [[pending, 'answer'], [pending, 'answered'], [approved, 'approve'], [approved, 'answered']] as const) {
      const refusal = await refused(mod, ClientMessage.ModerateQuestion, { id, action });
      expect(refusal.code, `${action} of a ${id === pending ? 'pending' : 'approved'} question`).toBe('CONFLICT');
    }
    await moderate(approved, 'answer');
    for (const action of ['approve', 'dismiss', 'edit', 'answer'] as const) {
      const refusal = await refused(mod, ClientMessage.ModerateQuestion, { id: approved, action, ...(action === 'edit' ? { text: 'Changed while answering?' } : {}) });
      expect(refusal.code, `${action} of the question being answered`).toBe('CONFLICT');
    }
    expect((await refused(mod, ClientMessage.ModerateQuestion, { id: 'no-such-question', action: 'approve' })).code).toBe('NOT_FOUND');
    expect((await refused(mod, ClientMessage.ModerateQuestion, { id: pending, action: 'edit' })).code).toBe('INVALID_INPUT');
    expect((await refused(mod, ClientMessage.ModerateQuestion, { id: pending, action: 'promote' })).code).toBe('INVALID_INPUT');
    expect((await refused(ava, ClientMessage.ModerateQuestion, { id: pending, action: 'approve' })).code).toBe('NOT_ALLOWED');

    // A question of an earlier event is not this event's to moderate.
    await freshEvent();
    expect((await refused(mod, ClientMessage.ModerateQuestion, { id: pending, action: 'approve' })).code).toBe('NOT_FOUND');
    expect((await server.repos.questions.get(pending))?.state).toBe('pending');
    expect((await server.repos.questions.get(approved))?.state).toBe('answering');
  });

  it('dismisses from pending and from approved: gone for everyone, listed for the author, counted in the record', async () => {
    const eventId = await freshEvent();
    const ava = await visitor('Ava');
    const ben = await visitor('Ben');
    const fromPending = await ask(ava, 'Can we rename the river?');
    const fromApproved = await ask(ava, 'Can we paint the bridge blue?');
    await moderate(fromApproved, 'approve');
    await waitFor(() => stateOf(ben, fromApproved) === 'approved', 5000, 'approved');

    await moderate(fromPending, 'dismiss');
    await moderate(fromApproved, 'dismiss');
    await waitFor(() => !hall(ben).questions.has(fromApproved), 5000, 'the dismissed question gone for everyone');
    await waitFor(() => lastMine(ava)?.dismissed.length === 2, 5000, "Ava's dismissed questions");
    expect(lastMine(ava)!.dismissed.map((q) => q.id).sort()).toEqual([fromPending, fromApproved].sort());
    expect(lastMine(ava)!.pending).toEqual([]);
    await waitFor(() => !queued(fromPending) && lastQueue(mod)?.pending.length === 0, 5000, 'an empty queue');
    expect((await refused(mod, ClientMessage.ModerateQuestion, { id: fromPending, action: 'approve' })).code).toBe('CONFLICT');

    const record = await callApi('eventRecord', { baseUrl: server.http, params: { id: eventId } });
    expect(record.questions).toEqual([]);
    expect(record.dismissedCount).toBe(2);
  });

  it('answers one question at a time: answering another marks the first answered', async () => {
    await freshEvent();
    const ava = await visitor('Ava');
    const first = await ask(ava, 'First question about housing?');
    const second = await ask(ava, 'Second question about transport?');
    await moderate(first, 'approve');
    await moderate(second, 'approve');
    await moderate(first, 'answer');
    await waitFor(() => hall(ava).answering === first, 5000, 'the first on the stage screen');
    await moderate(second, 'answer');
    await waitFor(() => hall(ava).answering === second && stateOf(ava, first) === 'answered' && stateOf(ava, second) === 'answering', 5000, 'the second replacing the first');
    const states = (await server.repos.questions.listForEvent(hall(mod).event.id)).map((q) => q.state);
    expect(states.filter((s) => s === 'answering')).toHaveLength(1);
  });

  it('keeps an anonymous asker anonymous to everyone but the moderators', async () => {
    const eventId = await freshEvent();
    const ava = await visitor('Ava Anon');
    const ben = await visitor('Ben');
    const id = await ask(ava, 'Is the council selling the old school?', true);
    await waitFor(() => queued(id), 5000, 'the queue');
    expect(queued(id)).toMatchObject({ author: 'Ava Anon', anonymous: true });
    await moderate(id, 'approve');
    await waitFor(() => stateOf(ben, id) === 'approved', 5000, 'approved');
    expect(hall(ben).questions.get(id)!.author).toBe('');
    const record = await callApi('eventRecord', { baseUrl: server.http, params: { id: eventId } });
    expect(record.questions[0]!.author).toBe('anonymous');
    const csv = await (await fetch(`${server.http}/api/events/${eventId}/record.csv`)).text();
    expect(csv).toContain('anonymous');
    expect(csv).not.toContain('Ava Anon');
  });

  it('counts one vote per identity: two connections of one account vote once, and a vote can be withdrawn', async () => {
    await freshEvent();
    const ava = await visitor('Ava');
    const voter = await createAccount(server, { name: 'Vic Voter' });
    const second = (await callApi('login', { baseUrl: server.http, body: { email: voter.email, password: voter.password } })).token;
    const phone = await visitor('', voter.token);
    const laptop = await visitor('', second);
    const id = await ask(ava, 'Should the library open on Sundays?');
    // Not open for votes while pending.
    expect((await refused(phone, ClientMessage.Vote, { id, up: true })).code).toBe('NOT_FOUND');
    expect((await refused(phone, ClientMessage.Vote, { id: 'no-such-question', up: true })).code).toBe('NOT_FOUND');
    await moderate(id, 'approve');
    await waitFor(() => stateOf(phone, id) === 'approved', 5000, 'approved');

    const mineCount = (t: Tracked) => t.mine.length;
    const before = mineCount(laptop);
    await act(phone, ClientMessage.Vote, { id, up: true }, () => hall(phone).questions.get(id)?.votes === 1);
    // Both of Vic's connections learn he has voted.
    await waitFor(() => mineCount(laptop) > before && lastMine(laptop)?.votes.includes(id), 5000, 'the vote in the other connection');
    await waitFor(() => lastMine(phone)?.votes.includes(id), 5000, 'the vote in the connection that voted');

    const again = mineCount(laptop);
    laptop.room.send(ClientMessage.Vote, { id, up: true });
    await waitFor(() => mineCount(laptop) > again, 5000, 'the answer to the second vote');
    expect(hall(laptop).questions.get(id)?.votes).toBe(1);
    expect((await server.repos.questions.get(id))?.votes).toBe(1);

    await act(ava, ClientMessage.Vote, { id, up: true }, () => hall(ava).questions.get(id)?.votes === 2);
    await act(laptop, ClientMessage.Vote, { id, up: false }, () => hall(laptop).questions.get(id)?.votes === 1);
    await waitFor(() => lastMine(phone)?.votes.length === 0, 5000, 'the withdrawn vote in both connections');
    // Withdrawing a vote one does not have changes nothing.
    const once = mineCount(laptop);
    laptop.room.send(ClientMessage.Vote, { id, up: false });
    await waitFor(() => mineCount(laptop) > once, 5000, 'the answer to withdrawing again');
    expect((await server.repos.questions.get(id))?.votes).toBe(1);
    // Still open for votes while it is being answered, not once answered.
    await moderate(id, 'answer');
    await act(phone, ClientMessage.Vote, { id, up: true }, () => hall(phone).questions.get(id)?.votes === 2);
    await moderate(id, 'answered');
    await waitFor(() => stateOf(phone, id) === 'answered', 5000, 'answered');
    expect((await refused(phone, ClientMessage.Vote, { id, up: false })).code).toBe('NOT_FOUND');
  });

  it('merges a duplicate (whatever its case and punctuation) into the first question as a vote', async () => {
    const eventId = await freshEvent();
    const ava = await visitor('Ava');
    const ben = await visitor('Ben');
    const cy = await visitor('Cy');
    const id = await ask(ava, 'Will the new stadium be paid for by taxes?');
    await moderate(id, 'approve');
    const duplicate = await acked(ben, ClientMessage.Ask, { text: '  will the NEW stadium... be paid for by TAXES', anonymous: true });
    expect(duplicate.id).toBe(id);
    expect(duplicate.message).toMatch(/already asked.*vote was added/);
    await waitFor(() => hall(ava).questions.get(id)?.votes === 1, 5000, "Ben's vote on Ava's question");
    await waitFor(() => lastMine(ben)?.votes.includes(id), 5000, "Ben's vote in his list");
    // Asking it a second time adds nothing.
    const twice = await acked(ben, ClientMessage.Ask, { text: 'Will the new stadium be paid for by taxes?', anonymous: false });
    expect(twice.message).toMatch(/already voted/);
    // A duplicate of a question still pending merges too.
    const pending = await ask(ava, 'What happens to the bus depot?');
    expect((await acked(cy, ClientMessage.Ask, { text: 'What happens to the bus-depot?!', anonymous: false })).id).toBe(pending);
    const questions = await server.repos.questions.listForEvent(eventId);
    expect(questions.map((q) => ({ id: q.id, votes: q.votes }))).toEqual([{ id, votes: 1 }, { id: pending, votes: 1 }]);
    expect(hall(ava).questions.get(id)?.votes).toBe(1);
    // A dismissed question is not a duplicate: asking it again makes a new one.
    await moderate(pending, 'dismiss');
    const anew = await ask(cy, 'What happens to the bus depot?');
    expect(anew).not.toBe(pending);
  });

  it('sends questions with a flag word to the moderators flagged, even at an event that approves questions itself', async () => {
    await freshEvent(true);
    const ava = await visitor('Ava');
    const ben = await visitor('Ben');
    const plain = await acked(ava, ClientMessage.Ask, { text: 'Will the market move to the square?', anonymous: false });
    expect(plain.message).toMatch(/up for everyone/);
    await waitFor(() => stateOf(ben, plain.id!) === 'approved', 5000, 'the unflagged question approved at once');
    expect(lastQueue(mod)?.pending.some((q) => q.id === plain.id)).toBeFalsy();

    const flagged = await acked(ava, ClientMessage.Ask, { text: 'Who took the BRIBE for the market?', anonymous: false });
    expect(flagged.message).toMatch(/went to the moderators/);
    await waitFor(() => queued(flagged.id!), 5000, 'the flagged question in the queue');
    expect(queued(flagged.id!)).toMatchObject({ flagged: true, state: 'pending' });
    expect(hall(ben).questions.has(flagged.id!)).toBe(false);
    const accented = await ask(ben, 'What about the scandál at city hall?');
    await waitFor(() => queued(accented)?.flagged === true, 5000, 'a flag word with an accent');

    // At an ordinary event everything waits for a moderator, and only flag words are flagged.
    await freshEvent(false);
    const cy = await visitor('Cy');
    const waiting = await ask(cy, 'Will the market move to the harbour?');
    await waitFor(() => queued(waiting), 5000, 'the queue');
    expect(queued(waiting)!.flagged).toBe(false);
    expect(hall(ben).questions.has(waiting)).toBe(false);
  });

  it('refuses questions when there is no event (CONFLICT) and after it ended; votes too', async () => {
    // A second town hall that has never had an event.
    await server.repos.spaces.put({ ...SPACES.get('townhall')!, id: 'annex', name: 'Annex' });
    const early = await joinHall(server.url, { spaceId: 'annex', name: 'Early' });
    await waitFor(() => hall(early)?.event.state === 'none', 5000, 'an empty hall');
    expect((await refused(early, ClientMessage.Ask, { text: 'Is anybody here?', anonymous: false })).code).toBe('CONFLICT');
    await early.room.leave();

    await freshEvent();
    const ava = await visitor('Ava');
    const id = await ask(ava, 'Will this be asked in time?');
    await moderate(id, 'approve');
    await act(mod, ClientMessage.EventRun, { action: 'end' }, () => hall(mod).event.state === 'ended');
    await waitFor(() => hall(ava).event.state === 'ended', 5000, 'the event to end');
    expect((await refused(ava, ClientMessage.Ask, { text: 'Is it too late to ask?', anonymous: false })).code).toBe('CONFLICT');
    expect((await refused(ava, ClientMessage.Vote, { id, up: true })).code).toBe('CONFLICT');
  });

  it('limits questions per person (RATE_LIMITED after a burst of three), not per connection or for others', async () => {
    await freshEvent();
    const ava = await visitor('Ava');
    const ben = await visitor('Ben');
    for (let i = 1; i <= 3; i++) await ask(ava, `Rapid question number ${i}?`);
    expect((await refused(ava, ClientMessage.Ask, { text: 'Rapid question number 4?', anonymous: false })).code).toBe('RATE_LIMITED');
    // Someone else is not held back.
    await ask(ben, 'A calm question from Ben?');
    expect((await server.repos.questions.listForEvent(hall(mod).event.id)).map((q) => q.authorName).sort()).toEqual(['Ava', 'Ava', 'Ava', 'Ben']);
  });

  it('refuses texts that are too short, too long or carry control characters (INVALID_INPUT), and tidies spaces', async () => {
    await freshEvent();
    const ava = await visitor('Ava');
    for (const text of ['Hi', '   ab   ', 'x'.repeat(QUESTION_MAX + 1), 'Why\u0007 not?', 'Hidden\u200b text here?', 'Right\u202eto left?']) {
      expect((await refused(ava, ClientMessage.Ask, { text, anonymous: false })).code, JSON.stringify(text)).toBe('INVALID_INPUT');
    }
    expect((await refused(ava, ClientMessage.Ask, { text: 'A fine question?', anonymous: 'yes' })).code).toBe('INVALID_INPUT');
    expect((await refused(ava, ClientMessage.Ask, { text: 'A fine question?', extra: 1 })).code).toBe('INVALID_INPUT');
    const longest = await ask(ava, 'y'.repeat(QUESTION_MAX));
    const tidy = await ask(ava, '  Two   spaces\tand\n\n\n\nlines?  ');
    expect((await server.repos.questions.get(longest))?.text).toHaveLength(QUESTION_MAX);
    expect((await server.repos.questions.get(tidy))?.text).toBe('Two spaces and\n\nlines?');
    expect(await server.repos.questions.listForEvent(hall(mod).event.id)).toHaveLength(2);
  });
});
