import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { freeVoicePorts } from '../testing/voicePorts.js';
import { startLocalLivekit, type LocalLivekit } from './localLivekit.js';
import { createVoice } from './voice.js';

/**
 * Issue 17, finding 14: a second instance on the same machine (or anything else on LiveKit's
 * ports) sent the embedded LiveKit into a restart every second, logging "embedded LiveKit is
 * back" because ANOTHER LiveKit answered. Real livekit-server processes.
 */
const started: LocalLivekit[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const l of started) await l.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-lkport-'));
  dirs.push(d);
  return d;
};

interface Line { msg: string; restartInMs?: number; port?: number; variable?: string }
function capture(): { log: ReturnType<typeof createLogger>; lines: Line[] } {
  const lines: Line[] = [];
  const log = createLogger('info', { write: (s: string) => { lines.push(JSON.parse(s) as Line); } });
  return { log, lines };
}

describe('the embedded LiveKit and its ports', () => {
  it('when another LiveKit holds its port at the start: says which port and LIVEKIT_PORT, leaves the other alone, and starts by itself once the port is free', async () => {
    const port = await freeVoicePorts();
    const first = (await startLocalLivekit({ dataDir: tempDir(), port, log: createLogger('silent') }))!;
    started.push(first);
    const { log, lines } = capture();
    const second = (await startLocalLivekit({ dataDir: tempDir(), port, log, readyTimeoutMs: 8000 }))!;
    started.push(second);
    expect(second.pid).toBeUndefined();
    expect(lines.find((l) => /port .* is taken/.test(l.msg))).toMatchObject({ port, variable: 'LIVEKIT_PORT' });
    expect(lines.find((l) => /port .* is taken/.test(l.msg))?.msg).toMatch(/LIVEKIT_PORT/);
    expect(lines.map((l) => l.msg)).not.toContain('embedded LiveKit started');
    // The first one is untouched: it still answers with its own keys, and not with the second's.
    await expect(createVoice(first).listRooms()).resolves.toBeInstanceOf(Array);
    await expect(createVoice(second).listRooms()).rejects.toThrow();
    // The other one goes away: the second comes up alone, its own process, with its own keys.
    await first.stop();
    const back = Date.now() + 40_000;
    while (!lines.some((l) => l.msg === 'embedded LiveKit is back') && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
    expect(lines.map((l) => l.msg)).toContain('embedded LiveKit is back');
    expect(second.pid).toBeDefined();
    await expect(createVoice(second).listRooms()).resolves.toBeInstanceOf(Array);
  }, 60_000);

  it('after a crash, backs off while the port is taken, says which, and comes back by itself once it is free', async () => {
    const port = await freeVoicePorts();
    const { log, lines } = capture();
    const livekit = (await startLocalLivekit({ dataDir: tempDir(), port, log }))!;
    started.push(livekit);
    const firstPid = livekit.pid!;
    // Something else takes the signalling port the moment LiveKit dies.
    const exited = new Promise<void>((resolve) => {
      const poll = setInterval(() => { if (!fs.existsSync(`/proc/${firstPid}`)) { clearInterval(poll); resolve(); } }, 5);
    });
    process.kill(firstPid, 'SIGKILL');
    await exited;
    const squatter = net.createServer((s) => s.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nOK'));
    await new Promise<void>((resolve, reject) => { squatter.once('error', reject); squatter.listen(port, '127.0.0.1', () => resolve()); });
    // Three refused attempts, each waiting longer than the one before.
    const deadline = Date.now() + 20_000;
    while (lines.filter((l) => /port .* is taken/.test(l.msg)).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const refusals = lines.filter((l) => /port .* is taken/.test(l.msg));
    expect(refusals.length).toBeGreaterThanOrEqual(3);
    expect(refusals[0]).toMatchObject({ port, variable: 'LIVEKIT_PORT' });
    const waits = refusals.map((l) => l.restartInMs!);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[1]!);
    expect(lines.map((l) => l.msg)).not.toContain('embedded LiveKit is back');
    // The port is free again: it comes back alone, its own process, with our keys.
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    const back = Date.now() + 30_000;
    while (!lines.some((l) => l.msg === 'embedded LiveKit is back') && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
    expect(lines.map((l) => l.msg)).toContain('embedded LiveKit is back');
    expect(livekit.pid).not.toBe(firstPid);
    await expect(createVoice(livekit).listRooms()).resolves.toBeInstanceOf(Array);
  }, 60_000);
});
