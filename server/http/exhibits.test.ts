import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetView } from '../../shared/protocol/api.js';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import { acked, joinHall, type Tracked } from '../testing/hall.js';
import { makeGlb, makePng, makeVtt } from '../testing/files.js';
import { bootServer, createAccount, guestToken, waitFor, type TestAccount } from '../testing/harness.js';
import { glbWith, html, jpeg, mp4, noisyPng, sha256Of, svg, text, vttWithBom, webm, webp } from '../testing/sampleFiles.js';

/**
 * Exhibitions over HTTP: uploads checked by their bytes and stored once under their hash,
 * refusals that leave nothing behind, files served for good with the type that was sniffed,
 * and publishing, versions and restoring as the permissions table says.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
const SPACE = 'hall-1';
/** Image uploads are capped at 10 kB on this server (ASSET_MAX_IMAGE_MB=0.01). */
const IMAGE_LIMIT = 10_000;

let server: Server;
let assetsDir: string;
let admin: TestAccount;
let curator: TestAccount;
let otherCurator: TestAccount;
let visitor: TestAccount;
let guest: string;
/** The curator of hall-1 in the room, in edit mode. */
let editor: Tracked;

const on = (token: string | null) => ({ baseUrl: server.http, token });
const at = (x: number, z: number) => ({ x, y: 0, z, rx: 0, ry: 0, rz: 0, scale: 1 });

/** The stored files (tmp/ aside), and what is in tmp/. */
const stored = () => fs.readdirSync(assetsDir).filter((n) => n !== 'tmp').sort();
const leftovers = () => fs.readdirSync(path.join(assetsDir, 'tmp'));

/** Uploads as the browser does: the file as the raw body, what it is meant to be in the query. */
async function upload(token: string | null, kind: string, bytes: Uint8Array, options: { claimed?: string; name?: string } = {}): Promise<{ status: number; json: { code?: string; message?: string } & Partial<AssetView> }> {
  const headers: Record<string, string> = { 'content-type': options.claimed ?? 'application/octet-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  const query = new URLSearchParams({ kind, name: options.name ?? `a ${kind}` });
  const res = await fetch(`${server.http}/api/assets?${query.toString()}`, { method: 'POST', headers, body: new Uint8Array(bytes) });
  return { status: res.status, json: (await res.json()) as { code?: string; message?: string } & Partial<AssetView> };
}

/** An upload that must work: its view. */
async function uploaded(kind: string, bytes: Uint8Array, token = curator.token): Promise<AssetView> {
  const { status, json } = await upload(token, kind, bytes);
  expect({ status, json }).toMatchObject({ status: 201 });
  return AssetView.parse(json);
}

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const outcome = await call.then(() => 'succeeded', (err: unknown) => err);
  expect(outcome).toBeInstanceOf(ApiCallError);
  const err = outcome as ApiCallError;
  return { status: err.status, code: err.code, message: err.message };
}

beforeAll(async () => {
  assetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-assets-'));
  server = await bootServer({ ASSETS_DIR: assetsDir, ASSET_MAX_IMAGE_MB: '0.01' });
  admin = await createAccount(server, { name: 'Ada Admin', grants: [{ role: 'admin' }] });
  curator = await createAccount(server, { name: 'Cara Curator', grants: [{ role: 'curator', spaceId: SPACE }] });
  otherCurator = await createAccount(server, { name: 'Otto Elsewhere', grants: [{ role: 'curator', spaceId: 'townhall' }] });
  visitor = await createAccount(server, { name: 'Vic Visitor' });
  guest = await guestToken(server.url, 'Gus');
  editor = await joinHall(server.url, { spaceId: SPACE, token: curator.token });
  await acked(editor, ClientMessage.EditMode, { on: true });
});

afterAll(async () => {
  await editor?.room.leave();
  await server?.close();
  fs.rmSync(assetsDir, { recursive: true, force: true });
});

