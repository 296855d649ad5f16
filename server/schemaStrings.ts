import { encode } from '@colyseus/schema';

/**
 * @colyseus/schema 3.0.x (3.0.76 is the last of the line Colyseus 0.16 uses) writes the length of
 * a string of exactly 255 UTF-8 bytes as `255 % 255`, i.e. 0 (colyseus/schema#216). Every client
 * then reads an empty string and takes the 255 bytes after it for operations: its copy of the
 * room state is silently corrupted from there on. A draft exhibit's JSON, a question or a title
 * can be 255 bytes long, so this is not theoretical: the e2e suite's curators hit it.
 *
 * `encodeValue` looks `string` up on the exported `encode` object for every string field, so
 * replacing that one property at start-up mends every patch the server sends. It is replaced
 * only if the probe below shows the fault, so a fixed release makes this a no-op.
 */

const STR8 = 0xd9;
const STR8_MAX = 0xff;

/** Does this copy of @colyseus/schema write a 255-byte string with a wrong length? */
export function str8LengthIsBroken(): boolean {
  const bytes = Buffer.alloc(STR8_MAX + 2);
  encode.string(bytes, 'x'.repeat(STR8_MAX), { offset: 0 });
  return bytes[0] === STR8 && bytes[1] !== STR8_MAX;
}

/** Mends the 255-byte case if it is broken. Returns true if it replaced the encoder's string writer. */
export function mendSchemaStringEncoding(): boolean {
  if (!str8LengthIsBroken()) return false;
  const original = encode.string;
  encode.string = (bytes, value, it) => {
    if (!value || encode.utf8Length(value) !== STR8_MAX) return original(bytes, value, it);
    const out = bytes as number[]; // the Encoder's Buffer; upstream writes it the same way
    out[it.offset++] = STR8;
    out[it.offset++] = STR8_MAX;
    encode.utf8Write(bytes, value, it);
    return 2 + STR8_MAX;
  };
  return true;
}
