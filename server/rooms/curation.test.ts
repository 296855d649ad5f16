import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exhibitFromState, type Exhibit } from '../../shared/exhibits/exhibit.js';
import { callApi } from '../../shared/protocol/apiClient.js';
import type { EditHistory } from '../../shared/protocol/curation.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import { bootServer, createAccount, waitFor, type TestAccount } from '../testing/harness.js';
import { acked, joinHall, refused, type Tracked } from '../testing/hall.js';

/**
 * Curation over real connections: the draft only curators in edit mode see, operations stored
 * before they are acknowledged, locks between two curators, undo and redo, and publishing.
 */

type Server = Awaited<ReturnType<typeof bootServer>>;
const SPACE = 'hall-1';
const at = (x: number, z: number) => ({ x, y: 0, z, rx: 0, ry: 0, rz: 0, scale: 1 });

let server: Server;
let anaAccount: TestAccount;
let benAccount: TestAccount;
let ana: Tracked;
let ben: Tracked;
const histories = new WeakMap<Tracked, EditHistory[]>();

async function curator(account: TestAccount): Promise<Tracked> {
  const t = await joinHall(server.url, { spaceId: SPACE, token: account.token });
  const list: EditHistory[] = [];
  histories.set(t, list);
  t.room.onMessage(ServerMessage.EditHistory, (h: EditHistory) => list.push(h));
  await acked(t, ClientMessage.EditMode, { on: true });
  return t;
}

const draftOf = (t: Tracked) => t.room.state.draft?.exhibits;
const exhibitIn = (t: Tracked, id: string): Exhibit | undefined => {
  const s = draftOf(t)?.get(id);
  return s ? exhibitFromState(s) : undefined;
};
const lastHistory = (t: Tracked) => histories.get(t)?.at(-1);

async function create(t: Tracked, kind: 'panel' | 'image' | 'chart' | 'twin' = 'panel', x = 0): Promise<string> {
  const ack = await acked(t, ClientMessage.ExhibitCreate, { kind, transform: at(x, 0) });
  return ack.id!;
}

beforeAll(async () => {
  server = await bootServer();
  anaAccount = await createAccount(server, { name: 'Ana Curator', grants: [{ role: 'curator', spaceId: SPACE }] });
  benAccount = await createAccount(server, { name: 'Ben Curator', grants: [{ role: 'curator', spaceId: SPACE }] });
  ana = await curator(anaAccount);
  ben = await curator(benAccount);
});

afterAll(async () => {
  await server?.close();
});

