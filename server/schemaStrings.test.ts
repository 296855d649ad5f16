import { Decoder, Encoder, schema } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { mendSchemaStringEncoding, str8LengthIsBroken } from './schemaStrings.js';

const Probe = schema({ text: 'string', after: 'string', count: 'uint8' }, 'StringProbe');

/** Encodes a fresh state (full, then one patch) and decodes both as a client would. */
function roundTrip(first: string, second: string): { text: string; after: string; count: number } {
  const state = new Probe();
  state.text = first;
  state.after = 'canary';
  state.count = 7;
  const encoder = new Encoder(state);
  const decoder = new Decoder(new Probe());
  decoder.decode(encoder.encodeAll());
  encoder.discardChanges();
  state.text = second;
  state.count = 9;
  decoder.decode(encoder.encode());
  encoder.discardChanges();
  const seen = decoder.state as unknown as { text: string; after: string; count: number };
  return { text: seen.text, after: seen.after, count: seen.count };
}

describe('schema string encoding', () => {
  it('sends strings of every length around the one-byte boundary intact once mended', () => {
    mendSchemaStringEncoding();
    expect(str8LengthIsBroken()).toBe(false);
    const euro = '\u20ac'; // three UTF-8 bytes
    const cases = [
      'a'.repeat(31), 'a'.repeat(32), 'a'.repeat(254), 'a'.repeat(255), 'a'.repeat(256),
      euro.repeat(85), // exactly 255 bytes, 85 characters
      `{"alt":"${'x'.repeat(246)}"}`, // 255 bytes of JSON, as a draft exhibit's data can be
    ];
    for (const text of cases) {
      expect(roundTrip(text, text.slice(1) + 'z'), `${Buffer.byteLength(text)} bytes`).toEqual({ text: text.slice(1) + 'z', after: 'canary', count: 9 });
      expect(roundTrip('short', text), `${Buffer.byteLength(text)} bytes in a patch`).toEqual({ text, after: 'canary', count: 9 });
    }
  });

  it('mends once: a second call finds nothing to mend', () => {
    mendSchemaStringEncoding();
    expect(mendSchemaStringEncoding()).toBe(false);
  });
});
