import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { VrPosesMessage } from '../../shared/protocol/vr.js';
import { HAND_MAX_REACH, HEAD_MAX_OFFSET } from '../domain/vrPose.js';
import { bootServer, collectErrors, joinSpace, waitFor, type SpaceRoomClient } from '../testing/harness.js';

let server: Awaited<ReturnType<typeof bootServer>>;

beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server.close();
});

const me = (room: SpaceRoomClient) => room.state.avatars.get(room.sessionId)!;
const q = [0, 0, 0, 1];

describe('VR in a room', () => {
  it('relays a VR visitor\'s clamped head and hands to people nearby, and nothing to the visitor', async () => {
    const vr = await joinSpace(server.url, { spaceId: 'plaza', name: 'Vic' });
    const other = await joinSpace(server.url, { spaceId: 'plaza', name: 'Olu' });
    const seenByOther: VrPosesMessage[] = [];
    const seenByVr: VrPosesMessage[] = [];
    other.onMessage('vrPoses', (m: VrPosesMessage) => seenByOther.push(m));
    vr.onMessage('vrPoses', (m: VrPosesMessage) => seenByVr.push(m));
    // A head two metres from the body (a forged client): clamped before anyone sees it.
    vr.send('vrPose', { head: { p: [2, 1.6, 0], q }, left: { p: [-0.3, 1.1, -0.3], q }, right: null });
    await waitFor(() => seenByOther.some((m) => m.poses.some((p) => p.id === vr.sessionId)), 5000, 'the pose to reach the other visitor');
    const pose = seenByOther.flatMap((m) => m.poses).find((p) => p.id === vr.sessionId)!;
    expect(pose.head[0]).toBeCloseTo(HEAD_MAX_OFFSET, 3);
    // The hand stays within reach of the (clamped) head.
    expect(Math.hypot(pose.left![0] - pose.head[0], pose.left![1] - pose.head[1], pose.left![2] - pose.head[2])).toBeLessThanOrEqual(HAND_MAX_REACH + 1e-3);
    expect(pose.right).toBeNull();
    expect(seenByVr).toEqual([]);
    await vr.leave();
    await other.leave();
  });

  it('refuses malformed poses with INVALID_INPUT', async () => {
    const vr = await joinSpace(server.url, { spaceId: 'plaza', name: 'Vic' });
    const errors = collectErrors(vr);
    vr.send('vrPose', { head: { p: [Number.NaN, 1.6, 0], q }, left: null, right: null });
    await waitFor(() => errors.length > 0, 5000, 'a refusal');
    expect(errors[0]).toMatchObject({ code: ErrorCode.INVALID_INPUT, ref: 'vrPose' });
    await vr.leave();
  });

  it('teleports to a free spot in sight, and refuses one inside the fountain or too far', async () => {
    const vr = await joinSpace(server.url, { spaceId: 'plaza', name: 'Vic' });
    const errors = collectErrors(vr);
    const start = { x: me(vr).x, z: me(vr).z };
    vr.send('teleport', { x: 0, z: 0 }); // the fountain
    await waitFor(() => errors.length > 0, 5000, 'a refusal');
    expect(errors[0]).toMatchObject({ code: ErrorCode.NOT_ALLOWED, ref: 'teleport' });
    expect(errors[0]!.message).toMatch(/no room to stand/);
    // Too far: refused (its error is not repeated within a quarter second); the next, allowed one lands.
    vr.send('teleport', { x: start.x, z: start.z - 25 });
    const to = { x: start.x + 3, z: start.z };
    vr.send('teleport', to);
    await waitFor(() => Math.abs(me(vr).x - to.x) < 1e-3, 5000, 'the teleport');
    expect(me(vr).z).toBeCloseTo(to.z, 3);
    await vr.leave();
  });
});