describe('the draft', () => {
  it('is stored before it is acknowledged, and seen only by curators in edit mode', async () => {
    const visitor = await joinHall(server.url, { spaceId: SPACE, name: 'Vera' });
    const id = await create(ana);
    // Acknowledged means stored.
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit.title).toBe('New panel');
    await waitFor(() => exhibitIn(ben, id)?.title === 'New panel', 5000, 'Ben to see the new panel');
    // The visitor's state has no draft at all, and the published set is still empty.
    await new Promise((r) => setTimeout(r, 200));
    expect(visitor.room.state.draft?.exhibits?.size ?? 0).toBe(0);
    expect((await callApi('publishedExhibits', { baseUrl: server.http, params: { id: SPACE } })).exhibits).toEqual([]);
    // A visitor's forged operation is refused by the permissions table.
    expect((await refused(visitor, ClientMessage.ExhibitCreate, { kind: 'panel', transform: at(1, 1) })).code).toBe('NOT_ALLOWED');
    expect((await refused(visitor, ClientMessage.ExhibitDelete, { id })).code).toBe('NOT_ALLOWED');
    expect((await refused(visitor, ClientMessage.EditMode, { on: true })).code).toBe('NOT_ALLOWED');
    await visitor.room.leave();
  });

  it('refuses bad operations with a clear code and keeps what was stored', async () => {
    const id = await create(ana, 'panel', 2);
    expect((await refused(ana, ClientMessage.ExhibitCreate, { kind: 'panel', transform: at(400, 0) })).code).toBe('INVALID_INPUT');
    expect((await refused(ana, ClientMessage.ExhibitMove, { id, transform: { ...at(0, 0), scale: Number.NaN }, final: true })).code).toBe('INVALID_INPUT');
    expect((await refused(ana, ClientMessage.ExhibitUpdate, { id, content: { kind: 'portal', to: 'plaza' } })).code).toBe('INVALID_INPUT');
    expect((await refused(ana, ClientMessage.ExhibitUpdate, { id, text: { title: '' } })).code).toBe('INVALID_INPUT');
    expect((await refused(ana, ClientMessage.ExhibitUpdate, { id, content: { kind: 'panel', summary: 'x'.repeat(401), body: '', sponsor: '' } })).code).toBe('INVALID_INPUT');
    const image = await create(ana, 'image', 3);
    expect((await refused(ana, ClientMessage.ExhibitUpdate, { id: image, content: { kind: 'image', image: { sha256: 'a'.repeat(64), type: 'image/png' } } })).message).toMatch(/not been uploaded/);
    // A twin's official scenario must be one its model accepts: levers in range, a known model.
    const twin = await create(ana, 'twin', 4);
    const charge = await refused(ana, ClientMessage.ExhibitUpdate, { id: twin, content: { kind: 'twin', model: 'congestion-charge', params: { charge: 1e6 }, seed: 1 } });
    expect(charge).toMatchObject({ code: 'INVALID_INPUT' });
    expect(charge.message).toMatch(/charge/i);
    expect((await refused(ana, ClientMessage.ExhibitUpdate, { id: twin, content: { kind: 'twin', model: 'congestion-charge', params: { charge: null }, seed: 1 } })).code).toBe('INVALID_INPUT');
    expect((await refused(ana, ClientMessage.ExhibitUpdate, { id: twin, content: { kind: 'twin', model: 'perpetual-motion', params: {}, seed: 1 } })).message).toMatch(/no simulation model/);
    expect((await refused(ana, ClientMessage.ExhibitUpdate, { id: twin, content: { kind: 'twin', model: 'congestion-charge', params: {}, seed: -1 } })).code).toBe('INVALID_INPUT');
    await acked(ana, ClientMessage.ExhibitUpdate, { id: twin, content: { kind: 'twin', model: 'carbon-dividend', params: {}, seed: 7 } });
    expect((await server.repos.exhibits.getDraft(SPACE, twin))?.exhibit.content).toEqual({ kind: 'twin', model: 'carbon-dividend', params: {}, seed: 7 });
    await acked(ana, ClientMessage.ExhibitDelete, { id: twin });
    expect((await refused(ana, ClientMessage.ExhibitDelete, { id: 'nosuchexhibit' })).code).toBe('NOT_FOUND');
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit.transform).toEqual(at(2, 0));
    await acked(ana, ClientMessage.ExhibitDelete, { id: image });
  });
});

