import { ClientMessage } from '../../shared/protocol/messages.js';
import type { Random } from '../load/random.js';

/**
 * What a hostile client puts in a room message: every client message type with wrong types,
 * NaN and Infinity, huge numbers, long strings, deep nesting and prototype keys, plus types
 * the protocol does not have (unknown, and the names Colyseus or JavaScript reserve).
 */

/** Every type the client may send (shared/protocol/messages.ts, vr.ts, townhall and curation). */
export const CLIENT_TYPES: readonly string[] = Object.values(ClientMessage);

/**
 * Types no handler is registered for, or that name something inside Colyseus or an object:
 * `__no_message_handler` is Colyseus' own fallback's key (issue 17, finding 1), `*` its
 * catch-all's, the rest are inherited members of a plain object.
 */
export const RESERVED_TYPES: readonly string[] = ['__no_message_handler', '*', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
export const UNKNOWN_TYPES: readonly (string | number)[] = ['', 'nope', 'INPUT', ' input', 'input\u0000', 'x'.repeat(300), '💥'.repeat(40), 0, -1, 2 ** 32, 1.5];

/** Every field name any client message has, so wrong values land on real fields too. */
const FIELDS = ['seq', 'forward', 'strafe', 'run', 'yaw', 'sessionId', 'reason', 'seat', 'text', 'anonymous', 'id', 'up',
  'action', 'seconds', 'kind', 'muted', 'on', 'transform', 'title', 'content', 'final', 'head', 'left', 'right', 'x', 'z', 'p', 'q'];

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

const LONG = 'A'.repeat(15_000);
/** Over the server's 16 kB frame limit: the socket is closed (1009) before Colyseus sees it. */
export const ONE_MEGABYTE = 'M'.repeat(1024 * 1024);

/** Values of the wrong kind, or of the right kind but absurd. */
export const WRONG_VALUES: readonly unknown[] = [
  undefined, null, true, false, 0, -0, -1, NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1, 5e-324,
  '', ' ', '1', 'NaN', 'true', '\u0000', '\ud800', '\u202e', '💥'.repeat(64), LONG, [], [1, 2, 3], [NaN, Infinity], {}, { x: 1 },
  deep(40), JSON.parse('{"__proto__": {"admin": true}}') as unknown, { constructor: { prototype: { admin: true } } },
];

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A payload for a message type: a wrong value, an object of wrong fields, or one wrong field in a plausible shape. */
export function wrongPayload(random: Random): unknown {
  const r = random();
  if (r < 0.3) return pick(random, WRONG_VALUES);
  const out: Record<string, unknown> = {};
  const n = 1 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) out[pick(random, FIELDS)] = pick(random, WRONG_VALUES);
  if (r < 0.4) out.extra = pick(random, WRONG_VALUES);
  if (r < 0.5) out[pick(random, ['__proto__', 'constructor', 'prototype'])] = { admin: true };
  return out;
}

/** Numbers in every numeric field, none of them finite or in range. */
export function nonFinitePayload(random: Random): Record<string, unknown> {
  const bad = [NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 64];
  return {
    seq: pick(random, bad), forward: pick(random, bad), strafe: pick(random, bad), run: false, yaw: pick(random, bad),
    seat: pick(random, bad), seconds: pick(random, bad), x: pick(random, bad), z: pick(random, bad),
    transform: { x: pick(random, bad), y: pick(random, bad), z: pick(random, bad), rx: NaN, ry: NaN, rz: NaN, scale: Infinity },
    head: { p: [NaN, NaN, NaN], q: [Infinity, 0, 0, 1] }, left: null, right: null,
  };
}

/** Payloads of the reserved-type case at the lengths around the 123-byte close-reason limit. */
export const CLOSE_REASON_PAYLOADS: readonly unknown[] = [
  'x'.repeat(50), 'x'.repeat(80), 'x'.repeat(90), 'x'.repeat(123), 'x'.repeat(124), 'x'.repeat(200), 'é'.repeat(100), '💥'.repeat(40), '\ud800'.repeat(60), 12345,
];

/** A valid movement input (what a flood is made of). */
export function validInput(seq: number): Record<string, unknown> {
  return { seq, forward: 1, strafe: 0, run: false, yaw: 0 };
}

/**
 * Colyseus-level frames no client library sends: a ROOM_DATA (13) or ROOM_DATA_BYTES (17)
 * whose type header lies about its length, a JOIN_ROOM again, msgpack's never-used byte 0xc1,
 * nesting deeper than a recursive decoder's stack, pure noise.
 */
export function garbageFrame(random: Random): Uint8Array {
  const r = Math.floor(random() * 10);
  const noise = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  switch (r) {
    case 0: return noise(1 + Math.floor(random() * 200));
    case 1: return Uint8Array.from([13, 0xda, 0xff, 0xff, 0x61]);
    case 2: return Uint8Array.from([13, 0xa5, 0x69, 0x6e, 0x70, 0x75, 0x74, 0xc1, 0xc1]);
    case 3: return Uint8Array.from([13, 0xa5, 0x69, 0x6e, 0x70, 0x75, 0x74, 0xdd, 0xff, 0xff, 0xff, 0xff]);
    case 4: return Uint8Array.from([10]);
    case 5: return Uint8Array.from([17, 0xd9, 0xff, ...noise(20)]);
    case 6: return Uint8Array.from([13, 0xa5, 0x69, 0x6e, 0x70, 0x75, 0x74, ...new Array<number>(14_000).fill(0x91), 0xc0]);
    case 7: return Uint8Array.from([13, 0xcb, ...noise(8)]);
    case 8: return Uint8Array.from([13, 0xa1, 0x2a, 0xc7, 0xff, 0x01, ...noise(30)]);
    default: return Uint8Array.from([17, 0xb4, ...new TextEncoder().encode('__no_message_handler'), ...noise(150)]);
  }
}
