import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { installedBinary, loadLivekitKeys, startLocalLivekit, type LocalLivekit } from './localLivekit.js';
import { freeVoicePorts } from '../testing/voicePorts.js';
import { createVoice } from './voice.js';

/** These run the real livekit-server that scripts/livekit.sh installs (the test command does). */
const log = createLogger('silent');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-voice-'));
let port = 0;
let livekit: LocalLivekit;

beforeAll(async () => {
  port = await freeVoicePorts();
  const started = await startLocalLivekit({ dataDir, port, log });
  if (!started) throw new Error(`livekit-server is not installed at ${installedBinary()}: run scripts/livekit.sh install`);
  livekit = started;
}, 30_000);

afterAll(async () => {
  await livekit?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded LiveKit', () => {
  it('answers the server SDK with the keys generated under DATA_DIR', async () => {
    const voice = createVoice(livekit);
    await new RoomServiceClient(livekit.url.replace(/^ws/, 'http'), livekit.apiKey, livekit.apiSecret).createRoom({ name: 'space-test', emptyTimeout: 60 });
    expect(await voice.listRooms()).toContain('space-test');
    const keysFile = path.join(dataDir, 'livekit-keys.json');
    expect(fs.statSync(keysFile).mode & 0o777).toBe(0o600);
    expect(loadLivekitKeys(dataDir)).toEqual({ apiKey: livekit.apiKey, apiSecret: livekit.apiSecret });
    // A key that is not ours is refused.
    const stranger = createVoice({ ...livekit, apiSecret: 'not-the-secret-not-the-secret-0000' });
    await expect(stranger.listRooms()).rejects.toThrow();
  });

  it('mints least-privilege tokens: subscribe always, microphone only when allowed, never admin or data', async () => {
    const voice = createVoice(livekit);
    const listener = decodeJwt(await voice.token({ identity: 'guest:abc', name: 'Ava', room: 'space-test', canPublish: false }));
    expect(listener.sub).toBe('guest:abc');
    expect(listener.video).toMatchObject({ room: 'space-test', roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
    expect(listener.video).not.toHaveProperty('roomAdmin');
    expect(listener.video).not.toHaveProperty('roomCreate');
    const speaker = decodeJwt(await voice.token({ identity: 'account:1', name: 'Hana', room: 'space-test', canPublish: true }));
    expect(speaker.video).toMatchObject({ canPublish: true, canPublishSources: ['microphone'] });
  });

  it('says voice is unavailable (and starts nothing) when the binary is missing', async () => {
    const none = await startLocalLivekit({ dataDir, port: port + 10, log, binary: path.join(dataDir, 'no-such-binary') });
    expect(none).toBeUndefined();
  });

  it('starts LiveKit again when it dies, on the same port with the same keys', async () => {
    const first = livekit.pid!;
    process.kill(first, 'SIGKILL');
    const deadline = Date.now() + 20_000;
    while (!(livekit.pid !== first && await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error('LiveKit was not restarted within 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(livekit.pid).not.toBe(first);
    // The same keys still work against the new process.
    await expect(createVoice(livekit).listRooms()).resolves.toBeInstanceOf(Array);
  });

  it('stops the process and frees its port', async () => {
    const second = await startLocalLivekit({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-voice-')), port: port + 20, log });
    expect(await fetch(`http://127.0.0.1:${port + 20}/`).then((r) => r.ok)).toBe(true);
    await second!.stop();
    await expect(fetch(`http://127.0.0.1:${port + 20}/`)).rejects.toThrow();
  });
});

describe('voice in the app', () => {
  it('starts the embedded LiveKit with the app and stops it with the app', async () => {
    const { bootServer } = await import('../testing/harness.js');
    const appPort = port + 30;
    const server = await bootServer({ VOICE: 'on', LIVEKIT_PORT: String(appPort) });
    try {
      expect(await fetch(`http://127.0.0.1:${appPort}/`).then((r) => r.ok)).toBe(true);
    } finally {
      await server.close();
    }
    await expect(fetch(`http://127.0.0.1:${appPort}/`)).rejects.toThrow();
  });

  it('refuses half an external LiveKit configuration, naming the variables', async () => {
    const { loadConfig } = await import('../config.js');
    expect(() => loadConfig({ LIVEKIT_URL: 'ws://livekit.example:7880' })).toThrow(/LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET/);
    expect(() => loadConfig({ LIVEKIT_URL: 'http://x' , LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' })).toThrow(/LIVEKIT_URL/);
  });
});
