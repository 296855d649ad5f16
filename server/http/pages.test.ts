import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { bootServer } from '../testing/harness.js';

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server;

beforeAll(async () => {
  server = await bootServer();
  // The harness serves its data directory as the client: give it a page.
  fs.writeFileSync(path.join(server.dataDir, 'index.html'), '<!doctype html><title>Hustings</title>');
});
afterAll(async () => {
  await server?.close();
});

const asBrowser = { headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } };

// Issue 21: a badly encoded event link showed raw JSON ({"code":"INVALID_INPUT",...}).
describe('bad links get the page, never raw JSON', () => {
  it('serves the page for a badly encoded event, space or invitation link', async () => {
    for (const link of ['/events/%E0%A4%A', '/s/%E0%A4%A', '/invite/%E0%A4%A', '/s/hall-1/e/%ZZ']) {
      const res = await fetch(`${server.http}${link}`, asBrowser);
      expect({ link, status: res.status, type: res.headers.get('content-type') }).toMatchObject({ link, status: 200, type: expect.stringContaining('text/html') as string });
    }
  });

  it('answers a browser asking for an unknown address with the page and a 404; a program still gets JSON', async () => {
    const page = await fetch(`${server.http}/no/such/page`, asBrowser);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const json = await fetch(`${server.http}/no/such/page`);
    expect(json.status).toBe(404);
    expect(await json.json()).toMatchObject({ code: 'NOT_FOUND' });
    const api = await fetch(`${server.http}/api/no-such-thing`, asBrowser);
    expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
