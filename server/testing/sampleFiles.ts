import { createHash } from 'node:crypto';
import { makePng, makeVtt } from './files.js';

/**
 * More files for upload tests, besides the PNG, box model and captions of files.ts: the other
 * accepted types (JPEG, WebP, MP4, WebM), captions with a byte order mark, glTF binaries bent
 * in every way a check must catch, and things that are not what an upload claims.
 */

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A PNG of pixels that do not compress (for files over a size limit): about 3 × width × height bytes. */
export function noisyPng(width: number, height: number): Buffer {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return makePng(width, height, () => [next(), next(), next()]);
}

/** The start of a baseline JPEG: SOI, a JFIF APP0 segment, then EOI. */
export function jpeg(): Buffer {
  const app0 = Buffer.concat([Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from([0, app0.length + 2]),
    app0,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A 1×1 lossless WebP (RIFF....WEBPVP8L). */
export function webp(): Buffer {
  return Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
}

/** An ISO base media file: an `ftyp` box (major brand isom) and a `free` box of `padding` bytes. */
export function mp4(padding = 64, brand = 'isom', compatible = 'isommp41'): Buffer {
  const ftyp = Buffer.concat([u32be(16 + compatible.length), Buffer.from(`ftyp${brand}`, 'latin1'), u32be(0x200), Buffer.from(compatible, 'latin1')]);
  const free = Buffer.concat([u32be(8 + padding), Buffer.from('free', 'latin1'), Buffer.alloc(padding, 0x2e)]);
  return Buffer.concat([ftyp, free]);
}

/** One EBML element with a one-byte size (enough for header fields). */
const ebml = (id: number[], data: Buffer) => Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data]);

/** A Matroska file's EBML header with this DocType, then a Segment of unknown size. */
export function matroska(docType = 'webm'): Buffer {
  const header = Buffer.concat([
    ebml([0x42, 0x86], Buffer.from([1])), // EBMLVersion
    ebml([0x42, 0xf7], Buffer.from([1])), // EBMLReadVersion
    ebml([0x42, 0xf2], Buffer.from([4])), // EBMLMaxIDLength
    ebml([0x42, 0xf3], Buffer.from([8])), // EBMLMaxSizeLength
    ebml([0x42, 0x82], Buffer.from(docType, 'latin1')), // DocType
    ebml([0x42, 0x87], Buffer.from([4])), // DocTypeVersion
    ebml([0x42, 0x85], Buffer.from([2])), // DocTypeReadVersion
  ]);
  return Buffer.concat([
    ebml([0x1a, 0x45, 0xdf, 0xa3], header),
    Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // Segment, size unknown
  ]);
}

export const webm = (): Buffer => matroska('webm');

/** WebVTT captions (files.ts) preceded by a UTF-8 byte order mark, as some editors save them. */
export const vttWithBom = (): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), makeVtt()]);

export interface GlbOptions {
  /** The JSON chunk's text (default: a minimal glTF 2.0 asset). */
  json?: string;
  /** A BIN chunk with these bytes. */
  bin?: Uint8Array;
  /** The header's version (default 2). */
  version?: number;
  /** Added to the true length in the header (to make it disagree). */
  lengthDelta?: number;
  /** Added to the JSON chunk's declared length (to make it run past the end). */
  chunkDelta?: number;
}

const JSON_CHUNK = 0x4e4f534a;
const BIN_CHUNK = 0x004e4942;

/**
 * A minimal binary glTF file, bent as told: 12-byte header, JSON chunk padded with spaces to 4
 * bytes, optional BIN chunk padded with zeros. (A real model to show is files.ts' makeGlb.)
 */
export function glbWith(options: GlbOptions = {}): Buffer {
  const jsonBytes = Buffer.from(options.json ?? JSON.stringify({ asset: { version: '2.0', generator: 'hustings tests' } }), 'utf8');
  const json = Buffer.concat([jsonBytes, Buffer.alloc((4 - (jsonBytes.length % 4)) % 4, 0x20)]);
  const chunks = [u32le(json.length + (options.chunkDelta ?? 0)), u32le(JSON_CHUNK), json];
  if (options.bin) {
    const bin = Buffer.concat([options.bin, Buffer.alloc((4 - (options.bin.length % 4)) % 4, 0)]);
    chunks.push(u32le(bin.length), u32le(BIN_CHUNK), bin);
  }
  const body = Buffer.concat(chunks);
  const length = 12 + body.length;
  return Buffer.concat([Buffer.from('glTF', 'latin1'), u32le(options.version ?? 2), u32le(length + (options.lengthDelta ?? 0)), body]);
}

/** Things that are not what an upload claims to be. */
export const html = (): Buffer => Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>\n', 'utf8');
export const svg = (): Buffer => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>\n', 'utf8');
export const text = (): Buffer => Buffer.from('Just some notes about the housing plan, not a picture at all.\n', 'utf8');
