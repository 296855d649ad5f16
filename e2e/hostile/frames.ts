import type { Random } from '../load/random.js';
import { closePayload, frame } from './rawSocket.js';

/**
 * WebSocket frames no browser sends, for a raw socket that has joined a room (or not). Each
 * is meant to end that socket with a protocol close code, never the process.
 */
export interface FrameAttack {
  name: string;
  bytes: (random: Random) => Buffer;
}

const invalidUtf8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);

export const FRAME_ATTACKS: readonly FrameAttack[] = [
  { name: 'text frame', bytes: () => frame(0x1, Buffer.from('{"type":"input","seq":1}')) },
  { name: 'text invalid utf-8', bytes: () => frame(0x1, invalidUtf8) },
  { name: 'unmasked binary', bytes: () => frame(0x2, Buffer.from([13, 0xa1, 0x78]), { mask: false }) },
  { name: 'reserved bits', bytes: () => frame(0x2, Buffer.from([13]), { rsv: 7 }) },
  { name: 'reserved opcode', bytes: () => frame(0x3, Buffer.from([1, 2, 3])) },
  { name: 'control opcode 0xb', bytes: () => frame(0xb, Buffer.alloc(0)) },
  { name: 'ping over 125 bytes', bytes: () => frame(0x9, Buffer.alloc(126, 1)) },
  { name: 'fragmented ping', bytes: () => frame(0x9, Buffer.from('hi'), { fin: false }) },
  { name: 'continuation first', bytes: () => frame(0x0, Buffer.from([13])) },
  { name: 'length 2^62', bytes: () => frame(0x2, Buffer.from([13]), { claimedLength: 2n ** 62n }) },
  { name: 'length 2^63 (invalid)', bytes: () => frame(0x2, Buffer.from([13]), { claimedLength: 2n ** 63n + 5n }) },
  { name: 'frame over 16 kB', bytes: () => frame(0x2, Buffer.alloc(20_000, 0x41)) },
  { name: 'empty binary', bytes: () => frame(0x2, Buffer.alloc(0)) },
  { name: 'binary noise', bytes: (random) => frame(0x2, Buffer.from(Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 256)))) },
  { name: 'close reason 123 bytes', bytes: () => frame(0x8, closePayload(4000, 'r'.repeat(123))) },
  { name: 'close reason 124 bytes', bytes: () => frame(0x8, closePayload(4000, 'r'.repeat(124))) },
  { name: 'close reason 200 bytes', bytes: () => frame(0x8, closePayload(1000, 'r'.repeat(200))) },
  { name: 'close code 999', bytes: () => frame(0x8, closePayload(999, 'bye')) },
  { name: 'close code 1005', bytes: () => frame(0x8, closePayload(1005, '')) },
  { name: 'close code 1006', bytes: () => frame(0x8, closePayload(1006, '')) },
  { name: 'close code 5000', bytes: () => frame(0x8, closePayload(5000, '')) },
  { name: 'close reason invalid utf-8', bytes: () => frame(0x8, closePayload(1000, invalidUtf8)) },
  { name: 'close one byte', bytes: () => frame(0x8, Buffer.from([3])) },
  { name: 'fragmented binary then text', bytes: () => Buffer.concat([frame(0x2, Buffer.from([13]), { fin: false }), frame(0x1, Buffer.from('x'))]) },
  { name: 'pong storm', bytes: () => Buffer.concat(Array.from({ length: 200 }, () => frame(0xa, Buffer.from('pong')))) },
  { name: 'ping storm', bytes: () => Buffer.concat(Array.from({ length: 200 }, () => frame(0x9, Buffer.from('ping')))) },
];
