import { once } from 'node:events';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bootServer } from './testing/harness.js';
import { freeVoicePorts } from './testing/voicePorts.js';

/**
 * An operator's restart (SIGTERM, then app.close()) must end even while a page is connected.
 * A page's voice signalling reaches LiveKit through the app's own origin (voice/proxy.ts): that
 * is an upgraded socket, which closeAllConnections() does not see and httpServer.close() waits
 * for. Before the fix close() never finished while the page stayed (the restart spec's server
 * was SIGKILLed after 15 s in CI).
 */
let cleanup: (() => Promise<void>) | undefined;

afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('shutting down with visitors connected', () => {
  it('ends the voice signalling a page holds through the proxy, and close() finishes', async () => {
    const livekitPort = await freeVoicePorts();
    const app = await bootServer({ VOICE: 'on', LIVEKIT_PORT: String(livekitPort) });
    let closed = false;
    cleanup = async () => {
      if (!closed) await app.close();
      fs.rmSync(app.dataDir, { recursive: true, force: true });
    };
    const voice = app.voice.voice;
    expect(voice, 'the embedded LiveKit must run for this test (scripts/livekit.sh install)').toBeDefined();
    const token = await voice!.token({ identity: 'guest:listener', name: 'Listener', room: 'space-plaza', canPublish: false });

    const page = new WebSocket(`ws://127.0.0.1:${app.port}/livekit/rtc?access_token=${token}&protocol=15&sdk=js&version=2.15.0&auto_subscribe=1`);
    await once(page, 'open');
    // LiveKit answers the join on that socket: the proxy really carries it.
    const [first] = await once(page, 'message') as [Buffer];
    expect(first.length).toBeGreaterThan(0);

    const pageGone = once(page, 'close');
    await app.close();
    closed = true;
    await pageGone;
    expect(page.readyState).toBe(WebSocket.CLOSED);
  }, 60_000);
});
