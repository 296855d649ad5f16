import { LocalPresence } from '@colyseus/core';
import { MapSchema } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import type { Avatar } from '../../shared/schema/Avatar.js';
import { HallState } from '../../shared/schema/Hall.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { StageRelay, stageTopic } from './roomStage.js';

describe('the relay between sections', () => {
  it('logs a handler that throws on news from another section, and the sender goes on', async () => {
    const presence = new LocalPresence();
    const errors: string[] = [];
    const relay = new StageRelay({
      roomId: 'here', layout: { id: 'townhall' } as SpaceLayout, presence, occupants: new Map(), avatars: new MapSchema<Avatar>(),
      hall: new HallState(), floorHere: () => false, crowd: { add: () => undefined, remove: () => undefined },
      onOrder: () => { throw new Error('the floor broke'); },
      onReactions: () => { throw new Error('the counts broke'); },
      log: { error: (_o: unknown, msg?: string) => { errors.push(msg ?? ''); } },
    });
    await relay.start();
    // In memory, a handler runs inside the publisher's call: it must not throw there.
    expect(() => presence.publish('hustings:floor:townhall', { to: 'here', action: 'end' })).not.toThrow();
    expect(() => presence.publish('hustings:reactions:townhall', { from: 'there', counts: { applause: 2 } })).not.toThrow();
    expect(() => presence.publish(stageTopic('townhall'), { not: 'news' })).not.toThrow();
    expect(errors).toEqual(['a floor order from another section failed', 'adding reactions from another section failed']);
    relay.dispose();
  });
});
