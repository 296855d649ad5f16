import { useEffect, useState } from 'react';
import { SRGBColorSpace, Texture } from 'three';

/**
 * Pictures, loaded only while someone is near them and shared between exhibits showing the same
 * file. Big images are scaled down to MAX_SIZE on the way in (a 10 MB photo need not take
 * 100 MB of video memory); a texture nobody uses is disposed a moment later.
 */

const MAX_SIZE = 2048;
const DISPOSE_AFTER_MS = 1000;

interface Entry {
  users: number;
  promise: Promise<Texture>;
  texture: Texture | null;
  timer?: ReturnType<typeof setTimeout>;
}

const entries = new Map<string, Entry>();

async function loadTexture(url: string): Promise<Texture> {
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  await img.decode();
  const w = img.naturalWidth;
  const h = img.naturalHeight;
  if (!w || !h) throw new Error('empty image');
  const scale = Math.min(1, MAX_SIZE / Math.max(w, h));
  let source: HTMLImageElement | HTMLCanvasElement = img;
  if (scale < 1) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    source = canvas;
  }
  const texture = new Texture(source);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  texture.userData.aspect = w / h;
  texture.needsUpdate = true;
  return texture;
}

function acquire(url: string): Promise<Texture> {
  let entry = entries.get(url);
  if (!entry) {
    const created: Entry = { users: 0, texture: null, promise: loadTexture(url) };
    created.promise.then((t) => {
      created.texture = t;
    }, () => {
      // A file that does not decode: forget it, so a later visit may try again.
      if (entries.get(url) === created) entries.delete(url);
    });
    entries.set(url, created);
    entry = created;
  }
  clearTimeout(entry.timer);
  entry.users += 1;
  return entry.promise;
}

function release(url: string): void {
  const entry = entries.get(url);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entry.timer = setTimeout(() => {
    if (entry.users > 0 || entries.get(url) !== entry) return;
    entries.delete(url);
    entry.texture?.dispose();
    void entry.promise.then((t) => t.dispose(), () => undefined);
  }, DISPOSE_AFTER_MS);
}

/** The picture at `url` once loaded (null before, on failure, or when `url` is null). */
export function useLazyTexture(url: string | null): { texture: Texture | null; failed: boolean } {
  const [state, setState] = useState<{ url: string; texture: Texture | null; failed: boolean } | null>(null);
  useEffect(() => {
    if (!url) return undefined;
    let live = true;
    acquire(url).then(
      (texture) => { if (live) setState({ url, texture, failed: false }); },
      () => { if (live) setState({ url, texture: null, failed: true }); },
    );
    return () => {
      live = false;
      release(url);
    };
  }, [url]);
  if (!url || state?.url !== url) return { texture: null, failed: false };
  return { texture: state.texture, failed: state.failed };
}

/** How many pictures are held in memory now (for tests and benchmarks). */
export function loadedTextureCount(): number {
  let n = 0;
  for (const e of entries.values()) if (e.texture) n++;
  return n;
}
