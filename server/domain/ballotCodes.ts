/**
 * One-time ballot codes: 12 characters of Crockford base32 (60 random bits) in three groups,
 * e.g. "7KQX-M2PD-9F3A". Easy to read aloud and to type: case, spaces and dashes do not matter,
 * and O, I and L are read as 0, 1 and 1. Only a hash of the normalised code is stored.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
/** Random bytes one code needs (60 bits used of 64). */
export const CODE_BYTES = 8;

/** A code made from random bytes (at least CODE_BYTES of them). */
export function formatCode(bytes: Uint8Array): string {
  if (bytes.length < CODE_BYTES) throw new Error(`A ballot code needs ${CODE_BYTES} random bytes.`);
  let bits = 0n;
  for (let i = 0; i < CODE_BYTES; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** The code as typed, folded to its canonical 12 characters; undefined if it cannot be a code. */
export function normalizeCode(typed: string): string | undefined {
  const folded = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (folded.length !== CODE_LENGTH) return undefined;
  for (const ch of folded) if (!ALPHABET.includes(ch)) return undefined;
  return folded;
}
