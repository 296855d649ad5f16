import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeGlb, makePng, makeVtt } from '../testing/files.js';
import { glbWith, html, jpeg, matroska, mp4, noisyPng, svg, text, vttWithBom, webm, webp } from '../testing/sampleFiles.js';
import { checkGlb, sniff } from './sniff.js';

/**
 * What a file is, from its bytes: real small files of every accepted type are recognised
 * whatever they would be called, and files that are something else (or a broken glTF binary)
 * are refused with a sentence a curator can act on.
 */

const NOT_IMAGE = 'That file is not a PNG, JPEG or WebP image.';
const NOT_VIDEO = 'That file is not an MP4 or WebM video.';
const NOT_CAPTIONS = 'That file is not a WebVTT captions file (it must start with "WEBVTT").';
const badGlb = (why: string) => ({ problem: `That is not a valid glTF 2.0 binary (.glb) file: ${why}.` });

describe('the sample files', () => {
  it('makes a PNG whose chunks have CRCs that zlib.crc32 agrees with, and whose pixels inflate to the declared size', () => {
    const bytes = makePng(3, 2);
    let offset = 8;
    const types: string[] = [];
    let pixels = Buffer.alloc(0);
    while (offset < bytes.length) {
      const length = bytes.readUInt32BE(offset);
      const typed = bytes.subarray(offset + 4, offset + 8 + length);
      expect(bytes.readUInt32BE(offset + 8 + length)).toBe(zlib.crc32(typed));
      const type = typed.subarray(0, 4).toString('latin1');
      types.push(type);
      if (type === 'IDAT') pixels = zlib.inflateSync(typed.subarray(4));
      offset += 12 + length;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(pixels.length).toBe(2 * (1 + 3 * 3));
  });

  it('makes noisy PNGs that do not compress (to go over a size limit)', () => {
    expect(noisyPng(40, 40).length).toBeGreaterThan(3 * 40 * 40);
  });

  it('makes glTF binaries whose chunks are 4-byte aligned and whose header gives the length', () => {
    expect(checkGlb(makeGlb())).toEqual({ type: 'model/gltf-binary' });
    const bytes = glbWith({ bin: new Uint8Array([1, 2, 3, 4, 5]) });
    expect(bytes.length % 4).toBe(0);
    expect(bytes.readUInt32LE(8)).toBe(bytes.length);
    const jsonLength = bytes.readUInt32LE(12);
    expect(jsonLength % 4).toBe(0);
    expect(bytes.readUInt32LE(20 + jsonLength)).toBe(8);
  });
});

describe('sniff', () => {
  it('recognises PNG, JPEG and WebP images by their bytes', () => {
    expect(sniff('image', makePng())).toEqual({ type: 'image/png' });
    expect(sniff('image', noisyPng(16, 16))).toEqual({ type: 'image/png' });
    expect(sniff('image', jpeg())).toEqual({ type: 'image/jpeg' });
    expect(sniff('image', webp())).toEqual({ type: 'image/webp' });
  });

  it('refuses as an image: text, HTML, SVG (scriptable), a WebP header without WEBP, a video, nothing at all', () => {
    for (const bytes of [text(), html(), svg(), Buffer.from('RIFF\x10\0\0\0WAVEfmt ', 'latin1'), mp4(), Buffer.alloc(0)]) {
      expect(sniff('image', bytes)).toEqual({ problem: NOT_IMAGE });
    }
    // Only the first bytes count: a PNG signature later in the file does not make it one.
    expect(sniff('image', Buffer.concat([Buffer.from('<html>'), makePng()]))).toEqual({ problem: NOT_IMAGE });
  });

  it('recognises MP4 (ftyp box) and WebM (EBML header with DocType webm) videos', () => {
    expect(sniff('video', mp4())).toEqual({ type: 'video/mp4' });
    expect(sniff('video', webm())).toEqual({ type: 'video/webm' });
  });

  it('refuses as a video an AVIF or HEIC image, which start with the same ftyp box', () => {
    expect(sniff('video', mp4(64, 'avif', 'avifmif1miaf'))).toEqual({ problem: 'That file is not an MP4 or WebM video.' });
    expect(sniff('video', mp4(64, 'heic', 'mif1heic'))).toEqual({ problem: 'That file is not an MP4 or WebM video.' });
    expect(sniff('video', mp4(64, 'mp42', 'mp42isom'))).toEqual({ type: 'video/mp4' });
  });

  it('refuses as a video: a Matroska file that is not WebM, an image, text', () => {
    for (const bytes of [matroska('matroska'), makePng(), text(), Buffer.from('ftyp')]) expect(sniff('video', bytes)).toEqual({ problem: NOT_VIDEO });
  });

  it('recognises WebVTT captions with and without a byte order mark, or with nothing after the signature', () => {
    expect(sniff('captions', makeVtt())).toEqual({ type: 'text/vtt' });
    expect(sniff('captions', vttWithBom())).toEqual({ type: 'text/vtt' });
    expect(sniff('captions', Buffer.from('WEBVTT'))).toEqual({ type: 'text/vtt' });
    expect(sniff('captions', Buffer.from('WEBVTT - with a header\r\n\r\n'))).toEqual({ type: 'text/vtt' });
  });

  it('refuses as captions: SubRip, a word that merely starts with WEBVTT, text, an image', () => {
    const srt = Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nWelcome.\n');
    for (const bytes of [srt, Buffer.from('WEBVTTX\n'), text(), makePng()]) expect(sniff('captions', bytes)).toEqual({ problem: NOT_CAPTIONS });
  });

  it('checks models as glTF binaries: a PNG is not one', () => {
    expect(sniff('model', makeGlb())).toEqual({ type: 'model/gltf-binary' });
    expect(sniff('model', makePng())).toEqual(badGlb('it does not start with "glTF"'));
  });
});

describe('checkGlb', () => {
  it('accepts a glTF 2.0 binary with a JSON chunk, with or without a BIN chunk', () => {
    expect(checkGlb(glbWith())).toEqual({ type: 'model/gltf-binary' });
    expect(checkGlb(glbWith({ bin: new Uint8Array(64).fill(7) }))).toEqual({ type: 'model/gltf-binary' });
    expect(checkGlb(glbWith({ json: JSON.stringify({ asset: { version: '2.1' }, scenes: [] }) }))).toEqual({ type: 'model/gltf-binary' });
  });

  it('accepts a file held in a view into a larger buffer (byteOffset not 0)', () => {
    const file = glbWith({ bin: new Uint8Array([9, 9, 9, 9]) });
    const bigger = new Uint8Array(file.length + 10);
    bigger.set(file, 7);
    expect(checkGlb(bigger.subarray(7, 7 + file.length))).toEqual({ type: 'model/gltf-binary' });
  });

  it('refuses what is too short to hold a header and a chunk', () => {
    expect(checkGlb(Buffer.alloc(0))).toEqual(badGlb('it is too short'));
    expect(checkGlb(glbWith().subarray(0, 19))).toEqual(badGlb('it is too short'));
  });

  it('refuses glTF 1 binaries', () => {
    expect(checkGlb(glbWith({ version: 1 }))).toEqual(badGlb('it is glTF version 1, not 2'));
  });

  it('refuses a file whose header length disagrees with its size (cut short, or with bytes after it)', () => {
    const file = glbWith();
    expect(checkGlb(glbWith({ lengthDelta: 4 }))).toEqual(badGlb(`its header says ${file.length + 4} bytes but the file has ${file.length}`));
    expect(checkGlb(Buffer.concat([file, Buffer.alloc(8)]))).toEqual(badGlb(`its header says ${file.length} bytes but the file has ${file.length + 8}`));
  });

  it('refuses a chunk that runs past the end, and a chunk header cut short', () => {
    expect(checkGlb(glbWith({ chunkDelta: 4 }))).toEqual(badGlb('a chunk runs past the end'));
    // Four stray bytes after the JSON chunk, with the header's length counting them: half a chunk header.
    const file = glbWith();
    const stray = Buffer.concat([file, Buffer.alloc(4)]);
    stray.writeUInt32LE(stray.length, 8);
    expect(checkGlb(stray)).toEqual(badGlb('a chunk header runs past the end'));
  });

  it('refuses a first chunk that is not JSON', () => {
    const file = glbWith();
    file.writeUInt32LE(0x004e4942, 16); // BIN where JSON must be
    expect(checkGlb(file)).toEqual(badGlb('the first chunk is not JSON'));
  });

  it('refuses a JSON chunk that does not parse (bad JSON, or bytes that are not UTF-8)', () => {
    expect(checkGlb(glbWith({ json: '{"asset": {"version": "2.0"' }))).toEqual(badGlb('its JSON chunk does not parse'));
    const notUtf8 = glbWith({ json: '{"asset":{"version":"2.0"}}' });
    notUtf8[21] = 0xff;
    expect(checkGlb(notUtf8)).toEqual(badGlb('its JSON chunk does not parse'));
  });

  it('refuses models the browser could not show without fetching or decoding more: Draco or Basis compression, files outside the .glb', () => {
    const draco = { asset: { version: '2.0' }, extensionsUsed: ['KHR_draco_mesh_compression'], extensionsRequired: ['KHR_draco_mesh_compression'] };
    expect(checkGlb(glbWith({ json: JSON.stringify(draco) }))).toEqual(badGlb("it needs KHR_draco_mesh_compression, which visitors' browsers are not given a decoder for here; export it without that compression"));
    const outside = { asset: { version: '2.0' }, buffers: [{ uri: 'https://cdn.example.org/mesh.bin', byteLength: 12 }] };
    expect(checkGlb(glbWith({ json: JSON.stringify(outside) }))).toEqual(badGlb('it refers to files outside itself; export it with everything packed into the .glb'));
    // An optional extension and an embedded data: URI are fine.
    const fine = { asset: { version: '2.0' }, extensionsUsed: ['KHR_materials_unlit'], images: [{ uri: 'data:image/png;base64,iVBORw0KGgo=' }] };
    expect(checkGlb(glbWith({ json: JSON.stringify(fine) }))).toEqual({ type: 'model/gltf-binary' });
  });

  it('refuses an asset.version that is not 2.x, or missing', () => {
    for (const json of [{ asset: { version: '1.0' } }, { asset: { version: 2 } }, { asset: {} }, {}, null, [1, 2]]) {
      expect(checkGlb(glbWith({ json: JSON.stringify(json) })), JSON.stringify(json)).toEqual(badGlb('its asset.version is not 2.x'));
    }
  });
});