describe('uploading', () => {
  it('takes every kind of good file, names it by the SHA-256 of its bytes and sniffs its type, whatever the request claimed', async () => {
    const cases: [kind: string, bytes: Buffer, type: string, claimed: string][] = [
      ['image', makePng(8, 8), 'image/png', 'image/jpeg'],
      ['image', jpeg(), 'image/jpeg', 'image/png'],
      ['image', webp(), 'image/webp', 'application/octet-stream'],
      ['video', mp4(), 'video/mp4', 'video/webm'],
      ['video', webm(), 'video/webm', 'text/plain'],
      ['captions', makeVtt(), 'text/vtt', 'text/html'],
      ['captions', vttWithBom(), 'text/vtt', 'application/x-subrip'],
      ['model', makeGlb(), 'model/gltf-binary', 'application/json'],
    ];
    for (const [kind, bytes, type, claimed] of cases) {
      const { status, json } = await upload(curator.token, kind, bytes, { claimed, name: `plan.${kind}` });
      const sha256 = sha256Of(bytes);
      expect({ status, json }, `${type} claimed as ${claimed}`).toEqual({ status: 201, json: { sha256, type, kind, size: bytes.length, name: `plan.${kind}` } });
      expect(fs.readFileSync(path.join(assetsDir, sha256))).toEqual(bytes);
      expect(await server.repos.assets.get(sha256)).toMatchObject({ type, kind, size: bytes.length, createdBy: curator.id });
    }
    expect(leftovers()).toEqual([]);
  });

  it('lets curators of any space and admins upload (files are not tied to a space)', async () => {
    expect((await uploaded('image', makePng(2, 3), otherCurator.token)).type).toBe('image/png');
    expect((await uploaded('image', makePng(3, 2), admin.token)).type).toBe('image/png');
  });

  it('keeps one file for the same bytes uploaded twice', async () => {
    const bytes = makePng(5, 5);
    const before = stored().length;
    const first = await uploaded('image', bytes);
    const again = await uploaded('image', bytes, admin.token);
    expect(again.sha256).toBe(first.sha256);
    expect(first.sha256).toBe(sha256Of(bytes));
    expect(stored().length).toBe(before + 1);
    expect(stored().filter((n) => n === first.sha256)).toHaveLength(1);
  });

  it('refuses content that is not what it claims (400, with the reason) and keeps nothing of it', async () => {
    const NOT_IMAGE = 'That file is not a PNG, JPEG or WebP image.';
    const notGlb = (why: string) => `That is not a valid glTF 2.0 binary (.glb) file: ${why}.`;
    const cases: [kind: string, bytes: Buffer, message: string, claimed?: string][] = [
      ['image', text(), NOT_IMAGE, 'image/png'],
      ['image', html(), NOT_IMAGE, 'image/png'],
      ['image', svg(), NOT_IMAGE, 'image/svg+xml'],
      ['image', makeGlb({ color: [0, 0, 1, 1] }), NOT_IMAGE],
      ['video', makePng(), 'That file is not an MP4 or WebM video.', 'video/mp4'],
      ['captions', text(), 'That file is not a WebVTT captions file (it must start with "WEBVTT").', 'text/vtt'],
      ['model', makePng(4, 4), notGlb('it does not start with "glTF"'), 'model/gltf-binary'],
      ['model', glbWith({ version: 1 }), notGlb('it is glTF version 1, not 2')],
      ['model', glbWith({ lengthDelta: -4 }), notGlb(`its header says ${glbWith().length - 4} bytes but the file has ${glbWith().length}`)],
      ['model', glbWith({ chunkDelta: 8 }), notGlb('a chunk runs past the end')],
      ['model', glbWith({ json: '{"asset":' }), notGlb('its JSON chunk does not parse')],
      ['model', glbWith({ json: '{"asset":{"version":"1.0"}}' }), notGlb('its asset.version is not 2.x')],
      ['image', Buffer.alloc(0), 'The file is empty.'],
    ];
    const before = stored();
    for (const [kind, bytes, message, claimed] of cases) {
      const { status, json } = await upload(curator.token, kind, bytes, { claimed });
      expect({ status, json }, message).toEqual({ status: 400, json: { code: 'INVALID_INPUT', message } });
      expect(await server.repos.assets.get(sha256Of(bytes))).toBeUndefined();
    }
    expect(stored()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a kind it does not know (400)', async () => {
    const { status, json } = await upload(curator.token, 'pdf', makePng());
    expect({ status, code: json.code }).toEqual({ status: 400, code: 'INVALID_INPUT' });
  });

  it('refuses a file over the limit for its kind (413) and keeps nothing of it; other kinds have their own limits', async () => {
    const before = stored();
    const tooLarge = [noisyPng(100, 100), Buffer.concat([makePng(), Buffer.alloc(2_000_000)]), Buffer.concat([makePng(), Buffer.alloc(IMAGE_LIMIT)]).subarray(0, IMAGE_LIMIT + 1)];
    for (const bytes of tooLarge) {
      const { status, json } = await upload(curator.token, 'image', bytes);
      expect({ status, json }, `${bytes.length} bytes`).toEqual({ status: 413, json: { code: 'TOO_LARGE', message: 'That file is larger than 0.01 MB, the limit for images.' } });
    }
    expect(stored()).toEqual(before);
    expect(leftovers()).toEqual([]);
    // Exactly at the limit is fine, and a video of that size is far from its own.
    expect((await uploaded('image', Buffer.concat([makePng(), Buffer.alloc(IMAGE_LIMIT)]).subarray(0, IMAGE_LIMIT))).size).toBe(IMAGE_LIMIT);
    expect((await uploaded('video', mp4(3 * IMAGE_LIMIT))).type).toBe('video/mp4');
  });

  it('keeps nothing of an upload that breaks off half way', async () => {
    const before = stored();
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write([
      `POST /api/assets?kind=image&name=half.png HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `Authorization: Bearer ${curator.token}`,
      'Content-Type: image/png', `Content-Length: ${IMAGE_LIMIT}`, '', '',
    ].join('\r\n'));
    socket.write(makePng(10, 10));
    await waitFor(() => leftovers().length === 1, 5000, 'the upload to start');
    socket.destroy();
    await waitFor(() => leftovers().length === 0, 5000, 'the half upload to be removed');
    expect(stored()).toEqual(before);
  });

  it('refuses visitors and guests (403) and people without a session (401), keeping nothing', async () => {
    const bytes = makePng(7, 1);
    for (const [token, status] of [[visitor.token, 403], [guest, 403], [null, 401]] as const) {
      const answer = await upload(token, 'image', bytes);
      expect({ status: answer.status, code: answer.json.code }).toEqual({ status, code: 'NOT_ALLOWED' });
    }
    expect(await server.repos.assets.get(sha256Of(bytes))).toBeUndefined();
    expect(stored()).not.toContain(sha256Of(bytes));
  });
});

describe('serving files', () => {
  it('serves the exact bytes to anyone, with the sniffed type, cached for good and never sniffed by the browser', async () => {
    for (const [kind, bytes, type] of [['image', makePng(6, 6), 'image/png'], ['model', makeGlb({ w: 1 }), 'model/gltf-binary'], ['captions', makeVtt('Served.'), 'text/vtt']] as const) {
      const { sha256 } = await uploaded(kind, bytes);
      const res = await fetch(`${server.http}/api/assets/${sha256}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-length')).toBe(String(bytes.length));
    }
  });

  it('answers a Range request for a video with 206 and just those bytes', async () => {
    const bytes = mp4(1000);
    const { sha256 } = await uploaded('video', bytes);
    const res = await fetch(`${server.http}/api/assets/${sha256}`, { headers: { range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(100, 200));
  });

  it('answers 404 for a hash nothing was stored under, a refused file, and anything that is not a hash', async () => {
    const known = (await uploaded('image', makePng(9, 9))).sha256;
    for (const name of ['0'.repeat(64), sha256Of(text()), known.toUpperCase(), known.slice(1), 'abc', '..%2F..%2Fetc%2Fpasswd', `${known}.png`]) {
      const res = await fetch(`${server.http}/api/assets/${name}`);
      expect({ name, status: res.status, json: await res.json() as unknown }).toEqual({ name, status: 404, json: { code: 'NOT_FOUND', message: expect.any(String) as string } });
    }
  });
});

describe('publishing', () => {
  /** A panel in hall-1's draft, with a summary so it can be published. */
  async function panel(title: string): Promise<string> {
    const { id } = await acked(editor, ClientMessage.ExhibitCreate, { kind: 'panel', transform: at(0, 0) });
    await acked(editor, ClientMessage.ExhibitUpdate, { id, text: { title }, content: { kind: 'panel', summary: `${title}, in short.`, body: '', sponsor: 'Council' } });
    return id!;
  }

  const publish = (token: string | null, note = '') => callApi('publish', { ...on(token), params: { id: SPACE }, body: { note } });
  const versions = async () => (await callApi('listVersions', { ...on(curator.token), params: { id: SPACE } })).versions;

  it('shows an empty published set before anything is published, to anyone; an unknown space is 404', async () => {
    expect(await callApi('publishedExhibits', { ...on(null), params: { id: SPACE } })).toEqual({ spaceId: SPACE, version: 0, publishedAt: null, exhibits: [] });
    expect(await versions()).toEqual([]);
    expect(await refusal(callApi('publishedExhibits', { ...on(null), params: { id: 'atlantis' } }))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('lets a curator of the hall publish its draft as version 1 (201), and refuses curators elsewhere, visitors and guests (403) and strangers (401)', async () => {
    const id = await panel('Housing plan');
    for (const [token, status] of [[otherCurator.token, 403], [visitor.token, 403], [guest, 403], [null, 401]] as const) {
      expect(await refusal(publish(token))).toMatchObject({ status, code: 'NOT_ALLOWED' });
    }
    expect(await versions()).toEqual([]);

    const res = await fetch(`${server.http}/api/spaces/${SPACE}/publish`, {
      method: 'POST', headers: { authorization: `Bearer ${curator.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ note: 'Opening' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 1, exhibitCount: 1, publishedBy: 'Cara Curator', note: 'Opening' });
    const shown = await callApi('publishedExhibits', { ...on(null), params: { id: SPACE } });
    expect(shown).toMatchObject({ version: 1, publishedAt: expect.any(String) as string });
    expect(shown.exhibits).toMatchObject([{ id, title: 'Housing plan', content: { kind: 'panel', summary: 'Housing plan, in short.' } }]);
    await waitFor(() => editor.room.state.exhibitsVersion === 1, 5000, 'the room told of version 1');
    // An admin may publish anywhere.
    expect(await publish(admin.token, 'Checked')).toMatchObject({ version: 2, publishedBy: 'Ada Admin', note: 'Checked' });
  });

  it('lists versions, newest first, to curators of the hall and admins only', async () => {
    expect((await versions()).map((v) => [v.version, v.publishedBy, v.note, v.exhibitCount])).toEqual([[2, 'Ada Admin', 'Checked', 1], [1, 'Cara Curator', 'Opening', 1]]);
    expect((await callApi('listVersions', { ...on(admin.token), params: { id: SPACE } })).versions).toHaveLength(2);
    for (const [token, status] of [[otherCurator.token, 403], [visitor.token, 403], [guest, 403], [null, 401]] as const) {
      expect(await refusal(callApi('listVersions', { ...on(token), params: { id: SPACE } }))).toMatchObject({ status, code: 'NOT_ALLOWED' });
    }
  });

  it('refuses to publish an image without its file, naming it (409), and publishes it once finished', async () => {
    const { id } = await acked(editor, ClientMessage.ExhibitCreate, { kind: 'image', transform: at(3, 3) });
    await acked(editor, ClientMessage.ExhibitUpdate, { id, text: { title: 'Map of the district' } });
    const refused = await refusal(publish(curator.token));
    expect(refused).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(refused.message).toBe('One exhibit needs finishing before publishing: “Map of the district” needs alt text, needs an image file.');
    expect(await versions()).toHaveLength(2);

    const image = await uploaded('image', makePng(12, 8));
    await acked(editor, ClientMessage.ExhibitUpdate, { id, text: { alt: 'The district, with the new homes in orange.' }, content: { kind: 'image', image: { sha256: image.sha256, type: image.type } } });
    expect(await publish(curator.token)).toMatchObject({ version: 3, exhibitCount: 2 });
    const shown = await callApi('publishedExhibits', { ...on(null), params: { id: SPACE } });
    expect(shown.exhibits.find((e) => e.id === id)?.content).toEqual({ kind: 'image', image: { sha256: image.sha256, type: 'image/png' } });
  });

  it('restores only versions that exist (404), for curators of the hall only', async () => {
    const restore = (token: string | null, version: string) => callApi('restoreVersion', { ...on(token), params: { id: SPACE, version } });
    expect(await refusal(restore(curator.token, '99'))).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'There is no such version.' });
    expect(await refusal(restore(curator.token, '0'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(restore(otherCurator.token, '1'))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    expect(await refusal(restore(visitor.token, '1'))).toMatchObject({ status: 403, code: 'NOT_ALLOWED' });
    expect(await restore(curator.token, '1')).toEqual({ restored: 1, exhibitCount: 1 });
    expect((await server.repos.exhibits.draft(SPACE)).map((s) => s.exhibit.title)).toEqual(['Housing plan']);
    // Visitors keep the published version until the next publish.
    expect((await callApi('publishedExhibits', { ...on(null), params: { id: SPACE } })).version).toBe(3);
  });

  it('writes uploads and publishes to the audit log', async () => {
    const { entries } = await callApi('audit', { ...on(admin.token), query: { limit: 500 } });
    const uploads = entries.filter((e) => e.action === 'asset.upload');
    expect(uploads.find((e) => e.targetId === sha256Of(makeGlb()))).toMatchObject({
      actorId: curator.id, targetType: 'asset', detail: { kind: 'model', type: 'model/gltf-binary', size: makeGlb().length, name: 'plan.model' },
    });
    expect(uploads.some((e) => e.targetId === sha256Of(text()))).toBe(false);
    const publishes = entries.filter((e) => e.action === 'exhibits.publish').map((e) => [e.actorId, e.targetId, (e.detail as { version: number }).version]);
    expect(publishes.sort((a, b) => Number(a[2]) - Number(b[2]))).toEqual([[curator.id, SPACE, 1], [admin.id, SPACE, 2], [curator.id, SPACE, 3]]);
    expect(entries.filter((e) => e.action === 'exhibits.restore')).toMatchObject([{ actorId: curator.id, targetId: SPACE, detail: { version: 1 } }]);
  });
});
