import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_SPEED, TICK_SECONDS } from '../../shared/constants.js';
import { CloseCode } from '../../shared/protocol/errors.js';
import type { MoveInput } from '../../shared/protocol/messages.js';
import { getSpace } from '../../shared/spaces/catalog.js';
import { stepAvatar } from '../../shared/spaces/movement.js';
import { SignJWT } from 'jose';
import { bootServer, closeCode, collectErrors, guestToken, joinSpace, metricsText, waitFor, type SpaceRoomClient } from '../testing/harness.js';

let server: Awaited<ReturnType<typeof bootServer>>;
const plaza = getSpace('plaza')!;

beforeAll(async () => {
  server = await bootServer({ RECONNECT_SECONDS: '2' });
});
afterAll(async () => {
  await server.close();
});

const me = (room: SpaceRoomClient) => room.state.avatars.get(room.sessionId)!;

/** Send inputs at the simulation rate, as a real client does, and wait until the server has applied the last one. */
async function walk(room: SpaceRoomClient, inputs: Omit<MoveInput, 'seq'>[], firstSeq = 1): Promise<MoveInput[]> {
  const sent: MoveInput[] = [];
  for (const [i, input] of inputs.entries()) {
    const msg = { ...input, seq: firstSeq + i };
    room.send('input', msg);
    sent.push(msg);
    await new Promise((r) => setTimeout(r, 50));
  }
  await waitFor(() => me(room).ack === firstSeq + inputs.length - 1, 5000, 'the server to apply every input');
  return sent;
}