describe('two curators at once', () => {
  it('locks an exhibit while one drags it, shows the drag to the other, and releases it on drop or disconnect', async () => {
    const id = await create(ana, 'panel', -3);
    await waitFor(() => exhibitIn(ben, id), 5000, 'Ben to see it');
    await acked(ana, ClientMessage.ExhibitLock, { id });
    await waitFor(() => draftOf(ben)?.get(id)?.lockedName === 'Ana Curator', 5000, 'Ben to see the lock');
    const grab = await refused(ben, ClientMessage.ExhibitLock, { id });
    expect(grab).toMatchObject({ code: 'CONFLICT', message: 'Ana Curator is moving this exhibit right now.' });
    expect((await refused(ben, ClientMessage.ExhibitMove, { id, transform: at(5, 5), final: true })).code).toBe('CONFLICT');
    expect((await refused(ben, ClientMessage.ExhibitDelete, { id })).code).toBe('CONFLICT');

    // The drag shows live, and is stored only on the drop.
    ana.room.send(ClientMessage.ExhibitMove, { id, transform: at(-4, 1), final: false });
    await waitFor(() => draftOf(ben)?.get(id)?.x === -4, 5000, 'Ben to see the drag');
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit.transform.x).toBe(-3);
    await acked(ana, ClientMessage.ExhibitMove, { id, transform: at(-5, 1), final: true });
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit.transform).toEqual(at(-5, 1));
    await waitFor(() => draftOf(ben)?.get(id)?.lockedBy === '' && draftOf(ben)?.get(id)?.x === -5, 5000, 'the lock released on the drop');

    // Ben grabs it and drops the connection mid-drag: the lock goes and the exhibit goes back.
    const benAgain = await curator(benAccount);
    await acked(benAgain, ClientMessage.ExhibitLock, { id });
    benAgain.room.send(ClientMessage.ExhibitMove, { id, transform: at(6, 6), final: false });
    await waitFor(() => draftOf(ana)?.get(id)?.x === 6, 5000, 'Ana to see the drag');
    await benAgain.room.leave();
    await waitFor(() => draftOf(ana)?.get(id)?.lockedBy === '' && draftOf(ana)?.get(id)?.x === -5, 5000, 'the lock released and the drag undone');
  });
});

describe('undo and redo', () => {
  it("undoes and redoes each curator's own steps, and refuses an undo that would overwrite someone else", async () => {
    const id = await create(ana, 'chart', 1);
    await acked(ana, ClientMessage.ExhibitMove, { id, transform: at(1, 2), final: true });
    await acked(ana, ClientMessage.ExhibitUpdate, { id, text: { title: 'Rents by year' } });
    expect(lastHistory(ana)).toMatchObject({ undoLabel: 'Edit “Rents by year”', redo: 0 });
    const undos = lastHistory(ana)!.undo;

    await acked(ana, ClientMessage.EditUndo, {});
    await waitFor(() => exhibitIn(ana, id)?.title === 'New chart', 5000, 'the title back');
    await acked(ana, ClientMessage.EditUndo, {});
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit.transform).toEqual(at(1, 0));
    await acked(ana, ClientMessage.EditUndo, {});
    expect(await server.repos.exhibits.getDraft(SPACE, id)).toBeUndefined();
    await waitFor(() => !draftOf(ben)?.has(id), 5000, 'Ben to see it gone');
    expect(lastHistory(ana)).toMatchObject({ undo: undos - 3, redo: 3 });

    await acked(ana, ClientMessage.EditRedo, {});
    await acked(ana, ClientMessage.EditRedo, {});
    await acked(ana, ClientMessage.EditRedo, {});
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit).toMatchObject({ title: 'Rents by year', transform: at(1, 2) });

    // Ben moves it after Ana's last step: Ana's undo would overwrite that, so it is refused.
    await acked(ben, ClientMessage.ExhibitMove, { id, transform: at(2, 2), final: true });
    expect((await refused(ana, ClientMessage.EditUndo, {})).code).toBe('CONFLICT');
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit.transform).toEqual(at(2, 2));
    // Ben's own undo works.
    await acked(ben, ClientMessage.EditUndo, {});
    expect((await server.repos.exhibits.getDraft(SPACE, id))?.exhibit.transform).toEqual(at(1, 2));
  });

  it('duplicates next to the original and deletes, both undoable', async () => {
    const id = await create(ana, 'panel', -6);
    const copyId = (await acked(ana, ClientMessage.ExhibitDuplicate, { id })).id!;
    const copy = (await server.repos.exhibits.getDraft(SPACE, copyId))!.exhibit;
    expect(copy.title).toBe('New panel (copy)');
    expect(copy.transform.x).toBeCloseTo(-5.5);
    await acked(ana, ClientMessage.ExhibitDelete, { id: copyId });
    expect(await server.repos.exhibits.getDraft(SPACE, copyId)).toBeUndefined();
    await acked(ana, ClientMessage.EditUndo, {});
    expect((await server.repos.exhibits.getDraft(SPACE, copyId))?.exhibit.title).toBe('New panel (copy)');
  });
});

