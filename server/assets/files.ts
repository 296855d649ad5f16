import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AssetKind, AssetType } from '../../shared/exhibits/exhibit.js';
import { privateDir, privateFiles } from '../privateFiles.js';
import { sniff } from './sniff.js';

/** Why an upload was refused: too large, or not what it claims to be. */
export class UploadRefused extends Error {
  constructor(readonly reason: 'too-large' | 'bad-content' | 'no-space', message: string) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export interface StoredFile {
  sha256: string;
  type: AssetType;
  size: number;
}

const KIND_PLURAL: Record<AssetKind, string> = { image: 'images', video: 'videos', captions: 'captions files', model: '3D models' };

/** The refusal of a file over the limit for its kind. */
export function tooLarge(maxBytes: number, kind: AssetKind): string {
  return `That file is larger than ${Number((maxBytes / 1e6).toPrecision(3))} MB, the limit for ${KIND_PLURAL[kind]}.`;
}

/** Bytes read before deciding what a file is (enough for every signature; a .glb is read whole). */
const HEAD_BYTES = 64;

/**
 * Content-addressed files under one directory: `<dir>/<sha256>`. An upload is streamed to a
 * temporary file while it is hashed and counted, checked by its bytes, then renamed into place;
 * a failed upload leaves nothing behind.
 */
export class AssetFiles {
  private readonly tmp: string;

  constructor(readonly dir: string) {
    this.tmp = path.join(dir, 'tmp');
    // Uploads are the service user's alone (0700 folders, 0600 files), also from an older install.
    privateDir(dir);
    privateDir(this.tmp);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile()) privateFiles(path.join(dir, entry.name));
    }
    // Anything left from an upload interrupted by a crash.
    for (const name of fs.readdirSync(this.tmp)) fs.rmSync(path.join(this.tmp, name), { force: true });
  }

  pathOf(sha256: string): string {
    return path.join(this.dir, sha256);
  }

  async receive(kind: AssetKind, body: Readable, maxBytes: number): Promise<StoredFile> {
    const temp = path.join(this.tmp, randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    const whole: Buffer[] | undefined = kind === 'model' ? [] : undefined;
    const out = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (err: Error) => {
          body.unpipe(out);
          body.resume();
          reject(err);
        };
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(new UploadRefused('too-large', tooLarge(maxBytes, kind)));
            return;
          }
          hash.update(chunk);
          whole?.push(chunk);
          if (headBytes < HEAD_BYTES) {
            head.push(chunk);
            headBytes += chunk.length;
          }
        });
        body.on('error', fail);
        out.on('error', fail);
        out.on('finish', () => resolve());
        body.pipe(out);
      });
      if (size === 0) throw new UploadRefused('bad-content', 'The file is empty.');
      const verdict = sniff(kind, whole ? Buffer.concat(whole) : Buffer.concat(head));
      if ('problem' in verdict) throw new UploadRefused('bad-content', verdict.problem);
      const sha256 = hash.digest('hex');
      const final = this.pathOf(sha256);
      if (fs.existsSync(final)) fs.rmSync(temp, { force: true });
      else fs.renameSync(temp, final);
      return { sha256, type: verdict.type, size };
    } catch (caught) {
      const err = noSpace(caught) ? new UploadRefused('no-space', NO_SPACE) : caught;
      // The temporary file may not even be open yet (a refusal on the first bytes): wait until
      // the stream has opened and closed it, or removing it now would leave it behind.
      if (!out.closed) await new Promise<void>((resolve) => { out.once('close', () => resolve()); out.destroy(); });
      fs.rmSync(temp, { force: true });
      throw err;
    }
  }
}

/** Said when the disk (or the uploads' quota) is full: nothing was kept, and it passes once there is room. */
export const NO_SPACE = 'The server has no room left to store uploads right now, so nothing was saved. Please try again later; the organisers have been told.';

function noSpace(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
