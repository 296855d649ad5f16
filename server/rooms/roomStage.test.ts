import { LocalPresence } from '@colyseus/core';
import { MapSchema } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import type { Avatar } from '../../shared/schema/Avatar.js';
import { HallState } from '../../shared/schema/Hall.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { Refusal } from '../domain/refusal.js';
import { leftSection } from '../domain/sectionOrders.js';
import { StageRelay, stageTopic } from './roomStage.js';
import { OrderChannel, type OrderParts } from './sectionOrders.js';

describe('the relay between sections', () => {
  it('logs a handler that throws on news from another section, and the sender goes on', async () => {
    const presence = new LocalPresence();
    const errors: string[] = [];
    const relay = new StageRelay({
      roomId: 'here', layout: { id: 'townhall' } as SpaceLayout, presence, occupants: new Map(), avatars: new MapSchema<Avatar>(),
      hall: new HallState(), floorHere: () => false, crowd: { add: () => undefined, remove: () => undefined },
      onReactions: () => { throw new Error('the counts broke'); },
      log: { error: (_o: unknown, msg?: string) => { errors.push(msg ?? ''); } },
    });
    await relay.start();
    // In memory, a handler runs inside the publisher's call: it must not throw there.
    expect(() => presence.publish('hustings:reactions:townhall', { from: 'there', counts: { applause: 2 } })).not.toThrow();
    expect(() => presence.publish(stageTopic('townhall'), { not: 'news' })).not.toThrow();
    expect(errors).toEqual(['adding reactions from another section failed']);
    relay.dispose();
  });
});

describe('orders between sections', () => {
  const channel = (presence: LocalPresence, roomId: string, carryOut: OrderParts['carryOut'], errors: string[] = []) => new OrderChannel({
    roomId, spaceId: 'townhall', presence, section: () => 2, carryOut, answerWithinMs: 100,
    log: { error: (_o: unknown, msg?: string) => { errors.push(msg ?? ''); }, warn: () => undefined },
  });

  it("brings back the other section's answer: done, refused with its code and sentence, or failed there", async () => {
    const presence = new LocalPresence();
    const errors: string[] = [];
    const asking = channel(presence, 'one', () => Promise.reject(new Error('not asked here')));
    const holding = channel(presence, 'two', async (order) => {
      if (order.action === 'call' && order.sessionId === 'gone') throw new Refusal('NOT_FOUND', leftSection(order.name, 2));
      if (order.action === 'end') throw new Error('the floor broke');
      return 'Bo has the floor in section 2.';
    }, errors);
    await asking.start();
    await holding.start();
    const call = (sessionId: string, name: string) => asking.ask({ to: 'two', action: 'call', sessionId, name, seconds: 60, by: null }, 2);
    await expect(call('bo', 'Bo')).resolves.toBe('Bo has the floor in section 2.');
    await expect(call('gone', 'Dee')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Dee has left section 2.' });
    await expect(asking.ask({ to: 'two', action: 'end' }, 2)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('section 2') as unknown });
    expect(errors).toEqual(['an order from another section failed']);
    asking.dispose();
    holding.dispose();
  });

  it('tells the moderator honestly when the other section never answers', async () => {
    const presence = new LocalPresence();
    const asking = channel(presence, 'one', () => Promise.reject(new Error('not asked here')));
    await asking.start();
    const unanswered = asking.ask({ to: 'closed-section', action: 'call', sessionId: 'bo', name: 'Bo', seconds: 60, by: null }, 3);
    await expect(unanswered).rejects.toBeInstanceOf(Refusal);
    await expect(unanswered).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Section 3 did not answer within 0.1 s; Bo may not have been called. Look at the floor and the people there before trying again.',
    });
    asking.dispose();
  });
});
