import type { AssetKind, AssetType } from '../../shared/exhibits/exhibit.js';

/**
 * What a file is, from its bytes: never from its name or the type the browser claimed. Returns
 * the media type, or a sentence saying why the file is not what it should be.
 */
export type Sniffed = { type: AssetType } | { problem: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * ISO base media brands browsers play as MP4 video. The same `ftyp` box also starts AVIF and
 * HEIC images and other formats, so the brand decides.
 */
const MP4_VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'mp71', 'avc1', 'dash', 'M4V ', 'M4VP', 'f4v ', 'mmp4', 'msnv']);

/** The major brand and the compatible brands of an `ftyp` box at the start of the file. */
function mp4Brands(bytes: Uint8Array): string[] {
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = Math.min(size, bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

export function sniff(kind: AssetKind, bytes: Uint8Array): Sniffed {
  switch (kind) {
    case 'image': {
      if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: 'image/png' };
      if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'image/jpeg' };
      if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { type: 'image/webp' };
      return { problem: 'That file is not a PNG, JPEG or WebP image.' };
    }
    case 'video': {
      if (ascii(bytes, 4, 8) === 'ftyp' && mp4Brands(bytes).some((b) => MP4_VIDEO_BRANDS.has(b))) return { type: 'video/mp4' };
      if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 0, Math.min(bytes.length, 64)).includes('webm')) return { type: 'video/webm' };
      return { problem: 'That file is not an MP4 or WebM video.' };
    }
    case 'captions': {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 16)).replace(/^\uFEFF/, '');
      if (/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) return { type: 'text/vtt' };
      return { problem: 'That file is not a WebVTT captions file (it must start with "WEBVTT").' };
    }
    case 'model':
      return checkGlb(bytes);
  }
}

/**
 * A binary glTF 2.0 file (.glb): the 12-byte header (magic "glTF", version 2, total length), a
 * JSON chunk first whose `asset.version` is "2.0", and every chunk inside the file. Enough to
 * refuse what would fail or misbehave in a visitor's browser, with a message a curator can act on.
 */
/** Compression extensions the client has no decoder for (it loads nothing from other sites). */
const UNDECODED_EXTENSIONS = new Set(['KHR_draco_mesh_compression', 'KHR_texture_basisu', 'EXT_meshopt_compression']);

export function checkGlb(bytes: Uint8Array): Sniffed {
  const bad = (why: string): Sniffed => ({ problem: `That is not a valid glTF 2.0 binary (.glb) file: ${why}.` });
  if (bytes.length < 20) return bad('it is too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii(bytes, 0, 4) !== 'glTF') return bad('it does not start with "glTF"');
  const version = view.getUint32(4, true);
  if (version !== 2) return bad(`it is glTF version ${version}, not 2`);
  const length = view.getUint32(8, true);
  if (length !== bytes.length) return bad(`its header says ${length} bytes but the file has ${bytes.length}`);
  let offset = 12;
  let chunk = 0;
  while (offset < length) {
    if (offset + 8 > length) return bad('a chunk header runs past the end');
    const chunkLength = view.getUint32(offset, true);
    const chunkType = view.getUint32(offset + 4, true);
    if (offset + 8 + chunkLength > length) return bad('a chunk runs past the end');
    if (chunk === 0) {
      if (chunkType !== 0x4e4f534a) return bad('the first chunk is not JSON');
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset + 8, offset + 8 + chunkLength)));
      } catch {
        return bad('its JSON chunk does not parse');
      }
      const doc = json as { asset?: { version?: unknown }; extensionsRequired?: unknown; buffers?: { uri?: unknown }[]; images?: { uri?: unknown }[] } | null;
      const asset = doc?.asset;
      if (typeof asset?.version !== 'string' || !asset.version.startsWith('2.')) return bad('its asset.version is not 2.x');
      const required = Array.isArray(doc?.extensionsRequired) ? doc.extensionsRequired.filter((x): x is string => typeof x === 'string') : [];
      const unsupported = required.filter((x) => UNDECODED_EXTENSIONS.has(x));
      if (unsupported.length > 0) return bad(`it needs ${unsupported.join(', ')}, which visitors' browsers are not given a decoder for here; export it without that compression`);
      const outside = [...(doc?.buffers ?? []), ...(doc?.images ?? [])].some((x) => typeof x.uri === 'string' && !x.uri.startsWith('data:'));
      if (outside) return bad('it refers to files outside itself; export it with everything packed into the .glb');
    }
    offset += 8 + chunkLength;
    chunk++;
  }
  return { type: 'model/gltf-binary' };
}
