import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { MEMBER_CSV_MAX_CHARS } from '../../shared/protocol/members.js';
import { bootServer, createAccount, guestToken, type TestAccount } from '../testing/harness.js';

/**
 * Members in bulk over HTTP against a real server: a curator's CSV becomes invitation links
 * (no email is sent), bad rows are reported one by one, duplicates and addresses already invited
 * or with an account are handled, the size limit holds, a dry run writes nothing, and the link
 * makes an account with no role that may vote on a ballot that takes only accounts.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server;
let curator: TestAccount;
let host: TestAccount;
let admin: TestAccount;
let member: TestAccount;

const SPACE = 'townhall';
const on = (token: string | null) => ({ baseUrl: server.http, token });
const invite = (token: string | null, csv: string, extra: { reissue?: boolean; dryRun?: boolean } = {}) =>
  callApi('inviteMembers', { ...on(token), params: { id: SPACE }, body: { csv, ...extra } });

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const outcome = await call.then(() => 'succeeded', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(ApiCallError);
  const err = outcome as ApiCallError;
  return { status: err.status, code: err.code, message: err.message };
}

const tokenOf = (path: string | null) => path!.replace('/invite/', '');

beforeAll(async () => {
  server = await bootServer();
  curator = await createAccount(server, { name: 'Cleo Curator', grants: [{ role: 'curator', spaceId: SPACE }] });
  host = await createAccount(server, { name: 'Hana Host', grants: [{ role: 'host', spaceId: SPACE }] });
  admin = await createAccount(server, { name: 'Ada Admin', grants: [{ role: 'admin' }] });
  member = await createAccount(server, { name: 'Mo Member', email: 'mo@example.org' });
});
afterAll(async () => {
  await server?.close();
});

describe('bringing members in from a CSV', () => {
  it('makes one link per good row, reports the others row by row, and writes one audit entry', async () => {
    const csv = 'Name,Email\nAna,ana@example.org\nBob,not-an-address\nEve,"=HYPERLINK(""http://evil.example"")"\nAna again,ANA@example.org\nMo,mo@example.org\nBen,ben@example.org\n';
    const result = await invite(curator.token, csv);
    expect(result).toMatchObject({ spaceId: SPACE, dryRun: false, rows: 6 });
    expect(result.invited.map((i) => [i.row, i.email, i.replaced])).toEqual([[2, 'ana@example.org', false], [7, 'ben@example.org', false]]);
    for (const i of result.invited) expect(i.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([[3, 'INVALID_EMAIL'], [4, 'FORMULA_CELL'], [5, 'DUPLICATE'], [6, 'ALREADY_MEMBER']]);
    // The formula comes back as the text it was, for the page to show as text; it is not read as an address.
    expect(result.problems[1]!.value).toBe('=HYPERLINK("http://evil.example")');

    const preview = await callApi('previewInvitation', { ...on(null), params: { token: tokenOf(result.invited[0]!.path) } });
    expect(preview).toMatchObject({ role: 'visitor', spaceId: SPACE, email: 'ana@example.org' });
    const { entries } = await callApi('audit', { ...on(admin.token), query: { limit: 50 } });
    const entry = entries.find((e) => e.action === 'members.invite');
    expect(entry).toMatchObject({ actorId: expect.any(String), targetId: SPACE });
    expect(entry?.detail).toMatchObject({ rows: 6, invited: 2, withdrawn: 0, problems: 4 });
  });

  it('does not invite an address again while its invitation is pending, unless asked to issue a new link', async () => {
    const first = await invite(curator.token, 'cy@example.org\n');
    const again = await invite(curator.token, 'cy@example.org\ndee@example.org\n');
    expect(again.invited.map((i) => i.email)).toEqual(['dee@example.org']);
    expect(again.problems).toEqual([{ row: 1, value: 'cy@example.org', code: 'ALREADY_INVITED', message: expect.stringMatching(/^An invitation to this address is pending until /) }]);

    const reissued = await invite(curator.token, 'cy@example.org\n', { reissue: true });
    expect(reissued.invited).toEqual([expect.objectContaining({ email: 'cy@example.org', replaced: true })]);
    // The old link no longer works; the new one does.
    expect(await refusal(callApi('previewInvitation', { ...on(null), params: { token: tokenOf(first.invited[0]!.path) } }))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await callApi('previewInvitation', { ...on(null), params: { token: tokenOf(reissued.invited[0]!.path) } });
  });

  it('never replaces an invitation with a staff role', async () => {
    await callApi('createInvitation', { ...on(admin.token), body: { role: 'host', spaceId: SPACE, email: 'hal@example.org' } });
    const result = await invite(curator.token, 'hal@example.org\n', { reissue: true });
    expect(result.invited).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'ALREADY_INVITED', message: 'An invitation with a staff role is pending for this address; an admin can withdraw it.' })]);
  });

  it('checks without writing on a dry run', async () => {
    const before = (await callApi('listInvitations', on(admin.token))).invitations.length;
    const checked = await invite(curator.token, 'dry@example.org\nwet\n', { dryRun: true });
    expect(checked).toMatchObject({ dryRun: true, rows: 2, invited: [{ row: 1, email: 'dry@example.org', path: null, invitationId: null }], problems: [{ row: 2, code: 'INVALID_EMAIL' }] });
    expect((await callApi('listInvitations', on(admin.token))).invitations.length).toBe(before);
  });

  it('refuses the whole upload over the limits, or unreadable, with a reason', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `p${i}@example.org`).join('\n');
    expect(await refusal(invite(curator.token, many))).toEqual({ status: 400, code: 'INVALID_INPUT', message: 'At most 1,000 rows at a time; this CSV has 1,001. Split it into smaller files.' });
    expect(await refusal(invite(curator.token, 'x'.repeat(MEMBER_CSV_MAX_CHARS + 1)))).toMatchObject({ status: 400, code: 'INVALID_INPUT', message: expect.stringMatching(/at most 200,000 characters/) });
    expect(await refusal(invite(curator.token, '"open@example.org\n'))).toMatchObject({ status: 400, code: 'INVALID_INPUT', message: expect.stringMatching(/could not be read/) });
    expect(await refusal(invite(curator.token, '  \n'))).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
  });

  it('is for curators of the space and admins only: not hosts, visitors, guests, curators elsewhere or strangers', async () => {
    expect((await invite(admin.token, 'by-admin@example.org')).invited).toHaveLength(1);
    const elsewhere = await createAccount(server, { grants: [{ role: 'curator', spaceId: 'hall-1' }] });
    for (const token of [host.token, member.token, elsewhere.token, await guestToken(server.url, 'Gus')]) {
      expect(await refusal(invite(token, 'sneaky@example.org'))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    }
    expect(await refusal(invite(null, 'sneaky@example.org'))).toMatchObject({ status: 401, code: 'NOT_ALLOWED' });
  });
});

describe('accepting a member invitation', () => {
  it('makes an account with no role that may vote on a ballot that takes only accounts', async () => {
    const { invited } = await invite(curator.token, 'vi@example.org\n');
    const session = await callApi('acceptInvitation', {
      ...on(null), params: { token: tokenOf(invited[0]!.path) }, body: { displayName: 'Vi Voter', email: 'vi@example.org', password: 'vi votes with care' },
    });
    expect(session.me).toMatchObject({ kind: 'account', grants: [] });
    const ballot = await callApi('createBallot', { ...on(curator.token), params: { id: SPACE }, body: { title: 'Members only', proposals: [{ title: 'Yes please' }, { title: 'No thanks' }] } });
    await callApi('updateBallot', { ...on(curator.token), params: { id: SPACE, ballotId: ballot.id }, body: { phase: 'open' } });
    const cast = await callApi('castAllocation', { ...on(session.token), params: { id: SPACE, ballotId: ballot.id }, body: { votes: { p1: 2 } } });
    expect(cast).toMatchObject({ voterClass: 'account', creditsSpent: 4 });
    // Used once: the link does not work again, and the address is now an account's.
    expect(await refusal(callApi('previewInvitation', { ...on(null), params: { token: tokenOf(invited[0]!.path) } }))).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect((await invite(curator.token, 'vi@example.org\n')).problems).toEqual([expect.objectContaining({ code: 'ALREADY_MEMBER' })]);
  });

  it('adds no role to an account that is signed in when it accepts', async () => {
    const signed = await createAccount(server, { name: 'Sol Signed-in' });
    const { invited } = await invite(curator.token, 'sol.second@example.org\n');
    const session = await callApi('acceptInvitation', { ...on(signed.token), params: { token: tokenOf(invited[0]!.path) }, body: {} });
    expect(session.me.grants).toEqual([]);
    expect(await server.repos.roles.listForAccount(signed.id)).toEqual([]);
  });
});

describe('ballot code counts', () => {
  it('tells staff how many codes were issued and used', async () => {
    const ballot = await callApi('createBallot', {
      ...on(curator.token), params: { id: SPACE }, body: { title: 'By code', proposals: [{ title: 'Yes please' }, { title: 'No thanks' }], voters: { accounts: false, codes: true, guests: false } },
    });
    const params = { id: SPACE, ballotId: ballot.id };
    expect(await callApi('ballotCodeCounts', { ...on(host.token), params })).toEqual({ ballotId: ballot.id, issued: 0, used: 0 });
    const { codes } = await callApi('ballotCodes', { ...on(host.token), params, body: { count: 3 } });
    await callApi('updateBallot', { ...on(host.token), params, body: { phase: 'open' } });
    await callApi('castAllocation', { ...on(await guestToken(server.url, 'Cody')), params, body: { votes: { p1: 1 }, code: codes[0]!.toLowerCase() } });
    expect(await callApi('ballotCodeCounts', { ...on(curator.token), params })).toEqual({ ballotId: ballot.id, issued: 3, used: 1 });
    expect(await refusal(callApi('ballotCodeCounts', { ...on(member.token), params }))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
  });
});
