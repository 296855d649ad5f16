import { ClientState, SchemaSerializer } from '@colyseus/core';
import { Decoder, schema, StateView, type SchemaType } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';

/**
 * Why crowds do not use one shared StateView per zone (see server/domain/interest.ts): with
 * @colyseus/schema 3.0.x and Colyseus 0.16's own serializer, an add to a view shared by two
 * clients on a tick with no other change reaches only the first of them. This drives the real
 * SchemaSerializer, Encoder and Decoder; if a later version fixes it, this test fails and the
 * choice can be weighed again.
 */
const Person = schema({ name: 'string' }, 'ViewProbePerson');
const Room = schema({ tick: 'uint32', people: { map: Person, view: true } }, 'ViewProbeRoom');
type Room = SchemaType<typeof Room>;

function fakeClient(view: StateView, decoder: Decoder) {
  return {
    state: ClientState.JOINED,
    view,
    raw: (data: Uint8Array) => { decoder.decode(Buffer.from(data.subarray(1))); },
  };
}

function setUp() {
  const state = new Room();
  state.tick = 0;
  const serializer = new SchemaSerializer<Room>();
  serializer.reset(state);
  const zone = new StateView();
  const decoders = [new Decoder(new Room()), new Decoder(new Room())];
  const clients = decoders.map((d) => fakeClient(zone, d));
  for (const [i, c] of clients.entries()) decoders[i]!.decode(Buffer.from((serializer.getFullState(c as never) as Uint8Array).subarray(1)));
  const seen = (i: number) => [...((decoders[i]!.state as Room).people?.keys() ?? [])].sort();
  const person = (name: string) => {
    const p = new Person();
    p.name = name;
    return p;
  };
  return { state, serializer, zone, clients, seen, person };
}

describe('a StateView shared by a zone\'s clients (@colyseus/schema 3.0)', () => {
  it('delivers an add to both clients on a tick that changes something else', () => {
    const { state, serializer, zone, clients, seen, person } = setUp();
    const a = person('a');
    state.people.set('a', a);
    zone.add(a);
    state.tick = 1;
    serializer.applyPatches(clients as never);
    expect([seen(0), seen(1)]).toEqual([['a'], ['a']]);
  });

  it('loses an add for the second client on a quiet tick (the reason zones use binary snapshots)', () => {
    const { state, serializer, zone, clients, seen, person } = setUp();
    state.tick = 1;
    serializer.applyPatches(clients as never);
    const a = person('a');
    state.people.set('a', a);
    serializer.applyPatches(clients as never); // the map add alone: flushed, nothing in the view yet
    zone.add(a);
    serializer.applyPatches(clients as never); // quiet tick: only the view changed
    expect([seen(0), seen(1)]).toEqual([['a'], []]);
  });
});
