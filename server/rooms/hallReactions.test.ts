import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientMessage } from '../../shared/protocol/messages.js';
import { REACTIONS, type Reaction, type ReactionBurst } from '../../shared/protocol/townhall.js';
import { bootServer, waitFor } from '../testing/harness.js';
import { act, joinHall, me, type Tracked } from '../testing/hall.js';

/** Reactions are aggregated: however many people react, the room sends a few bursts a second. */

let server: Awaited<ReturnType<typeof bootServer>>;

beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.close();
});

const total = (bursts: ReactionBurst[], kind?: Reaction) =>
  bursts.reduce((sum, b) => sum + (kind ? b.counts[kind] : REACTIONS.reduce((s, k) => s + b.counts[k], 0)), 0);

describe('reactions', () => {
  it('sends each of 20 people far fewer than 20 messages when all 20 react at once, counting every reaction', async () => {
    const crowd: Tracked[] = [];
    for (let i = 0; i < 20; i++) crowd.push(await joinHall(server.url, { name: `Clapper ${i}` }));
    const kindOf = (i: number) => REACTIONS[i % REACTIONS.length]!;
    for (const [i, t] of crowd.entries()) t.room.send(ClientMessage.React, { kind: kindOf(i) });

    await waitFor(() => crowd.every((t) => total(t.bursts) === 20), 10_000, 'every client to have heard all 20 reactions');
    const messages = crowd.map((t) => t.bursts.length);
    // One burst per flush (every 250 ms) for everyone: the same few messages for all.
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toBeLessThan(5);
    for (const kind of REACTIONS) {
      expect(total(crowd[0]!.bursts, kind), kind).toBe(5);
      // Everyone who reacted is named (up to a sample per kind), so clients can draw it above them.
      const named = new Set(crowd[0]!.bursts.flatMap((b) => b.from[kind]));
      const senders = crowd.filter((_, i) => kindOf(i) === kind).map((t) => t.room.sessionId);
      expect([...named].sort()).toEqual([...senders].sort());
    }
    for (const t of crowd) await t.room.leave();
  }, 60_000);

  it('drops a flood of reactions from one person quietly, beyond a small burst', async () => {
    const flooder = await joinHall(server.url, { name: 'Flooder' });
    const marker = await joinHall(server.url, { name: 'Marker' });
    for (let i = 0; i < 30; i++) flooder.room.send(ClientMessage.React, { kind: 'applause' });
    // The flooder's hand going up shows the server has read all 30; the marker's reaction, heard
    // after that, shows every earlier reaction has been sent out.
    await act(flooder, ClientMessage.Hand, { up: true }, () => me(flooder).hand > 0);
    marker.room.send(ClientMessage.React, { kind: 'laugh' });
    await waitFor(() => marker.bursts.some((b) => b.from.laugh.includes(marker.room.sessionId)), 5000, "the marker's reaction");
    const heard = total(marker.bursts, 'applause');
    expect(heard).toBeGreaterThanOrEqual(6);
    expect(heard).toBeLessThan(10);
    expect(flooder.errors).toEqual([]);
    expect(flooder.room.connection.isOpen).toBe(true);
    await flooder.room.leave();
    await marker.room.leave();
  });
});
