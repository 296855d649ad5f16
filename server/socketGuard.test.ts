import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Protocol } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, stopServer, type LoadServer } from '../e2e/load/server.js';
import { bootServer, closeCode, collectErrors, joinSpace, waitFor, type SpaceRoomClient } from './testing/harness.js';
import { CLOSE_REASON_MAX_BYTES, fitCloseReason, OffenderLog } from './socketGuard.js';
import { createLogger } from './log.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const me = (room: SpaceRoomClient) => room.state.avatars.get(room.sessionId)!;

describe('close reasons', () => {
  it('are kept whole up to 123 UTF-8 bytes and cut on a character boundary beyond', () => {
    expect(fitCloseReason('NOT_ALLOWED: A moderator removed you.')).toBe('NOT_ALLOWED: A moderator removed you.');
    const exact = 'x'.repeat(CLOSE_REASON_MAX_BYTES);
    expect(fitCloseReason(exact)).toBe(exact);
    for (const long of ['y'.repeat(124), 'é'.repeat(100), '👋'.repeat(40), `a${'🏳️‍🌈'.repeat(20)}`, 'ab'.repeat(5000)]) {
      const fitted = fitCloseReason(long);
      expect(bytes(fitted)).toBeLessThanOrEqual(CLOSE_REASON_MAX_BYTES);
      expect(fitted.endsWith('…')).toBe(true);
      // Nothing but whole characters of the original, in order.
      expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
      expect(fitted).not.toMatch(/\uFFFD/);
    }
  });
});

describe('offender log', () => {
  it('writes one line per offender a minute, then says how many it held back', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
    const log = new OffenderLog(createLogger('info', sink), 'refused', 'warn', 60_000, 3);
    for (let i = 0; i < 50; i++) log.report('a', 'frame', `RangeError: bad frame ${i}\n    at somewhere`, undefined, 1000 + i);
    log.report('b', 'frame', 'boom', undefined, 1000);
    log.report('a', 'frame', 'again', undefined, 70_000);
    return new Promise<void>((resolve) => setImmediate(() => {
      const forA = lines.filter((l) => l.offender === 'a');
      expect(forA).toHaveLength(2);
      expect(forA[0]!.detail).toBe('RangeError: bad frame 0');
      expect(forA[1]!.heldBack).toBe(49);
      expect(lines.filter((l) => l.offender === 'b')).toHaveLength(1);
      resolve();
    }));
  });
});

/** A real server process: the finding was that one message ended it for everyone. */
describe('a hostile guest against a server process', () => {
  let server: LoadServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-guard-'));
    server = await startServer(dataDir, 100);
  });
  afterAll(async () => {
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses Colyseus' reserved fallback type like any unknown type, and the server and everyone else go on", async () => {
    const attacker = await joinSpace(server.url, { spaceId: 'plaza', name: 'Mallory' });
    const bystander = await joinSpace(server.url, { spaceId: 'plaza', name: 'Bob' });
    const errors = collectErrors(attacker);
    for (const payload of ['z'.repeat(200), '👋'.repeat(100), 'q'.repeat(50)]) {
      attacker.send('__no_message_handler', payload);
    }
    attacker.send('*', 'x'.repeat(300));
    attacker.send('__proto__', { a: 1 });
    attacker.send('k'.repeat(400), 'x');
    await waitFor(() => errors.length >= 1 || server.child?.exitCode !== null, 5000, 'the refusal');
    expect(server.child?.exitCode, 'the server process ended').toBeNull();
    expect(errors.every((e) => e.code === 'INVALID_INPUT')).toBe(true);
    expect(errors[0]!.ref).toBe('__no_message_handler');
    // Still here, both of them, and the process answers.
    expect(server.child?.exitCode).toBeNull();
    expect((await fetch(`${server.url.replace(/^ws/, 'http')}/healthz`)).ok).toBe(true);
    bystander.send('input', { seq: 1, forward: 1, strafe: 0, run: false, yaw: 0 });
    await waitFor(() => me(bystander).ack === 1, 5000, 'the bystander to keep moving');
    attacker.send('input', { seq: 1, forward: 1, strafe: 0, run: false, yaw: 0 });
    await waitFor(() => me(attacker).ack === 1, 5000, 'the attacker to be refused, not dropped');
    await attacker.leave();
    await bystander.leave();
  });
});

describe('malformed frames', () => {
  it('end that connection with one log line, never a stack trace per frame', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
    const consoleError = vi.spyOn(console, 'error');
    const server = await bootServer({ LOG_LEVEL: 'warn' }, { logDestination: sink });
    try {
      const other = await joinSpace(server.url, { spaceId: 'plaza', name: 'Calm' });
      for (let round = 0; round < 3; round++) {
        const bad = await joinSpace(server.url, { spaceId: 'plaza', name: `Bad ${round}` });
        const closed = closeCode(bad);
        // ROOM_DATA, type "input", then a byte msgpack never uses: the payload cannot be decoded.
        const frame = Buffer.concat([Buffer.from([Protocol.ROOM_DATA, 0xa5]), Buffer.from('input'), Buffer.from([0xc1, 0xc1])]);
        for (let i = 0; i < 40; i++) bad.connection.send(frame);
        expect(await closed).toBeGreaterThanOrEqual(1000);
      }
      other.send('input', { seq: 1, forward: 1, strafe: 0, run: false, yaw: 0 });
      await waitFor(() => me(other).ack === 1, 5000, 'the calm client to keep moving');
      const frameLines = lines.filter((l) => l.msg === 'refused a malformed or hostile frame');
      expect(frameLines.length).toBeGreaterThanOrEqual(3);
      expect(frameLines.length).toBeLessThanOrEqual(3 * 2);
      expect(lines.some((l) => JSON.stringify(l).includes('\\n    at '))).toBe(false);
      expect(consoleError).not.toHaveBeenCalled();
      await other.leave();
    } finally {
      consoleError.mockRestore();
      await server.close();
    }
  });
});
