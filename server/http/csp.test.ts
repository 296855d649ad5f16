import { afterEach, describe, expect, it } from 'vitest';
import { bootServer } from '../testing/harness.js';

// Issue 17, finding 5: `connect-src 'self' blob: ws: wss:` let a page (or an injected script)
// open a WebSocket to any host. One server at a time per process.

type Server = Awaited<ReturnType<typeof bootServer>>;

/** The sources of one CSP directive, as the server sent it for `path`. */
async function directive(server: Server, path: string, name: string): Promise<string[]> {
  const res = await fetch(`${server.http}${path}`);
  const csp = res.headers.get('content-security-policy') ?? '';
  const found = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  expect(found, `${name} in ${csp}`).toBeDefined();
  return found!.slice(1);
}

describe('connect-src', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('allows sockets only to this site (embedded LiveKit is proxied at /livekit)', async () => {
    server = await bootServer();
    const own = `127.0.0.1:${server.port}`;
    for (const path of ['/login', '/api/spaces', '/healthz']) {
      expect({ path, sources: await directive(server, path, 'connect-src') })
        .toEqual({ path, sources: ["'self'", 'blob:', `ws://${own}`, `wss://${own}`] });
    }
  });

  it('adds the configured external LiveKit, and nothing else', async () => {
    server = await bootServer({
      VOICE: 'on', LIVEKIT_URL: 'ws://127.0.0.1:1', LIVEKIT_PUBLIC_URL: 'wss://Voice.Example.org/rtc', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'a secret that is long enough',
    });
    const sources = await directive(server, '/login', 'connect-src');
    expect(sources).toEqual(["'self'", 'blob:', `ws://127.0.0.1:${server.port}`, `wss://127.0.0.1:${server.port}`, 'wss://voice.example.org', 'https://voice.example.org']);
  });

  it('names the host the page was asked for, and nothing for a host it cannot be', async () => {
    const { sameHostSockets } = await import('./routes.js');
    expect(sameHostSockets('localhost:8080')).toBe('ws://localhost:8080 wss://localhost:8080');
    expect(sameHostSockets('[::1]:80')).toBe('ws://[::1]:80 wss://[::1]:80');
    for (const host of [undefined, '', 'evil.example; script-src *', 'a b', 'x/y']) expect(sameHostSockets(host)).toBe('');
  });
});
