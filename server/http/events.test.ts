import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import { act, hall, joinHall } from '../testing/hall.js';
import { bootServer, createAccount, guestToken, waitFor, type TestAccount } from '../testing/harness.js';

/**
 * Events over HTTP: who may schedule and change them (grants for that town hall), what is
 * refused, listing, and the open record as JSON and CSV.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;

let server: Server;
let admin: TestAccount;
let host: TestAccount;
let moderator: TestAccount;
let otherHost: TestAccount;
let visitor: TestAccount;

const on = (token: string | null) => ({ baseUrl: server.http, token });
const body = (title: string, extra: Record<string, unknown> = {}) => ({ spaceId: 'townhall', title, startsAt: '2031-03-01T18:00:00Z', ...extra });

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const outcome = await call.then(() => 'succeeded', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(ApiCallError);
  const err = outcome as ApiCallError;
  return { status: err.status, code: err.code, message: err.message };
}

/** A small RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

beforeAll(async () => {
  server = await bootServer();
  admin = await createAccount(server, { name: 'Ada Admin', grants: [{ role: 'admin' }] });
  host = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: 'townhall' }] });
  moderator = await createAccount(server, { name: 'Mo Moderator', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
  otherHost = await createAccount(server, { name: 'Otto Elsewhere', grants: [{ role: 'host', spaceId: 'hall-1' }] });
  visitor = await createAccount(server, { name: 'Vic Visitor' });
});
afterAll(async () => {
  await server?.close();
});

describe('scheduling events', () => {
  it('lets hosts and moderators of that town hall, and admins, schedule; refuses others (403) and strangers (401)', async () => {
    for (const who of [host, moderator, admin]) {
      const event = await callApi('createEvent', { ...on(who.token), body: body(`Scheduled by ${who.email}`) });
      expect(event).toMatchObject({ spaceId: 'townhall', state: 'scheduled', startsAt: '2031-03-01T18:00:00.000Z', createdBy: who.id, autoApprove: false, description: '' });
    }
    expect(await refusal(callApi('createEvent', { ...on(otherHost.token), body: body('Not my hall') }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    expect(await refusal(callApi('createEvent', { ...on(visitor.token), body: body('Just visiting') }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    const guest = await guestToken(server.url, 'Gus');
    expect(await refusal(callApi('createEvent', { ...on(guest), body: body('As a guest') }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    expect(await refusal(callApi('createEvent', { ...on(null), body: body('Anonymous') }))).toMatchObject({ status: 401, code: 'NOT_ALLOWED' });
    // The host of hall-1 may not schedule there either: it has no stage.
    expect(await refusal(callApi('createEvent', { ...on(otherHost.token), body: { ...body('In a hall'), spaceId: 'hall-1' } })))
      .toMatchObject({ status: 400, code: 'INVALID_INPUT', message: expect.stringMatching(/town hall/) });
    const { entries } = await callApi('audit', { ...on(admin.token), query: { limit: 50 } });
    expect(entries.filter((e) => e.action === 'event.create')).toHaveLength(3);
  });

  it('schedules only in spaces with a stage (plaza: 400), and validates the request (400)', async () => {
    expect(await refusal(callApi('createEvent', { ...on(admin.token), body: { ...body('In the plaza'), spaceId: 'plaza' } })))
      .toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(await refusal(callApi('createEvent', { ...on(admin.token), body: { ...body('Nowhere'), spaceId: 'nowhere' } })))
      .toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const bad: [string, Record<string, unknown>][] = [
      ['a title too short', body('ab')],
      ['a title too long', body('x'.repeat(121))],
      ['a start that is not a date', body('Good title', { startsAt: 'next tuesday' })],
      ['a date without a time', body('Good title', { startsAt: '2031-03-01' })],
      ['a description too long', body('Good title', { description: 'd'.repeat(2001) })],
      ['an unknown field', body('Good title', { state: 'live' })],
      ['no space', { title: 'Good title', startsAt: '2031-03-01T18:00:00Z' }],
      ['a malformed space id', body('Good title', { spaceId: 'Town Hall' })],
    ];
    for (const [what, request] of bad) {
      const err = await refusal(callApi('createEvent', { ...on(admin.token), body: request as never }));
      expect({ status: err.status, code: err.code }, what).toEqual({ status: 400, code: 'INVALID_INPUT' });
    }
    const title = await refusal(callApi('createEvent', { ...on(admin.token), body: body('ab') }));
    expect(title.message).toMatch(/at least 3 characters/);
    const startsAt = await refusal(callApi('createEvent', { ...on(admin.token), body: body('Good title', { startsAt: 'next tuesday' }) }));
    expect(startsAt.message).toMatch(/ISO date and time/);
  });

  it('changes a scheduled event (host of that hall), shows the change in the room, and refuses once it has started (409)', async () => {
    const room = await joinHall(server.url, { name: 'Watcher' });
    // Earlier than the seeded event, so the town hall shows this one.
    const event = await callApi('createEvent', { ...on(host.token), body: body('Draft title', { startsAt: new Date(Date.now() + 60_000).toISOString() }) });
    await waitFor(() => hall(room).event.id === event.id, 5000, 'the room to show the new event');

    const changed = await callApi('updateEvent', { ...on(host.token), params: { id: event.id }, body: { title: 'Final title', description: 'About the budget.', autoApprove: true } });
    expect(changed).toMatchObject({ id: event.id, title: 'Final title', description: 'About the budget.', autoApprove: true, state: 'scheduled' });
    expect(await callApi('getEvent', { ...on(null), params: { id: event.id } })).toEqual(changed);
    await waitFor(() => hall(room).event.title === 'Final title' && hall(room).event.description === 'About the budget.', 5000, 'the room to show the new title');

    expect(await refusal(callApi('updateEvent', { ...on(otherHost.token), params: { id: event.id }, body: { title: 'Hijacked' } }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    expect(await refusal(callApi('updateEvent', { ...on(visitor.token), params: { id: event.id }, body: { title: 'Hijacked' } }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    expect(await refusal(callApi('updateEvent', { ...on(null), params: { id: event.id }, body: { title: 'Hijacked' } }))).toMatchObject({ status: 401, code: 'NOT_ALLOWED' });
    expect(await refusal(callApi('updateEvent', { ...on(host.token), params: { id: 'no-such-event' }, body: { title: 'Ghost' } }))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(callApi('updateEvent', { ...on(host.token), params: { id: event.id }, body: { title: 'x' } }))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(await refusal(callApi('updateEvent', { ...on(host.token), params: { id: event.id }, body: { startsAt: 'soon' } }))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });

    const hostRoom = await joinHall(server.url, { token: host.token });
    await act(hostRoom, ClientMessage.EventRun, { action: 'start' }, () => hall(hostRoom).event.state === 'live');
    expect(await refusal(callApi('updateEvent', { ...on(host.token), params: { id: event.id }, body: { title: 'Too late' } }))).toMatchObject({ status: 409, code: 'CONFLICT' });
    await act(hostRoom, ClientMessage.EventRun, { action: 'end' }, () => hall(hostRoom).event.state === 'ended');
    expect(await refusal(callApi('updateEvent', { ...on(admin.token), params: { id: event.id }, body: { title: 'Way too late' } }))).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect((await callApi('getEvent', { ...on(null), params: { id: event.id } })).title).toBe('Final title');
    const { entries } = await callApi('audit', { ...on(admin.token), query: { limit: 50 } });
    expect(entries.filter((e) => e.action === 'event.update' && e.targetId === event.id)).toHaveLength(1);
    await room.room.leave();
    await hostRoom.room.leave();
  });
});

describe('reading events', () => {
  it('lists events by space and state, newest start first, for anyone', async () => {
    const all = (await callApi('listEvents', on(null))).events;
    expect(all.length).toBeGreaterThanOrEqual(5);
    const starts = all.map((e) => e.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const townhall = (await callApi('listEvents', { ...on(null), query: { spaceId: 'townhall' } })).events;
    expect(townhall.length).toBe(all.length);
    expect((await callApi('listEvents', { ...on(null), query: { spaceId: 'hall-1' } })).events).toEqual([]);
    const ended = (await callApi('listEvents', { ...on(null), query: { state: 'ended' } })).events;
    expect(ended.length).toBeGreaterThanOrEqual(1);
    expect(ended.every((e) => e.state === 'ended' && e.endedAt !== null)).toBe(true);
    const scheduled = (await callApi('listEvents', { ...on(visitor.token), query: { spaceId: 'townhall', state: 'scheduled' } })).events;
    expect(scheduled.length + ended.length).toBe(all.length);
    expect(await refusal(callApi('listEvents', { ...on(null), query: { state: 'cancelled' } }))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(await refusal(callApi('listEvents', { ...on(null), query: { colour: 'red' } }))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
  });

  it('answers 404 for an event, record or CSV record that does not exist', async () => {
    for (const name of ['getEvent', 'eventRecord'] as const) {
      expect(await refusal(callApi(name, { ...on(null), params: { id: 'no-such-event' } }))).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'There is no such event.' });
    }
    const csv = await fetch(`${server.http}/api/events/no-such-event/record.csv`);
    expect(csv.status).toBe(404);
    expect(await csv.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes the record as RFC 4180 CSV, defusing cells a spreadsheet would run as formulas', async () => {
    const event = await server.repos.events.create({ spaceId: 'townhall', title: 'CSV night', description: '', startsAt: new Date('2030-01-01T18:00:00Z'), autoApprove: false, createdBy: null });
    const tricky = '=HYPERLINK("http://evil.example","click"), said "Bob",\nthen left?';
    const asked = await server.repos.questions.create({
      eventId: event.id, authorKey: 'guest:x', authorName: '@everyone', anonymous: false, text: tricky, normalized: 'tricky', state: 'approved', flagged: false,
    });
    await server.repos.questions.create({
      eventId: event.id, authorKey: 'guest:y', authorName: 'Quiet', anonymous: true, text: '-1 or +1?', normalized: 'one', state: 'approved', flagged: false,
    });
    const turn = await server.repos.floorTurns.start({ eventId: event.id, holderKey: 'guest:z', holderName: '+Plus, "the" speaker', calledBy: null });
    await server.repos.floorTurns.end(turn.id);

    const res = await fetch(`${server.http}/api/events/${event.id}/record.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?event-${event.id}\\.csv"?$`));
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    // The formula-looking text is quoted (it holds commas, quotes and a line break) and prefixed.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), said ""Bob"",\nthen left?"`);

    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['section', 'id', 'text', 'original_text', 'author', 'votes', 'state', 'asked_at', 'approved_at', 'answering_at', 'answered_at', 'merged_into', 'merged_at', 'votes_carried', 'name', 'started_at', 'ended_at', 'seconds', 'turns']);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    const question = rows.find((r) => cell(r, 'id') === asked.id)!;
    expect(cell(question, 'section')).toBe('question');
    expect(cell(question, 'text')).toBe(`'${tricky}`);
    expect(cell(question, 'author')).toBe("'@everyone");
    expect(cell(question, 'votes')).toBe('0');
    expect(cell(question, 'original_text')).toBe('');
    const quiet = rows.find((r) => cell(r, 'section') === 'question' && cell(r, 'id') !== asked.id)!;
    expect([cell(quiet, 'text'), cell(quiet, 'author')]).toEqual(["'-1 or +1?", 'anonymous']);
    const floor = rows.find((r) => cell(r, 'section') === 'floor_turn')!;
    expect(cell(floor, 'name')).toBe(`'+Plus, "the" speaker`);
    expect(rows.filter((r) => cell(r, 'section') === 'equal_time').map((r) => [cell(r, 'name'), cell(r, 'turns')])).toEqual([[`'+Plus, "the" speaker`, '1']]);

    // The JSON record has the same, unprefixed.
    const record = await callApi('eventRecord', { ...on(null), params: { id: event.id } });
    expect(record.questions.find((q) => q.id === asked.id)).toMatchObject({ text: tricky, author: '@everyone' });
  });
});
