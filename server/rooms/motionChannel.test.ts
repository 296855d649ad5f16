import { describe, expect, it } from 'vitest';
import { readFrame, type SelfPose } from '../../shared/protocol/motion.js';
import { Avatar } from '../../shared/schema/Avatar.js';
import { INTEREST } from '../domain/interest.js';
import { MotionChannel } from './motionChannel.js';

function avatar(x: number, z: number): Avatar {
  const a = new Avatar();
  Object.assign(a, { name: 'n', x, z, yaw: 0, gait: 0, ack: 0, hue: 0, connected: true, role: 'visitor', seat: -1, hand: 0 });
  return a;
}

/** A channel with people at these spots, all connected; frames decoded as a client would. */
function crowd(spots: [number, number][]) {
  const inbox = new Map<string, { self: SelfPose | undefined; slots: number[] }[]>();
  const connections = new Map<string, object>();
  const channel = new MotionChannel({
    connections: () => connections,
    send: (connection, frame) => {
      const id = [...connections].find(([, c]) => c === connection)![0];
      let self: SelfPose | undefined;
      const slots: number[] = [];
      expect(readFrame(frame, (p) => { self = p; }, (slot) => slots.push(slot))).toBe(true);
      inbox.get(id)!.push({ self, slots });
    },
  });
  const avatars = spots.map(([x, z], i) => {
    const a = avatar(x, z);
    channel.add(`p${i}`, a);
    connections.set(`p${i}`, {});
    inbox.set(`p${i}`, []);
    return a;
  });
  const take = (id: string) => inbox.get(id)!.splice(0);
  return { channel, avatars, take, connections };
}

describe('the motion channel', () => {
  it('sends a new connection everyone once, then nothing while nobody moves', () => {
    const { channel, take } = crowd([[0, 0], [1, 1], [25, 25]]);
    channel.tick();
    expect(take('p0')).toEqual([{ self: expect.objectContaining({ x: 0, z: 0 }) as unknown, slots: [1, 2] }]);
    expect(take('p2')).toHaveLength(1);
    for (let i = 0; i < 100; i++) channel.tick();
    expect(take('p0')).toEqual([]);
    expect(take('p2')).toEqual([]);
  });

  it('sends a neighbour every tick, someone across the square on its turn only, and the mover its own ack each tick', () => {
    const { channel, avatars, take } = crowd([[0, 0], [1, 1], [25, 25]]);
    channel.tick();
    take('p0'); take('p1'); take('p2');
    const mover = avatars[1]!;
    for (let t = 1; t <= INTEREST.farEveryTicks; t++) {
      mover.x += 0.05;
      mover.ack = t;
      mover.gait = 1;
      channel.tick();
    }
    const near = take('p0');
    expect(near).toHaveLength(INTEREST.farEveryTicks);
    expect(near.every((f) => f.slots.includes(1))).toBe(true);
    const far = take('p2').filter((f) => f.slots.includes(1));
    expect(far).toHaveLength(1);
    const own = take('p1');
    expect(own.map((f) => f.self?.ack)).toEqual(Array.from({ length: INTEREST.farEveryTicks }, (_, i) => i + 1));
  });

  it('sends everyone again over a new connection (a reconnect)', () => {
    const { channel, take, connections } = crowd([[0, 0], [1, 1], [2, 2]]);
    channel.tick();
    take('p0');
    connections.set('p0', {});
    channel.tick();
    expect(take('p0')).toEqual([{ self: expect.objectContaining({ x: 0 }) as unknown, slots: [1, 2] }]);
  });
});
