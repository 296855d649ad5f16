import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../shared/protocol/apiClient.js';
import { bootServer, createAccount, type TestAccount } from '../testing/harness.js';

// Issue 17, finding 12: a moderator of one space read the whole audit log (every space's bans,
// reasons and invitations). Now a moderator reads only the entries about the spaces they
// moderate; admins (and moderators of every space) read all of it.

type Server = Awaited<ReturnType<typeof bootServer>>;

describe('the audit log, read by moderators of different spaces', () => {
  let server: Server;
  let admin: TestAccount;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await bootServer();
    admin = await createAccount(server, { grants: [{ role: 'admin' }] });
    const http = server.http;
    // Through the API, as the admin and event pages do.
    await callApi('createInvitation', { baseUrl: http, token: admin.token, body: { role: 'moderator', spaceId: 'townhall' } });
    await callApi('createInvitation', { baseUrl: http, token: admin.token, body: { role: 'moderator', spaceId: 'hall-1' } });
    const event = await callApi('createEvent', { baseUrl: http, token: admin.token, body: { spaceId: 'townhall', title: 'Budget night', startsAt: '2030-01-01T18:00:00Z' } });
    // As the rooms write them (hallModeration, hallQuestions, townHall, exhibits, uploads).
    const append = (entry: Parameters<Server['repos']['audit']['append']>[0]) => server.repos.audit.append(entry);
    ids.banTownhall = await append({ actorId: 'm1', action: 'space.ban', targetType: 'identity', targetId: 'guest:a', detail: { spaceId: 'townhall', name: 'Troll', reason: 'spam in the town hall' } });
    ids.banHall = await append({ actorId: 'm2', action: 'space.ban', targetType: 'identity', targetId: 'guest:b', detail: { spaceId: 'hall-1', name: 'Heckler', reason: 'abuse in hall 1' } });
    ids.question = await append({ actorId: 'm1', action: 'question.approve', targetType: 'question', targetId: 'q1', detail: { eventId: event.id } });
    ids.eventStart = await append({ actorId: 'm1', action: 'event.start', targetType: 'event', targetId: event.id });
    ids.publish = await append({ actorId: 'c1', action: 'exhibits.publish', targetType: 'space', targetId: 'hall-1', detail: { version: 1 } });
    ids.upload = await append({ actorId: 'c1', action: 'asset.upload', targetType: 'asset', targetId: 'f'.repeat(64), detail: { kind: 'image' } });
  });
  afterAll(async () => {
    await server.close();
  });

  async function read(token: string, query: { limit?: number; before?: number } = {}) {
    const { entries } = await callApi('audit', { baseUrl: server.http, token, query: { limit: 500, ...query } });
    return entries;
  }
  const summary = (entries: Awaited<ReturnType<typeof read>>) => entries.map((e) => `${e.action} ${e.spaceId ?? '-'}`).sort();

  it('shows a moderator of the town hall only the town hall\'s entries', async () => {
    const moderator = await createAccount(server, { grants: [{ role: 'moderator', spaceId: 'townhall' }] });
    expect(summary(await read(moderator.token))).toEqual([
      'event.create townhall', 'event.start townhall', 'invitation.create townhall', 'question.approve townhall', 'space.ban townhall',
    ]);
  });

  it('shows a moderator of hall 1 only hall 1\'s entries, and never another space\'s ban reason', async () => {
    const moderator = await createAccount(server, { grants: [{ role: 'moderator', spaceId: 'hall-1' }, { role: 'curator', spaceId: 'townhall' }] });
    const entries = await read(moderator.token);
    expect(summary(entries)).toEqual(['exhibits.publish hall-1', 'invitation.create hall-1', 'space.ban hall-1']);
    expect(JSON.stringify(entries)).not.toContain('spam in the town hall');
  });

  it('pages within the moderator\'s spaces', async () => {
    const moderator = await createAccount(server, { grants: [{ role: 'moderator', spaceId: 'townhall' }] });
    const first = await read(moderator.token, { limit: 2 });
    expect(first.map((e) => e.id)).toEqual([ids.eventStart, ids.question]);
    const next = await read(moderator.token, { limit: 2, before: first[1]!.id });
    expect(next.map((e) => e.spaceId)).toEqual(['townhall', 'townhall']);
    expect(next[0]!.id).toBe(ids.banTownhall);
  });

  it('shows admins, moderators of every space and moderators of both spaces everything they moderate', async () => {
    const everywhere = await createAccount(server, { grants: [{ role: 'moderator' }] });
    const both = await createAccount(server, { grants: [{ role: 'moderator', spaceId: 'townhall' }, { role: 'moderator', spaceId: 'hall-1' }] });
    const all = summary(await read(admin.token));
    expect(all).toContain('asset.upload -');
    expect(all).toContain('space.ban hall-1');
    expect(all).toContain('space.ban townhall');
    expect(summary(await read(everywhere.token))).toEqual(all);
    expect(summary(await read(both.token))).toEqual(all.filter((e) => !e.endsWith(' -')));
  });
});