describe('space room', () => {
  it('lets two people join the plaza and see each other', async () => {
    const a = await joinSpace(server.url, { spaceId: 'plaza', name: 'Ada' });
    const b = await joinSpace(server.url, { spaceId: 'plaza', name: 'Ben' });
    expect(a.roomId).toBe(b.roomId);
    await waitFor(() => a.state.avatars.has(b.sessionId));
    expect(a.state.avatars.get(b.sessionId)!.name).toBe('Ben');
    expect(b.state.avatars.get(a.sessionId)!.name).toBe('Ada');
    await a.leave();
    await waitFor(() => !b.state.avatars.has(a.sessionId), 5000, 'Ada to disappear for Ben');
    await b.leave();
  });

  it('moves an avatar by integrating inputs exactly as the shared step does, and others see it', async () => {
    const a = await joinSpace(server.url, { spaceId: 'plaza', name: 'Walker' });
    const b = await joinSpace(server.url, { spaceId: 'plaza', name: 'Watcher' });
    const start = { x: me(a).x, z: me(a).z, yaw: me(a).yaw };
    const inputs = Array.from({ length: 12 }, (_, i) => ({ forward: 1, strafe: i % 2 ? 0.5 : 0, run: i > 5, yaw: 0.4 }));
    const sent = await walk(a, inputs);
    let expected = start;
    for (const input of sent) expected = stepAvatar(expected, input, plaza).pose;
    expect(me(a).x).toBeCloseTo(expected.x, 3);
    expect(me(a).z).toBeCloseTo(expected.z, 3);
    expect(Math.hypot(me(a).x - start.x, me(a).z - start.z)).toBeGreaterThan(1);
    await waitFor(() => Math.abs(b.state.avatars.get(a.sessionId)!.x - expected.x) < 1e-3, 5000, 'the watcher to see the new position');
    await a.leave();
    await b.leave();
  });

  it('refuses positions, NaN, huge numbers, wrong types and unknown messages with INVALID_INPUT and changes nothing', async () => {
    const a = await joinSpace(server.url, { spaceId: 'plaza', name: 'Mallory' });
    const b = await joinSpace(server.url, { spaceId: 'plaza', name: 'Bystander' });
    const errors = collectErrors(a);
    const before = { x: me(a).x, z: me(a).z };
    const bad: unknown[] = [
      { seq: 1, forward: 1, strafe: 0, run: false, yaw: 0, x: 100, z: 100 },
      { seq: 2, forward: Number.NaN, strafe: 0, run: false, yaw: 0 },
      { seq: 3, forward: 1e308, strafe: 0, run: true, yaw: 0 },
      { seq: 4, forward: 1, strafe: 0, run: false, yaw: Infinity },
      { seq: 'five', forward: 1, strafe: 0, run: false, yaw: 0 },
      'teleport please',
      null,
    ];
    for (const msg of bad) {
      a.send('input', msg);
      await new Promise((r) => setTimeout(r, 300)); // errors are answered at most 4 times a second
    }
    a.send('setPosition', { x: 5, z: 5 });
    await waitFor(() => errors.length >= bad.length + 1, 5000, 'an error for every bad message');
    expect(errors.every((e) => e.code === 'INVALID_INPUT')).toBe(true);
    expect(errors.at(-1)!.ref).toBe('setPosition');
    expect(errors[0]!.message).toMatch(/positions are not accepted/);
    expect({ x: me(a).x, z: me(a).z }).toEqual(before);
    // The bystander can still move.
    await walk(b, [{ forward: 1, strafe: 0, run: false, yaw: 0 }]);
    expect(me(b).ack).toBe(1);
    await a.leave();
    await b.leave();
  });

  it('caps speed however fast inputs arrive', async () => {
    const a = await joinSpace(server.url, { spaceId: 'plaza', name: 'Speedy', spawn: 'default' });
    const start = { x: me(a).x, z: me(a).z };
    const t0 = Date.now();
    // 40 run inputs at once: a cheat trying to cover 40 steps in one go.
    for (let seq = 1; seq <= 40; seq++) a.send('input', { seq, forward: 0, strafe: 1, run: true, yaw: 0 });
    await new Promise((r) => setTimeout(r, 400));
    const elapsedTicks = (Date.now() - t0) / 50 + 1;
    const moved = Math.hypot(me(a).x - start.x, me(a).z - start.z);
    // At most one step per tick plus the small banked credit, and far less than 40 steps.
    expect(moved).toBeLessThanOrEqual((elapsedTicks + 2) * RUN_SPEED * TICK_SECONDS + 1e-6);
    expect(moved).toBeLessThan(40 * RUN_SPEED * TICK_SECONDS / 2);
    await a.leave();
  });

  it('throttles a flooding client, then disconnects it with a stated reason, and others notice nothing', async () => {
    const flooder = await joinSpace(server.url, { spaceId: 'plaza', name: 'Flood' });
    const other = await joinSpace(server.url, { spaceId: 'plaza', name: 'Calm' });
    const errors = collectErrors(flooder);
    const closed = closeCode(flooder);
    let seq = 1;
    const timer = setInterval(() => {
      for (let i = 0; i < 50; i++) flooder.send('input', { seq: seq++, forward: 1, strafe: 0, run: false, yaw: 0 });
    }, 20);
    const code = await closed;
    clearInterval(timer);
    expect(errors.some((e) => e.code === 'RATE_LIMITED')).toBe(true);
    expect(code).toBe(CloseCode.FLOODING);
    await waitFor(() => !other.state.avatars.has(flooder.sessionId), 5000, 'the flooder to be removed');
    await walk(other, [{ forward: 1, strafe: 0, run: false, yaw: 0 }, { forward: 1, strafe: 0, run: false, yaw: 0 }]);
    expect(me(other).ack).toBe(2);
    const metrics = await metricsText(server);
    expect(metrics).toMatch(/hustings_messages_rejected_total\{reason="rate_limited"\} [1-9]/);
    expect(metrics).toMatch(/hustings_forced_disconnects_total\{reason="flooding"\} 1/);
    await other.leave();
  });

  it('keeps a dropped avatar in place, takes it back on reconnection, and removes it after the window', async () => {
    const a = await joinSpace(server.url, { spaceId: 'plaza', name: 'Flaky' });
    const b = await joinSpace(server.url, { spaceId: 'plaza', name: 'Steady' });
    await walk(a, [{ forward: 1, strafe: 0, run: false, yaw: 1 }, { forward: 1, strafe: 0, run: false, yaw: 1 }]);
    const place = { x: me(a).x, z: me(a).z };
    const token = a.reconnectionToken;
    const sessionId = a.sessionId;

    a.connection.close(); // the network drops: no consent to leave
    await waitFor(() => b.state.avatars.get(sessionId)?.connected === false, 5000, 'the avatar to show as disconnected');

    const back = await new Client(server.url).reconnect(token);
    await waitFor(() => back.state?.avatars?.get(sessionId)?.connected === true, 5000, 'reconnection');
    expect(back.sessionId).toBe(sessionId);
    expect(back.state.avatars.get(sessionId)!.x).toBeCloseTo(place.x, 4);
    expect(back.state.avatars.get(sessionId)!.z).toBeCloseTo(place.z, 4);
    // The same avatar carries on moving with its own sequence.
    await walk(back, [{ forward: 1, strafe: 0, run: false, yaw: 1 }], 3);

    back.connection.close();
    await waitFor(() => !b.state.avatars.has(sessionId), 6000, 'removal after the reconnection window');
    await expect(new Client(server.url).reconnect(back.reconnectionToken)).rejects.toThrow();
    await b.leave();
  });

  it('sends an avatar that walks into a portal on to the other space', async () => {
    const a = await joinSpace(server.url, { spaceId: 'plaza', name: 'Tourist', spawn: 'from-townhall' });
    const portal = new Promise<{ to: string; spawn: string }>((resolve) => a.onMessage('portal', resolve));
    let seq = 1;
    const timer = setInterval(() => a.send('input', { seq: seq++, forward: 1, strafe: 0, run: true, yaw: 0 }), 50);
    const message = await portal;
    clearInterval(timer);
    expect(message).toEqual({ to: 'townhall', spawn: 'default' });
    await a.leave();
    const inside = await joinSpace(server.url, { spaceId: message.to, name: 'Tourist', spawn: message.spawn });
    expect(inside.state.spaceId).toBe('townhall');
    const spawn = getSpace('townhall')!.spawns[0]!;
    expect(Math.hypot(me(inside).x - spawn.x, me(inside).z - spawn.z)).toBeLessThan(0.01);
    await inside.leave();
  });

  it('refuses bad names and bad tokens with a stable code, and keeps names unique', async () => {
    await expect(guestToken(server.url, '   ')).rejects.toThrow(/^INVALID_INPUT: Please type a display name/);
    await expect(guestToken(server.url, 'a\u202eb')).rejects.toThrow(/^INVALID_INPUT: .*invisible/);
    await expect(guestToken(server.url, 'x'.repeat(33))).rejects.toThrow(/^INVALID_INPUT/);
    await expect(joinSpace(server.url, { spaceId: 'nowhere', name: 'Sam' })).rejects.toThrow(/^NOT_FOUND/);
    // No token, a forged token, and a token signed with another key are all refused.
    await expect(new Client(server.url).joinOrCreate('space', { spaceId: 'plaza', name: 'Sam' })).rejects.toThrow(/^NOT_ALLOWED: Please sign in/);
    await expect(joinSpace(server.url, { spaceId: 'plaza', token: 'not.a.token' })).rejects.toThrow(/^NOT_ALLOWED/);
    // Join options that break the schema (an over-long spawn name) are INVALID_INPUT.
    await expect(joinSpace(server.url, { spaceId: 'plaza', name: 'Sam', spawn: 'x'.repeat(41) })).rejects.toThrow(/^INVALID_INPUT/);
    const good = await guestToken(server.url, 'Sam');
    const [header, payload] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, name: 'Admin' })).toString('base64url');
    await expect(joinSpace(server.url, { spaceId: 'plaza', token: `${header}.${forgedPayload}.${good.split('.')[2]}` })).rejects.toThrow(/^NOT_ALLOWED/);
    const otherKey = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(48)));
    await expect(joinSpace(server.url, { spaceId: 'plaza', token: otherKey })).rejects.toThrow(/^NOT_ALLOWED/);
    const one = await joinSpace(server.url, { spaceId: 'hall-1', name: 'Sam' });
    const two = await joinSpace(server.url, { spaceId: 'hall-1', name: ' sam ' });
    expect(me(two).name).toBe('sam (2)');
    await one.leave();
    await two.leave();
  });

  it('times ticks per room for /metrics, and drops a room\'s series when the room goes', async () => {
    const ticksOf = async (roomId: string) => {
      const m = new RegExp(`^hustings_room_tick_duration_seconds_count\\{room="${roomId}"\\} (\\d+)$`, 'm').exec(await metricsText(server));
      return m ? Number(m[1]) : undefined;
    };
    const until = async (check: () => Promise<boolean>, what: string) => {
      const deadline = Date.now() + 5000;
      while (!await check()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const visitor = await joinSpace(server.url, { spaceId: 'hall-1', name: 'Tess' });
    const roomId = visitor.roomId;
    await until(async () => (await ticksOf(roomId) ?? 0) > 0, 'the room\'s ticks in /metrics');
    await visitor.leave();
    await until(async () => await ticksOf(roomId) === undefined, 'the room\'s series to go with the room');
  });

  it('serves health and Prometheus metrics', async () => {
    const health = await (await fetch(`${server.http}/healthz`)).json();
    expect(health).toMatchObject({ ok: true });
    const metrics = await metricsText(server);
    for (const name of ['hustings_rooms', 'hustings_clients', 'hustings_tick_duration_seconds_bucket', 'hustings_patch_bytes_total', 'process_resident_memory_bytes']) {
      expect(metrics).toContain(name);
    }
    expect(metrics).toMatch(/hustings_tick_duration_seconds_count [1-9]/);
    const missing = await fetch(`${server.http}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
