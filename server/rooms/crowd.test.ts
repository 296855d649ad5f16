import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJoinError } from '../../shared/protocol/errors.js';
import { MOTION_MESSAGE, readFrame, type MotionPose } from '../../shared/protocol/motion.js';
import { bootServer, joinSpace, waitFor } from '../testing/harness.js';

let server: Awaited<ReturnType<typeof bootServer>>;

beforeAll(async () => {
  server = await bootServer({ MAX_CLIENTS_PER_SPACE: '2' });
});
afterAll(async () => {
  await server.close();
});

describe('a crowded space', () => {
  it('sends a walker\'s pose to a neighbour in motion frames while it walks, and into the room state once it stops', async () => {
    const walker = await joinSpace(server.url, { spaceId: 'plaza', name: 'Walker' });
    const watcher = await joinSpace(server.url, { spaceId: 'plaza', name: 'Watcher' });
    const slot = watcher.state.avatars.get(walker.sessionId)!.slot;
    const seen: MotionPose[] = [];
    let ownAck = 0;
    watcher.onMessage(MOTION_MESSAGE, (bytes: Uint8Array) => readFrame(bytes, () => undefined, (s, pose) => { if (s === slot) seen.push(pose); }));
    walker.onMessage(MOTION_MESSAGE, (bytes: Uint8Array) => readFrame(bytes, (own) => { ownAck = own.ack; }, () => undefined));
    const start = { ...watcher.state.avatars.get(walker.sessionId)! };
    for (let seq = 1; seq <= 8; seq++) {
      walker.send('input', { seq, forward: 1, strafe: 0, run: false, yaw: 0 });
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitFor(() => ownAck === 8, 5000, 'the walker to get its own ack');
    await waitFor(() => seen.some((p) => p.gait === 0 && p !== seen[0]), 5000, 'the watcher to see the walker stop');
    const moving = seen.filter((p) => p.gait > 0);
    expect(moving.length).toBeGreaterThan(3);
    const last = seen.at(-1)!;
    expect(Math.hypot(last.x - start.x, last.z - start.z)).toBeGreaterThan(0.5);
    // At rest, the room state carries the pose too (within the frames' 2 cm).
    await waitFor(() => Math.abs(watcher.state.avatars.get(walker.sessionId)!.x - last.x) < 0.02, 5000, 'the state to carry the pose at rest');
    await Promise.all([walker.leave(), watcher.leave()]);
  });

  it('refuses a third person with ROOM_FULL and says where there is space', async () => {
    const a = await joinSpace(server.url, { spaceId: 'plaza', name: 'A' });
    const b = await joinSpace(server.url, { spaceId: 'plaza', name: 'B' });
    const refused = await joinSpace(server.url, { spaceId: 'plaza', name: 'C' }).then(() => undefined, (err: unknown) => err);
    expect(refused).toBeInstanceOf(Error);
    const parsed = parseJoinError((refused as Error).message);
    expect(parsed.code).toBe('ROOM_FULL');
    expect(parsed.message).toMatch(/^Civic Plaza is full \(2 people\)\. There is space in .*Town Hall/);
    // Someone leaves: the next person gets in.
    await a.leave();
    await waitFor(() => b.state.avatars.size === 1, 5000, 'A to be gone');
    const c = await joinSpace(server.url, { spaceId: 'plaza', name: 'C' });
    expect(c.roomId).toBe(b.roomId);
    await Promise.all([b.leave(), c.leave()]);
  });
});
