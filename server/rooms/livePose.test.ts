import { Decoder, Encoder } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { Avatar } from '../../shared/schema/Avatar.js';
import { SpaceState } from '../../shared/schema/SpaceState.js';
import { detachPose, publishPose } from './livePose.js';

function avatar(): Avatar {
  const a = new Avatar();
  Object.assign(a, { name: 'Ada', x: 1, z: 2, yaw: 0.5, gait: 0, ack: 0, hue: 10, connected: true, role: 'visitor', seat: -1, hand: 0, slot: 3 });
  return a;
}

describe('an avatar\'s detached pose', () => {
  it('stays out of patches while it moves, and goes out when published; joiners get the live pose', () => {
    const state = new SpaceState();
    state.spaceId = 'plaza';
    const encoder = new Encoder(state);
    const a = avatar();
    state.avatars.set('a', a);
    detachPose(a);
    const client = new Decoder(new SpaceState());
    client.decode(encoder.encodeAll());
    encoder.discardChanges();
    const seen = () => (client.state as SpaceState).avatars.get('a')!;
    expect([seen().x, seen().z, seen().name]).toEqual([1, 2, 'Ada']);

    a.x = 5;
    a.ack = 7;
    a.gait = 1;
    expect(a.x).toBe(5);
    const quiet = encoder.encode();
    encoder.discardChanges();
    client.decode(quiet);
    expect(seen().x).toBe(1);

    a.hand = 2; // another field still patches as usual
    client.decode(encoder.encode());
    encoder.discardChanges();
    expect([seen().x, seen().hand]).toEqual([1, 2]);

    a.gait = 0;
    publishPose(a);
    client.decode(encoder.encode());
    encoder.discardChanges();
    expect([seen().x, seen().ack, seen().gait]).toEqual([5, 7, 0]);

    a.x = 9;
    const joiner = new Decoder(new SpaceState());
    joiner.decode(encoder.encodeAll());
    expect((joiner.state as SpaceState).avatars.get('a')!.x).toBe(9);
  });
});
