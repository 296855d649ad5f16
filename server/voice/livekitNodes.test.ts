import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Room as LivekitRoom } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type Started } from '../../e2e/load/cluster.js';
import { freeVoicePorts } from '../testing/voicePorts.js';
import { installedBinary, livekitConfig } from './localLivekit.js';
import { createVoice, type Voice } from './voice.js';

/**
 * LiveKit's own multi-node mode (issue 19): two real livekit-server nodes given the same
 * `redis:` block. A room lives on one node; either node's API sees it, and a participant whose
 * signalling reaches the other node lands in the same room. Nothing is skipped: without the
 * installed binary (scripts/livekit.sh install) or redis-server the set-up fails.
 */
const keys = { apiKey: 'nodes-test-key', apiSecret: 'a livekit secret for the multi-node test only' };
let redis: Started;
const nodes: { url: string; voice: Voice; child: ChildProcess }[] = [];
const dirs: string[] = [];
const joined: LivekitRoom[] = [];

async function startNode(redisAddress: string) {
  const port = await freeVoicePorts();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-livekit-node-'));
  dirs.push(dir);
  const config = path.join(dir, 'livekit.yaml');
  fs.writeFileSync(config, `${livekitConfig({ port, ...keys })}redis:\n  address: ${redisAddress}\n`);
  const child = spawn(installedBinary(), ['--config', config], { stdio: 'ignore' });
  const url = `ws://127.0.0.1:${port}`;
  nodes.push({ url, voice: createVoice({ url, ...keys }), child });
  const deadline = Date.now() + 20_000;
  while (!await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('livekit-server did not answer within 20 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  redis = await startRedis();
  const address = new URL(redis.url).host;
  await startNode(address);
  await startNode(address);
}, 60_000);

afterAll(async () => {
  for (const room of joined) await room.disconnect().catch(() => undefined);
  await Promise.all(nodes.map(({ child }) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  })));
  await redis?.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);

async function join(node: { url: string; voice: Voice }, room: string, identity: string): Promise<void> {
  const token = await node.voice.token({ identity, name: identity, room, canPublish: false });
  const lk = new LivekitRoom();
  joined.push(lk);
  await lk.connect(node.url, token, { autoSubscribe: false, dynacast: false });
}

describe('two LiveKit nodes on one Redis', () => {
  it('share rooms: a room opened through one node is seen and joined through the other', async () => {
    const [first, second] = nodes as [typeof nodes[0], typeof nodes[0]];
    await join(second, 'townhall.multi', 'visitor-on-second');
    // The first node's API sees the room and the participant (the room list is in Redis).
    expect(await first.voice.listRooms()).toContain('townhall.multi');
    expect(await first.voice.participant('townhall.multi', 'visitor-on-second')).toMatchObject({ identity: 'visitor-on-second' });
    // A participant whose signalling reaches the first node lands in the same room.
    await join(first, 'townhall.multi', 'visitor-on-first');
    expect(await second.voice.participant('townhall.multi', 'visitor-on-first')).toMatchObject({ identity: 'visitor-on-first' });
    expect(await second.voice.participant('townhall.multi', 'visitor-on-second')).toMatchObject({ identity: 'visitor-on-second' });
  });
});
