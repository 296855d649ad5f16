import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, guestToken } from '../testing/harness.js';

// Issue 17, findings 4 and 6: matchmaking echoed any Origin with credentials allowed (a foreign
// page reserved a seat), /metrics answered anyone, and any Host header was accepted (a
// DNS-rebinding page could read /metrics and /api). One server at a time per process.

type Server = Awaited<ReturnType<typeof bootServer>>;

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string; json: { code?: string; sessionId?: string } | undefined }

/** A raw request: fetch() will not send a Host header of our choosing. */
function raw(server: Server, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: Answer['json'];
        try {
          json = JSON.parse(body) as Answer['json'];
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Reserve a seat in the plaza as a browser on `origin` would (colyseus.js POSTs JSON). */
async function reserve(server: Server, origin: string | undefined, host = `127.0.0.1:${server.port}`): Promise<Answer> {
  const token = await guestToken(server.url, 'Seat Taker');
  const headers: Record<string, string> = { host, 'content-type': 'application/json', accept: 'application/json' };
  if (origin !== undefined) headers.origin = origin;
  return raw(server, '/matchmake/joinOrCreate/space', { method: 'POST', headers, body: JSON.stringify({ spaceId: 'plaza', token }) });
}

function preflight(server: Server, origin: string): Promise<Answer> {
  return raw(server, '/matchmake/joinOrCreate/space', {
    method: 'OPTIONS',
    headers: { host: `127.0.0.1:${server.port}`, origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
}

describe('with defaults (no PUBLIC_URL, no METRICS_TOKEN)', () => {
  let server: Server;
  beforeAll(async () => {
    server = await bootServer({ METRICS_TOKEN: '' });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('matchmaking CORS', () => {
    it.each(['http://evil.example', 'https://evil.example', 'null', `http://127.0.0.1.evil.example:${0}`, 'http://localhost:1'])(
      'refuses a seat to a page on %s, with no Access-Control-Allow-Origin', async (origin) => {
        const pre = await preflight(server, origin);
        expect({ status: pre.status, acao: pre.headers['access-control-allow-origin'] }).toEqual({ status: 403, acao: undefined });
        const res = await reserve(server, origin);
        expect({ status: res.status, code: res.json?.code, acao: res.headers['access-control-allow-origin'], seat: res.json?.sessionId })
          .toEqual({ status: 403, code: 'NOT_ALLOWED', acao: undefined, seat: undefined });
      });

    it('reserves a seat for the app\'s own origin, and echoes only that origin', async () => {
      const own = `http://127.0.0.1:${server.port}`;
      const pre = await preflight(server, own);
      expect({ status: pre.status, acao: pre.headers['access-control-allow-origin'] }).toEqual({ status: 204, acao: own });
      const res = await reserve(server, own);
      expect({ status: res.status, acao: res.headers['access-control-allow-origin'] }).toEqual({ status: 200, acao: own });
      expect(typeof res.json?.sessionId).toBe('string');
    });

    it('reserves a seat for a client that sends no Origin (bots, the test harness), without CORS headers', async () => {
      const res = await reserve(server, undefined);
      expect({ status: res.status, acao: res.headers['access-control-allow-origin'] }).toEqual({ status: 200, acao: undefined });
      expect(typeof res.json?.sessionId).toBe('string');
    });
  });

  describe('Host header', () => {
    it.each(['evil.example', `evil.example:${0}`, 'hustings.example.org', '127.0.0.1.nip.io', 'localhost.evil.example'])(
      'refuses %j with 421 NOT_ALLOWED, on the API, health, metrics, matchmaking and pages', async (host) => {
        for (const path of ['/api/spaces', '/healthz', '/metrics', '/login']) {
          const res = await raw(server, path, { headers: { host } });
          expect({ path, status: res.status, code: res.json?.code }).toEqual({ path, status: 421, code: 'NOT_ALLOWED' });
        }
        const seat = await reserve(server, undefined, host);
        expect({ status: seat.status, seat: seat.json?.sessionId }).toEqual({ status: 421, seat: undefined });
      });

    it('refuses a WebSocket upgrade sent to another host name', async () => {
      const res = await raw(server, '/some-process/some-room', {
        headers: { host: 'evil.example', connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      });
      expect(res.status).toBe(421);
    });

    it.each(['127.0.0.1', 'localhost', 'LOCALHOST:8080', 'app.localhost', '[::1]:80', '10.1.2.3:8080'])('answers %j', async (host) => {
      const res = await raw(server, '/api/spaces', { headers: { host } });
      expect(res.status).toBe(200);
    });
  });

  it('keeps /metrics off without METRICS_TOKEN', async () => {
    const res = await raw(server, '/metrics', { headers: { host: `127.0.0.1:${server.port}` } });
    expect({ status: res.status, code: res.json?.code }).toEqual({ status: 403, code: 'NOT_ALLOWED' });
    expect(res.body).not.toContain('process_cpu');
  });
});

describe('with PUBLIC_URL, ALLOWED_HOSTS and METRICS_TOKEN', () => {
  const TOKEN = 'a metrics token of some length';
  let server: Server;
  beforeAll(async () => {
    server = await bootServer({ PUBLIC_URL: 'https://hustings.example.org/', ALLOWED_HOSTS: 'Hall.Example.NET', METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the public host and the allowed ones, still refuses others', async () => {
    for (const host of ['hustings.example.org', 'HUSTINGS.example.org:443', 'hall.example.net']) {
      expect({ host, status: (await raw(server, '/api/spaces', { headers: { host } })).status }).toEqual({ host, status: 200 });
    }
    expect((await raw(server, '/api/spaces', { headers: { host: 'example.org' } })).status).toBe(421);
  });

  it('reserves a seat for a page on PUBLIC_URL, even behind a proxy that rewrote Host', async () => {
    const res = await reserve(server, 'https://hustings.example.org');
    expect({ status: res.status, acao: res.headers['access-control-allow-origin'] }).toEqual({ status: 200, acao: 'https://hustings.example.org' });
    expect((await reserve(server, 'http://hustings.example.org')).status).toBe(403);
  });

  it('answers /metrics only with the bearer token', async () => {
    const host = `127.0.0.1:${server.port}`;
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const headers: Record<string, string> = { host };
      if (authorization !== undefined) headers.authorization = authorization;
      const res = await raw(server, '/metrics', { headers });
      expect({ authorization, status: res.status, code: res.json?.code }).toEqual({ authorization, status: 401, code: 'NOT_ALLOWED' });
    }
    const ok = await raw(server, '/metrics', { headers: { host, authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('process_cpu');
  });
});
