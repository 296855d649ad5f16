import fs from 'node:fs';
import path from 'node:path';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiName } from '../../shared/protocol/api.js';
import { ApiCallError, callApi, pathFor } from '../../shared/protocol/apiClient.js';
import { bootServer, createAccount, guestToken, joinSpace, type TestAccount } from '../testing/harness.js';

// One server at a time per process: Colyseus' matchmaker is process-wide, and closing a server
// shuts it down. So every describe boots its own server and closes it before the next starts.

type Server = Awaited<ReturnType<typeof bootServer>>;

async function expectRefused(call: Promise<unknown>, status: number, code: string, message?: RegExp): Promise<ApiCallError> {
  const outcome = await call.then(() => 'succeeded', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(ApiCallError);
  const err = outcome as ApiCallError;
  expect({ status: err.status, code: err.code }).toEqual({ status, code });
  if (message) expect(err.message).toMatch(message);
  return err;
}

/** A raw request, for what callApi would never send. */
async function send(server: Server, method: string, url: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const res = await fetch(`${server.http}${url}`, { method, headers: init.headers, body: init.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as { code?: string; message?: string } | undefined, headers: res.headers };
}

const login = (server: Server, email: string, password: string) => callApi('login', { baseUrl: server.http, body: { email, password } });

describe('with one server', () => {
  let server: Server;
  let admin: TestAccount;
  beforeAll(async () => {
    server = await bootServer();
    admin = await createAccount(server, { grants: [{ role: 'admin' }] });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('session tokens', () => {
    /** The key the server signs with: generated under DATA_DIR because SESSION_SECRET is unset. */
    const serverKey = () => new Uint8Array(fs.readFileSync(path.join(server.dataDir, 'session-secret')));

    /** A token for a real guest session, signed with `key`, valid until `exp` (seconds). */
    async function craft(from: string, key: Uint8Array, exp: number): Promise<string> {
      const claims = decodeJwt(from);
      return new SignJWT({ kind: claims.kind as string, name: claims.name as string })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('hustings')
        .setSubject(claims.sub!)
        .setIssuedAt(exp - 7200)
        .setExpirationTime(exp)
        .sign(key);
    }

    async function expectTokenRefused(token: string, message?: RegExp): Promise<void> {
      await expectRefused(callApi('me', { baseUrl: server.http, token }), 401, 'NOT_ALLOWED', message);
      await expect(joinSpace(server.url, { spaceId: 'plaza', token })).rejects.toThrow(/^NOT_ALLOWED: /);
    }

    it('accepts a token crafted with the server key, so the refusals below are about what is wrong with them', async () => {
      const token = await guestToken(server.url, 'Crafty');
      const now = Math.floor(Date.now() / 1000);
      const crafted = await craft(token, serverKey(), now + 3600);
      expect((await callApi('me', { baseUrl: server.http, token: crafted })).name).toBe('Crafty');
      const room = await joinSpace(server.url, { spaceId: 'plaza', token: crafted });
      await room.leave();
    });

    it('refuses a token with a wrong signature, over HTTP and on join', async () => {
      const token = await guestToken(server.url, 'Forger');
      const now = Math.floor(Date.now() / 1000);
      await expectTokenRefused(await craft(token, new TextEncoder().encode('not the server key, but long enough'), now + 3600), /not valid/);
      const [header, payload, signature] = token.split('.');
      // A character in the middle: the last one carries padding bits that may not change the bytes.
      const flipped = signature!.slice(0, 10) + (signature![10] === 'A' ? 'B' : 'A') + signature!.slice(11);
      await expectTokenRefused(`${header}.${payload}.${flipped}`, /not valid/);
      await expectTokenRefused(`${header}.${payload}.`);
      // The untouched token still works.
      expect((await callApi('me', { baseUrl: server.http, token })).name).toBe('Forger');
    });

    it('refuses an expired token, over HTTP and on join', async () => {
      const token = await guestToken(server.url, 'Latecomer');
      await expectTokenRefused(await craft(token, serverKey(), Math.floor(Date.now() / 1000) - 60), /expired/);
    });

    it('refuses a token after signing out, over HTTP and on join', async () => {
      const guest = await guestToken(server.url, 'Leaver');
      await callApi('logout', { baseUrl: server.http, token: guest });
      await expectTokenRefused(guest, /signed out/);
      const person = await createAccount(server);
      await callApi('logout', { baseUrl: server.http, token: person.token });
      await expectTokenRefused(person.token, /signed out/);
      await expectRefused(callApi('logout', { baseUrl: server.http, token: person.token }), 401, 'NOT_ALLOWED');
    });

    it('refuses garbage tokens, over HTTP and on join', async () => {
      for (const garbage of ['garbage', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'x'.repeat(4000)]) {
        await expectTokenRefused(garbage);
      }
    });

    it('refuses a malformed Authorization header with 401 NOT_ALLOWED, even on public routes', async () => {
      for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer two words', 'Bearer <script>', `Bearer ${'x'.repeat(4097)}`, admin.token]) {
        for (const url of ['/api/session', '/api/admin/accounts', '/api/spaces']) {
          const res = await send(server, 'GET', url, { headers: { authorization } });
          expect({ authorization: authorization.slice(0, 20), url, status: res.status, code: res.json?.code })
            .toEqual({ authorization: authorization.slice(0, 20), url, status: 401, code: 'NOT_ALLOWED' });
        }
      }
      // The same token in the right form works.
      expect((await send(server, 'GET', '/api/admin/accounts', { headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(200);
    });
  });

  describe('request bodies', () => {
    const json = { 'content-type': 'application/json' };

    it('refuses malformed, oversized, unexpected and mislabelled bodies with a code, and keeps serving', async () => {
      const cases: { what: string; url: string; headers: Record<string, string>; body: string; status: number; code: string }[] = [
        { what: 'malformed JSON', url: '/api/session/login', headers: json, body: '{"email": "a@example.org", ', status: 400, code: 'INVALID_INPUT' },
        { what: 'not JSON at all', url: '/api/session/guest', headers: json, body: 'name=Sam', status: 400, code: 'INVALID_INPUT' },
        { what: 'a JSON string', url: '/api/session/guest', headers: json, body: '"Sam"', status: 400, code: 'INVALID_INPUT' },
        { what: 'a JSON array', url: '/api/session/guest', headers: json, body: '["Sam"]', status: 400, code: 'INVALID_INPUT' },
        { what: 'JSON null', url: '/api/session/guest', headers: json, body: 'null', status: 400, code: 'INVALID_INPUT' },
        { what: '100 kB', url: '/api/session/guest', headers: json, body: JSON.stringify({ name: 'x'.repeat(100_000) }), status: 413, code: 'TOO_LARGE' },
        { what: '100 kB to a login', url: '/api/session/login', headers: json, body: JSON.stringify({ email: admin.email, password: 'p'.repeat(100_000) }), status: 413, code: 'TOO_LARGE' },
        { what: 'an unknown field', url: '/api/session/guest', headers: json, body: JSON.stringify({ name: 'Sam', role: 'admin' }), status: 400, code: 'INVALID_INPUT' },
        { what: 'an unknown field in a login', url: '/api/session/login', headers: json, body: JSON.stringify({ email: admin.email, password: admin.password, admin: true }), status: 400, code: 'INVALID_INPUT' },
        { what: 'a wrong type', url: '/api/session/guest', headers: json, body: JSON.stringify({ name: 42 }), status: 400, code: 'INVALID_INPUT' },
        { what: 'text/plain', url: '/api/session/login', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ email: admin.email, password: admin.password }), status: 400, code: 'INVALID_INPUT' },
        { what: 'form-encoded', url: '/api/session/guest', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Sam', status: 400, code: 'INVALID_INPUT' },
        { what: 'an unsupported charset', url: '/api/session/guest', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"name":"Sam"}', status: 400, code: 'INVALID_INPUT' },
        { what: 'no body', url: '/api/session/guest', headers: {}, body: '', status: 400, code: 'INVALID_INPUT' },
      ];
      for (const c of cases) {
        const res = await send(server, 'POST', c.url, { headers: c.headers, body: c.body });
        expect({ what: c.what, status: res.status, code: res.json?.code, message: typeof res.json?.message })
          .toEqual({ what: c.what, status: c.status, code: c.code, message: 'string' });
      }
      const strict = await send(server, 'POST', '/api/admin/invitations', {
        headers: { ...json, authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ role: 'host', spaceId: 'townhall', grantAll: true }),
      });
      expect({ status: strict.status, code: strict.json?.code }).toEqual({ status: 400, code: 'INVALID_INPUT' });

      // Still answering, and nothing accepted earlier was lost.
      const health = await send(server, 'GET', '/healthz');
      expect({ status: health.status, ok: (health.json as { ok?: boolean } | undefined)?.ok }).toEqual({ status: 200, ok: true });
      expect((await callApi('me', { baseUrl: server.http, token: admin.token })).account!.email).toBe(admin.email);
      expect((await login(server, admin.email, admin.password)).me.grants).toEqual([{ role: 'admin', spaceId: null }]);
    });
  });

  describe('guest names', () => {
    it.each(['Official Host', 'ＡＤＭＩＮ', 'Modérator', 'the mod', 'Hustings', 'Adm1n', 'M0derator', 'Moderators'])('refuses %j with INVALID_INPUT', async (name) => {
      await expectRefused(callApi('guestSession', { baseUrl: server.http, body: { name } }), 400, 'INVALID_INPUT', /not allowed/);
    });

    it.each(['Ghost', 'Hostess', 'Modern Mo', 'Sam', 'Ann', 'Dmitri'])('accepts %j', async (name) => {
      expect((await callApi('guestSession', { baseUrl: server.http, body: { name } })).name).toBe(name);
    });
  });

  describe('routes that need a role', () => {
    /** Enough input to reach the permission check; it comes before validation anyway. */
    const sample: Partial<Record<ApiName, { params?: Record<string, string>; body?: unknown }>> = {
      updateAccount: { params: { id: 'someone' }, body: { disabled: true } },
      createInvitation: { body: { role: 'admin' } },
      revokeInvitation: { params: { id: 'some-invitation' } },
      createGrant: { body: { accountId: 'someone', role: 'admin' } },
      revokeGrant: { params: { id: 'some-grant' } },
      logout: { body: {} },
      changePassword: { body: { currentPassword: 'whatever it is', newPassword: 'something new and long' } },
    };
    const ADMIN_ROUTES: ApiName[] = ['listAccounts', 'updateAccount', 'listInvitations', 'createInvitation', 'revokeInvitation', 'listGrants', 'createGrant', 'revokeGrant'];
    const SIGNED_IN_ROUTES: ApiName[] = [...ADMIN_ROUTES, 'audit', 'me', 'logout', 'changePassword'];

    async function call(name: ApiName, token?: string) {
      const endpoint = API[name];
      const { params, body } = sample[name] ?? {};
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (endpoint.method !== 'GET') headers['content-type'] = 'application/json';
      const res = await send(server, endpoint.method, pathFor(endpoint.path, params), {
        headers, body: endpoint.method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      return { name, status: res.status, code: res.json?.code };
    }

    it('answers 401 NOT_ALLOWED without a session', async () => {
      for (const name of SIGNED_IN_ROUTES) expect(await call(name)).toEqual({ name, status: 401, code: 'NOT_ALLOWED' });
    });

    it('answers 403 NOT_ALLOWED to visitors, guests and staff of one space', async () => {
      const visitor = await createAccount(server);
      const guest = await guestToken(server.url, 'Guest');
      const curator = await createAccount(server, { grants: [{ role: 'curator', spaceId: 'hall-1' }] });
      const moderator = await createAccount(server, { grants: [{ role: 'moderator', spaceId: 'hall-1' }] });
      for (const token of [visitor.token, guest, curator.token, moderator.token]) {
        for (const name of ADMIN_ROUTES) expect(await call(name, token)).toEqual({ name, status: 403, code: 'NOT_ALLOWED' });
      }
      for (const token of [visitor.token, guest, curator.token]) expect(await call('audit', token)).toEqual({ name: 'audit', status: 403, code: 'NOT_ALLOWED' });
      expect(await call('changePassword', guest)).toEqual({ name: 'changePassword', status: 403, code: 'NOT_ALLOWED' });
      // Nothing was changed by any of it.
      const { accounts } = await callApi('listAccounts', { baseUrl: server.http, token: admin.token });
      expect(accounts.every((a) => a.disabledAt === null)).toBe(true);
      expect((await callApi('listInvitations', { baseUrl: server.http, token: admin.token })).invitations).toEqual([]);
    });
  });
});

describe('sign-in limits', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const LIMITS = { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '5' };

  async function expectLimited(call: Promise<unknown>): Promise<void> {
    const res = await call.then(() => 'succeeded', (err: unknown) => err);
    expect(res).toBeInstanceOf(ApiCallError);
    expect({ status: (res as ApiCallError).status, code: (res as ApiCallError).code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
  }

  it('blocks an account after its failures (even the right password), then the whole address after its failures', async () => {
    server = await bootServer(LIMITS);
    const a = await createAccount(server);
    const b = await createAccount(server);
    const s = server;
    for (let i = 0; i < 3; i++) await expectRefused(login(s, a.email, 'a wrong password'), 401, 'NOT_ALLOWED');
    await expectLimited(login(s, a.email, a.password));
    await expectLimited(login(s, a.email.toUpperCase(), a.password));
    const raw = await send(s, 'POST', '/api/session/login', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: a.email, password: a.password }) });
    expect({ status: raw.status, code: raw.json?.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(raw.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Another account from the same address still signs in: the address has 3 of its 5 failures.
    expect((await login(s, b.email, b.password)).me.account!.id).toBe(b.id);
    await expectRefused(login(s, 'nobody@example.org', 'a wrong password'), 401, 'NOT_ALLOWED');
    await expectRefused(login(s, b.email, 'a wrong password'), 401, 'NOT_ALLOWED');
    // Five failures from this address: nobody signs in from it now.
    await expectLimited(login(s, b.email, b.password));
    const c = await s.repos.accounts.create({ email: 'fresh@example.org', passwordHash: '$argon2id$unused', displayName: 'Fresh' });
    await expectLimited(login(s, c.email, 'whatever it is'));
    // The existing sessions are untouched.
    expect((await callApi('me', { baseUrl: s.http, token: a.token })).account!.id).toBe(a.id);
  });

  it('counts failures for an email that has no account', async () => {
    server = await bootServer(LIMITS);
    const s = server;
    for (let i = 0; i < 3; i++) await expectRefused(login(s, 'Ghost@Example.org', 'a wrong password'), 401, 'NOT_ALLOWED');
    await expectLimited(login(s, 'ghost@example.org', 'another password'));
  });

  it('forgets an account\'s failures once it signs in', async () => {
    server = await bootServer({ ...LIMITS, LOGIN_MAX_FAILURES_PER_IP: '100' });
    const s = server;
    const a = await createAccount(server);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) await expectRefused(login(s, a.email, 'a wrong password'), 401, 'NOT_ALLOWED');
      expect((await login(s, a.email, a.password)).me.account!.id).toBe(a.id);
    }
  });
});

describe('logs', () => {
  let server: Server;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await bootServer({ LOG_LEVEL: 'trace' }, { logDestination: { write: (line: string) => void lines.push(line) } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('never contain a password, a session token or an invitation token', async () => {
    const http = server.http;
    const admin = await createAccount(server, { password: 'admin secret password 1', grants: [{ role: 'admin' }] });
    const secrets = [admin.password, 'wrong secret password 2', 'invitee secret password 3', 'changed secret password 4', 'wrong current password 5', admin.token];
    await expectRefused(login(server, admin.email, secrets[1]!), 401, 'NOT_ALLOWED');
    const invitation = await callApi('createInvitation', { baseUrl: http, token: admin.token, body: { role: 'host', spaceId: 'townhall' } });
    secrets.push(invitation.token);
    const invitee = await callApi('acceptInvitation', {
      baseUrl: http, params: { token: invitation.token }, body: { email: 'invitee@example.org', password: secrets[2]!, displayName: 'Ivy Invitee' },
    });
    secrets.push(invitee.token);
    await expectRefused(callApi('changePassword', { baseUrl: http, token: invitee.token, body: { currentPassword: secrets[4]!, newPassword: secrets[3]! } }), 403, 'NOT_ALLOWED');
    const changed = await callApi('changePassword', { baseUrl: http, token: invitee.token, body: { currentPassword: secrets[2]!, newPassword: secrets[3]! } });
    secrets.push(changed.token);
    const again = await login(server, 'invitee@example.org', secrets[3]!);
    secrets.push(again.token);
    const room = await joinSpace(server.url, { spaceId: 'townhall', token: again.token });
    await room.leave();
    await callApi('logout', { baseUrl: http, token: again.token });
    // A refused request that carries a password and a token.
    const res = await send(server, 'POST', '/api/session/login', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ email: admin.email, password: admin.password, extra: true }),
    });
    expect(res.status).toBe(400);

    expect(lines.some((l) => l.includes('signed in'))).toBe(true);
    for (const secret of secrets) {
      const leaked = lines.filter((l) => l.includes(secret));
      expect({ secret: secret.slice(0, 12), leaked }).toEqual({ secret: secret.slice(0, 12), leaked: [] });
    }
  });
});

describe('NAME_BLOCKLIST', () => {
  let server: Server;
  beforeAll(async () => {
    server = await bootServer({ NAME_BLOCKLIST: 'banana, Cherry' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('replaces the default list', async () => {
    for (const name of ['Official Host', 'Admin']) {
      expect((await callApi('guestSession', { baseUrl: server.http, body: { name } })).name).toBe(name);
    }
    for (const name of ['Banana Split', 'ＣＨＥＲＲＹ']) {
      await expectRefused(callApi('guestSession', { baseUrl: server.http, body: { name } }), 400, 'INVALID_INPUT');
    }
  });
});
