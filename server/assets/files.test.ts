import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGlb, makePng } from '../testing/files.js';
import { glbWith, sha256Of, text } from '../testing/sampleFiles.js';
import { AssetFiles, UploadRefused } from './files.js';

/**
 * Content-addressed storage of uploads, without a server: files land under their hash, the
 * same bytes are stored once, and every refusal (too large, not what it claims, broken off)
 * leaves nothing behind, not even in tmp/.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-assets-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything under the directory, tmp/ included (tmp/ itself is always there). */
const contents = () => [...fs.readdirSync(dir).filter((n) => n !== 'tmp'), ...fs.readdirSync(path.join(dir, 'tmp')).map((n) => `tmp/${n}`)];

async function refusal(work: Promise<unknown>): Promise<UploadRefused> {
  const outcome = await work.then(() => 'stored', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(UploadRefused);
  return outcome as UploadRefused;
}

/** A body that arrives in pieces, as a request does. */
const inPieces = (bytes: Buffer, size = 7) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));

describe('AssetFiles', () => {
  it('stores a file under the SHA-256 of its bytes, sniffed from bytes that arrive in pieces', async () => {
    const files = new AssetFiles(dir);
    const model = makeGlb();
    const stored = await files.receive('model', inPieces(model), 1e6);
    expect(stored).toEqual({ sha256: sha256Of(model), type: 'model/gltf-binary', size: model.length });
    expect(fs.readFileSync(files.pathOf(stored.sha256))).toEqual(model);
    const image = makePng(4, 4);
    expect((await files.receive('image', inPieces(image, 3), 1e6)).type).toBe('image/png');
    expect(contents().sort()).toEqual([sha256Of(image), sha256Of(model)].sort());
  });

  it('keeps one file for the same bytes received twice', async () => {
    const files = new AssetFiles(dir);
    const first = await files.receive('image', Readable.from([makePng()]), 1e6);
    const second = await files.receive('image', inPieces(makePng()), 1e6);
    expect(second).toEqual(first);
    expect(contents()).toEqual([first.sha256]);
  });

  it('takes a file of exactly the limit, and refuses one byte more with the limit in the sentence', async () => {
    const files = new AssetFiles(dir);
    const image = Buffer.concat([makePng(), Buffer.alloc(10_000)]).subarray(0, 10_000);
    expect((await files.receive('image', Readable.from([image]), 10_000)).size).toBe(10_000);
    const err = await refusal(files.receive('image', Readable.from([Buffer.concat([image, Buffer.from([0])])]), 10_000));
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe('That file is larger than 0.01 MB, the limit for images.');
    expect(contents()).toEqual([sha256Of(image)]);
  });

  it('leaves nothing behind when refusing on the very first bytes, however often (the temporary file may not be open yet)', async () => {
    const files = new AssetFiles(dir);
    for (let i = 0; i < 30; i++) {
      const err = await refusal(files.receive('image', Readable.from([Buffer.alloc(20_000, 0x89)]), 10_000));
      expect(err.reason).toBe('too-large');
    }
    expect(contents()).toEqual([]);
  });

  it('refuses content that is not what it claims, and an empty file, leaving nothing behind', async () => {
    const files = new AssetFiles(dir);
    expect((await refusal(files.receive('image', Readable.from([text()]), 1e6))).message).toBe('That file is not a PNG, JPEG or WebP image.');
    expect((await refusal(files.receive('model', inPieces(glbWith({ version: 1 })), 1e6))).message).toMatch(/glTF version 1, not 2/);
    const empty = await refusal(files.receive('captions', Readable.from([]), 1e6));
    expect({ reason: empty.reason, message: empty.message }).toEqual({ reason: 'bad-content', message: 'The file is empty.' });
    expect(contents()).toEqual([]);
  });

  it('leaves nothing behind when the body breaks off', async () => {
    const files = new AssetFiles(dir);
    const body = new PassThrough();
    const receiving = files.receive('image', body, 1e6);
    body.write(makePng());
    await new Promise((r) => setImmediate(r));
    body.destroy(new Error('aborted'));
    await expect(receiving).rejects.toThrow('aborted');
    expect(contents()).toEqual([]);
  });

  it('clears what an interrupted upload left in tmp/ when it starts', () => {
    fs.mkdirSync(path.join(dir, 'tmp'));
    fs.writeFileSync(path.join(dir, 'tmp', 'half-an-upload'), 'partial');
    new AssetFiles(dir);
    expect(contents()).toEqual([]);
  });
});