describe('publishing', () => {
  it('swaps what visitors see in one step, numbers versions, and restores an earlier one as the draft', async () => {
    const visitor = await joinHall(server.url, { spaceId: SPACE, name: 'Vic' });
    // Everything in the draft so far needs finishing: the panels have no text.
    const refusal = await callApi('publish', { baseUrl: server.http, token: anaAccount.token, params: { id: SPACE }, body: {} }).then(() => new Error('published'), (e: unknown) => e as Error);
    expect(refusal).toMatchObject({ code: 'CONFLICT' });
    expect(refusal.message).toMatch(/needs? finishing before publishing: “New panel” needs a summary or some text/);

    for (const [id] of draftOf(ana)) await acked(ana, ClientMessage.ExhibitDelete, { id });
    const panel = await create(ana, 'panel', 4);
    await acked(ana, ClientMessage.ExhibitUpdate, { id: panel, text: { title: 'Housing plan' }, content: { kind: 'panel', summary: 'Ten thousand homes.', body: '**Why**: rents.', sponsor: 'Council' } });
    await waitFor(() => ana.room.state.draft?.dirty === true, 5000, 'the draft marked unpublished');
    const v1 = await callApi('publish', { baseUrl: server.http, token: anaAccount.token, params: { id: SPACE }, body: { note: 'First opening' } });
    expect(v1).toMatchObject({ version: 1, exhibitCount: 1, publishedBy: 'Ana Curator', note: 'First opening' });
    await waitFor(() => visitor.room.state.exhibitsVersion === 1 && ana.room.state.draft?.dirty === false, 5000, 'the visitor told of version 1');
    const shown = await callApi('publishedExhibits', { baseUrl: server.http, params: { id: SPACE } });
    expect(shown.exhibits.map((e) => e.title)).toEqual(['Housing plan']);

    await acked(ana, ClientMessage.ExhibitUpdate, { id: panel, text: { title: 'Housing plan, revised' } });
    await acked(ana, ClientMessage.ExhibitCreate, { kind: 'portal', transform: at(-2, 8) });
    const v2 = await callApi('publish', { baseUrl: server.http, token: benAccount.token, params: { id: SPACE }, body: {} });
    expect(v2.version).toBe(2);
    await waitFor(() => visitor.room.state.exhibitsVersion === 2, 5000, 'version 2');
    expect((await callApi('publishedExhibits', { baseUrl: server.http, params: { id: SPACE } })).exhibits.map((e) => e.title).sort()).toEqual(['Housing plan, revised', 'New doorway']);

    const { versions } = await callApi('listVersions', { baseUrl: server.http, token: anaAccount.token, params: { id: SPACE } });
    expect(versions.map((v) => [v.version, v.publishedBy])).toEqual([[2, 'Ben Curator'], [1, 'Ana Curator']]);

    // Version 1 back as the draft; visitors keep seeing version 2 until someone publishes.
    await callApi('restoreVersion', { baseUrl: server.http, token: anaAccount.token, params: { id: SPACE, version: '1' } });
    await waitFor(() => draftOf(ana)?.size === 1 && exhibitIn(ana, panel)?.title === 'Housing plan', 5000, 'the draft restored');
    await waitFor(() => ana.room.state.draft?.dirty === true, 5000, 'the restored draft differs from version 2');
    expect(lastHistory(ana)).toMatchObject({ undo: 0, redo: 0 });
    expect(visitor.room.state.exhibitsVersion).toBe(2);
    const audit = await server.repos.audit.list({ limit: 200 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['exhibit.create', 'exhibit.update', 'exhibit.move', 'exhibit.delete', 'exhibit.undo', 'exhibit.redo', 'exhibits.publish', 'exhibits.restore']));
    await visitor.room.leave();
  });
});
