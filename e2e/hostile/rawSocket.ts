import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * A WebSocket spoken by hand over TCP, to send what no well-behaved library will: unmasked
 * frames, reserved opcodes and bits, control frames over 125 bytes, close frames with invalid
 * codes or over-long reasons, invalid UTF-8, lengths of 2^62.
 */
export interface RawSocket {
  write(bytes: Buffer): void;
  /** Resolves with the close code the server sent (or 'end' when it dropped TCP without one). */
  closed: Promise<number | 'end'>;
  destroy(): void;
}

export interface FrameOptions {
  fin?: boolean;
  rsv?: number;
  mask?: boolean;
  /** Claim this payload length in the header whatever the payload is. */
  claimedLength?: bigint;
}

export function frame(opcode: number, payload: Buffer, options: FrameOptions = {}): Buffer {
  const fin = options.fin ?? true;
  const mask = options.mask ?? true;
  const length = options.claimedLength ?? BigInt(payload.length);
  const head: number[] = [(fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(Number(length));
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(length);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), ext, key, masked]);
}

/** A close frame's payload: a code and a reason (no checks: that is the point). */
export function closePayload(code: number, reason: string | Buffer): Buffer {
  const c = Buffer.alloc(2);
  c.writeUInt16BE(code);
  return Buffer.concat([c, typeof reason === 'string' ? Buffer.from(reason) : reason]);
}

/** Parses the server's frames just enough to find a close frame's code. */
function closeCodeIn(data: Buffer): number | undefined {
  let offset = 0;
  while (offset + 2 <= data.length) {
    const opcode = data[offset]! & 0x0f;
    let len = data[offset + 1]! & 0x7f;
    let head = 2;
    if (len === 126) { len = data.readUInt16BE(offset + 2); head = 4; }
    else if (len === 127) { len = Number(data.readBigUInt64BE(offset + 2)); head = 10; }
    if (opcode === 0x8) return len >= 2 && offset + head + 2 <= data.length ? data.readUInt16BE(offset + head) : 1005;
    offset += head + len;
  }
  return undefined;
}

/**
 * Opens a TCP connection and performs the HTTP upgrade to `path`; resolves once the server
 * answered 101 (or rejects with its status line).
 */
export async function openRawSocket(port: number, path: string, timeoutMs = 5000): Promise<RawSocket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let closeCode: number | undefined;
  const closed = new Promise<number | 'end'>((resolve) => {
    socket.once('close', () => resolve(closeCode ?? 'end'));
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('no upgrade answer')); }, timeoutMs);
    let head = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      head = Buffer.concat([head, d]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      clearTimeout(timer);
      socket.off('data', onData);
      const status = head.subarray(0, head.indexOf('\r\n')).toString();
      if (!status.includes(' 101 ')) { socket.destroy(); reject(new Error(status)); return; }
      const rest = head.subarray(end + 4);
      if (rest.length) closeCode ??= closeCodeIn(rest);
      socket.on('data', (more: Buffer) => { closeCode ??= closeCodeIn(more); });
      resolve();
    };
    socket.on('data', onData);
    socket.once('error', (err) => { clearTimeout(timer); reject(err); });
    socket.write([
      `GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13', '', '',
    ].join('\r\n'));
  });
  socket.on('error', () => undefined);
  return {
    write: (bytes) => { if (!socket.destroyed) socket.write(bytes); },
    closed,
    destroy: () => socket.destroy(),
  };
}
