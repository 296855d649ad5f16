import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientMessage, ServerMessage, type PlacedMessage } from '../../shared/protocol/messages.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { stageAt } from '../../shared/spaces/collision.js';
import { bootServer, collectErrors, createAccount, joinSpace, waitFor } from '../testing/harness.js';

type Server = Awaited<ReturnType<typeof bootServer>>;
const layout = SPACES.get('townhall')!;
let server: Server;

beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.close();
});

const me = (room: Awaited<ReturnType<typeof joinSpace>>) => room.state.avatars.get(room.sessionId)!;

describe('going to the stage', () => {
  it('puts a host behind the lectern facing the audience, and a second host beside her; a visitor is refused', async () => {
    const hana = await createAccount(server, { name: 'Hana Stage', grants: [{ role: 'host', spaceId: 'townhall' }] });
    const omar = await createAccount(server, { name: 'Omar Stage', grants: [{ role: 'moderator', spaceId: 'townhall' }] });
    const h = await joinSpace(server.url, { spaceId: 'townhall', token: hana.token });
    const o = await joinSpace(server.url, { spaceId: 'townhall', token: omar.token });
    const v = await joinSpace(server.url, { spaceId: 'townhall', name: 'Vera' });
    const placed: PlacedMessage[] = [];
    h.onMessage(ServerMessage.Placed, (m: PlacedMessage) => placed.push(m));
    o.onMessage(ServerMessage.Placed, () => undefined);
    const errors = collectErrors(v);

    h.send(ClientMessage.GoToStage, {});
    await waitFor(() => stageAt(layout, me(h).x, me(h).z) !== undefined, 5000, 'the host on the stage');
    expect(Math.cos(me(h).yaw)).toBeCloseTo(-1); // yaw pi: facing +z, the audience
    await waitFor(() => placed.length === 1, 5000, 'the Placed message');
    expect(placed[0]!.x).toBeCloseTo(me(h).x, 4);
    expect(placed[0]!.z).toBeCloseTo(me(h).z, 4);
    // She becomes a speaker (on the stage, allowed to be there).
    await waitFor(() => v.state.hall.speakers.includes(h.sessionId), 5000, 'the host among the speakers');

    o.send(ClientMessage.GoToStage, {});
    await waitFor(() => stageAt(layout, me(o).x, me(o).z) !== undefined, 5000, 'the moderator on the stage');
    expect(Math.hypot(me(o).x - me(h).x, me(o).z - me(h).z)).toBeGreaterThanOrEqual(1.2 - 1e-3);

    v.send(ClientMessage.GoToStage, {});
    await waitFor(() => errors.some((e) => e.ref === ClientMessage.GoToStage), 5000, 'the refusal');
    expect(errors.find((e) => e.ref === ClientMessage.GoToStage)?.code).toBe('NOT_ALLOWED');
    expect(stageAt(layout, me(v).x, me(v).z)).toBeUndefined();
    // A malformed request is refused, and the room goes on.
    h.send(ClientMessage.GoToStage, { x: 0, z: -10 });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.connection.isOpen).toBe(true);
    for (const room of [h, o, v]) await room.leave();
  });
});
