import { deflateSync } from 'node:zlib';

/**
 * Small real files for tests and benchmarks: a PNG any browser decodes, a glTF 2.0 binary
 * (.glb) three's GLTFLoader loads, WebVTT captions. Made in code so no binary sits in the repo.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of `width` x `height` filled by `color(x, y)` (defaults to a two-colour diagonal). */
export function makePng(width = 64, height = 48, color: (x: number, y: number) => [number, number, number] = (x, y) => (x + y) % 16 < 8 ? [31, 95, 140] : [236, 226, 208]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = color(x, y);
      const i = y * (width * 3 + 1) + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

const pad4 = (b: Buffer, fill: number) => (b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4), fill)]));

/** A glTF 2.0 binary of one coloured box (half-extents w, h, d), standing on y = 0. */
export function makeGlb(options: { w?: number; h?: number; d?: number; color?: [number, number, number, number] } = {}): Buffer {
  const { w = 0.3, h = 0.5, d = 0.3, color = [0.8, 0.45, 0.2, 1] } = options;
  // 24 vertices (4 per face, so each face has its own normal), 36 indices.
  const faces: { n: [number, number, number]; corners: [number, number, number][] }[] = [
    { n: [1, 0, 0], corners: [[w, 0, -d], [w, 2 * h, -d], [w, 2 * h, d], [w, 0, d]] },
    { n: [-1, 0, 0], corners: [[-w, 0, d], [-w, 2 * h, d], [-w, 2 * h, -d], [-w, 0, -d]] },
    { n: [0, 1, 0], corners: [[-w, 2 * h, -d], [-w, 2 * h, d], [w, 2 * h, d], [w, 2 * h, -d]] },
    { n: [0, -1, 0], corners: [[-w, 0, d], [-w, 0, -d], [w, 0, -d], [w, 0, d]] },
    { n: [0, 0, 1], corners: [[-w, 0, d], [w, 0, d], [w, 2 * h, d], [-w, 2 * h, d]] },
    { n: [0, 0, -1], corners: [[w, 0, -d], [-w, 0, -d], [-w, 2 * h, -d], [w, 2 * h, -d]] },
  ];
  const positions = new Float32Array(faces.flatMap((f) => f.corners.flat()));
  const normals = new Float32Array(faces.flatMap((f) => [f.n, f.n, f.n, f.n].flat()));
  const indices = new Uint16Array(faces.flatMap((_, i) => [0, 2, 1, 0, 3, 2].map((k) => i * 4 + k)));
  const bin = Buffer.concat([Buffer.from(positions.buffer), Buffer.from(normals.buffer), pad4(Buffer.from(indices.buffer), 0)]);
  const json = {
    asset: { version: '2.0', generator: 'hustings tests' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: 0 }] }],
    materials: [{ pbrMetallicRoughness: { baseColorFactor: color, metallicFactor: 0, roughnessFactor: 0.7 } }],
    buffers: [{ byteLength: bin.length }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: positions.byteLength, target: 34962 },
      { buffer: 0, byteOffset: positions.byteLength, byteLength: normals.byteLength, target: 34962 },
      { buffer: 0, byteOffset: positions.byteLength + normals.byteLength, byteLength: indices.byteLength, target: 34963 },
    ],
    accessors: [
      { bufferView: 0, componentType: 5126, count: 24, type: 'VEC3', min: [-w, 0, -d], max: [w, 2 * h, d] },
      { bufferView: 1, componentType: 5126, count: 24, type: 'VEC3' },
      { bufferView: 2, componentType: 5123, count: 36, type: 'SCALAR' },
    ],
  };
  const jsonChunk = pad4(Buffer.from(JSON.stringify(json), 'utf8'), 0x20);
  const header = Buffer.alloc(12);
  const total = 12 + 8 + jsonChunk.length + 8 + bin.length;
  header.write('glTF', 0, 'ascii');
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(total, 8);
  const chunkHead = (length: number, type: number) => {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(length, 0);
    b.writeUInt32LE(type, 4);
    return b;
  };
  return Buffer.concat([header, chunkHead(jsonChunk.length, 0x4e4f534a), jsonChunk, chunkHead(bin.length, 0x004e4942), bin]);
}

/** WebVTT captions with one cue. */
export function makeVtt(text = 'Welcome to the exhibition.'): Buffer {
  return Buffer.from(`WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n${text}\n`, 'utf8');
}
