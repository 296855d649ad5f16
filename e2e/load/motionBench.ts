/**
 * npm run bench:motion -- [--avatars 1000] [--ticks 200] [--seeds 3]
 *
 * The per-tick cost of telling N moving avatars about each other, without sockets, in this
 * process's CPU time (so a busy machine slows it less than wall time): the room state's own
 * patches (every pose in the schema, one encode shared by all) against the motion channel
 * (server/rooms/motionChannel.ts: interest tiers and 7-byte records, one frame per client).
 * Prints a table and, last, one JSON line.
 */
import { Encoder } from '@colyseus/schema';
import { parseArgs } from 'node:util';
import { Avatar } from '../../shared/schema/Avatar.js';
import { SpaceState } from '../../shared/schema/SpaceState.js';
import { MotionChannel } from '../../server/rooms/motionChannel.js';
import { mulberry32, type Random } from './random.js';
import { round } from './stats.js';

const { values } = parseArgs({ options: { avatars: { type: 'string', default: '1000' }, ticks: { type: 'string', default: '200' }, seeds: { type: 'string', default: '3' } } });
const N = Number(values.avatars);
const TICKS = Number(values.ticks);
const SEEDS = Number(values.seeds);
const HALF = 28; // the plaza's walkable square, about

interface Walker { a: Avatar; tx: number; tz: number }

function crowd(random: Random): { state: InstanceType<typeof SpaceState>; walkers: Walker[] } {
  const state = new SpaceState();
  state.spaceId = 'plaza';
  const walkers: Walker[] = [];
  for (let i = 0; i < N; i++) {
    const a = new Avatar();
    Object.assign(a, { name: `bot-${i}`, x: (random() * 2 - 1) * HALF, z: (random() * 2 - 1) * HALF, yaw: 0, gait: 1, ack: 0, hue: 0, connected: true, role: 'visitor', seat: -1, hand: 0, slot: 0 });
    state.avatars.set(`s${i}`, a);
    walkers.push({ a, tx: (random() * 2 - 1) * HALF, tz: (random() * 2 - 1) * HALF });
  }
  return { state, walkers };
}

function walk(walkers: Walker[], random: Random): void {
  for (const w of walkers) {
    const dx = w.tx - w.a.x;
    const dz = w.tz - w.a.z;
    const d = Math.hypot(dx, dz);
    if (d < 0.5) {
      w.tx = (random() * 2 - 1) * HALF;
      w.tz = (random() * 2 - 1) * HALF;
      continue;
    }
    w.a.x += (dx / d) * 0.07;
    w.a.z += (dz / d) * 0.07;
    w.a.yaw = Math.atan2(dx, dz);
    w.a.ack += 1;
  }
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

function schemaPatches(seed: number): { msPerTick: number; kBpsPerClient: number } {
  const random = mulberry32(seed);
  const { state, walkers } = crowd(random);
  const encoder = new Encoder(state);
  encoder.encodeAll();
  encoder.discardChanges();
  let bytes = 0;
  let ms = 0;
  for (let t = 0; t < TICKS; t++) {
    walk(walkers, random);
    const start = process.cpuUsage();
    bytes += encoder.encode().byteLength;
    encoder.discardChanges();
    ms += cpuMs(start);
  }
  // Every client gets the same patch: the encode is shared, the bytes are per client.
  return { msPerTick: ms / TICKS, kBpsPerClient: bytes / TICKS * 20 / 1024 };
}

function motionFrames(seed: number): { msPerTick: number; kBpsPerClient: number; kBpsP99: number } {
  const random = mulberry32(seed);
  const { state, walkers } = crowd(random);
  const connections = new Map<string, { id: string; bytes: number }>();
  const channel = new MotionChannel({
    connections: () => connections,
    send: (c, frame) => { (c as { bytes: number }).bytes += frame.byteLength + 4; }, // + ws and message header
  });
  state.avatars.forEach((a, id) => {
    channel.add(id, a);
    connections.set(id, { id, bytes: 0 });
  });
  channel.tick(); // everyone's first frame
  for (const c of connections.values()) c.bytes = 0;
  let total = 0;
  for (let t = 0; t < TICKS; t++) {
    walk(walkers, random);
    const start = process.cpuUsage();
    channel.tick();
    total += cpuMs(start);
  }
  const ms = total / TICKS;
  const perClient = [...connections.values()].map((c) => c.bytes / TICKS * 20 / 1024).sort((a, b) => a - b);
  return { msPerTick: ms, kBpsPerClient: perClient[Math.floor(perClient.length / 2)]!, kBpsP99: perClient[Math.floor(perClient.length * 0.99)]! };
}

const rows: Record<string, number>[] = [];
for (let seed = 1; seed <= SEEDS; seed++) {
  const s = schemaPatches(seed);
  const m = motionFrames(seed);
  rows.push({ seed, schemaMsPerTick: round(s.msPerTick, 2), schemaKBpsPerClient: round(s.kBpsPerClient, 1), motionMsPerTick: round(m.msPerTick, 2), motionKBpsPerClient: round(m.kBpsPerClient, 2), motionKBpsP99: round(m.kBpsP99, 2) });
}
console.log(`${N} avatars walking, ${TICKS} ticks, CPU time of this process (the walking step and the socket sends not included)`);
console.table(rows);
console.log(JSON.stringify({ avatars: N, ticks: TICKS, rows }));
