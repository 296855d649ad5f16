import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SPACES } from '../shared/spaces/catalog.js';
import { openDatabase } from './store/db.js';
import { createSpaceStore } from './store/spaces.js';
import { bootServer, joinSpace } from './testing/harness.js';

let running: Awaited<ReturnType<typeof bootServer>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('spaces live in the database', () => {
  it('seeds the built-in spaces on first start and serves them as open data', async () => {
    running = await bootServer();
    const list = await (await fetch(`${running.http}/api/spaces`)).json();
    expect(list.spaces.map((s: { id: string }) => s.id).sort()).toEqual([...SPACES.keys()].sort());
    const plaza = await (await fetch(`${running.http}/api/spaces/plaza`)).json();
    expect(plaza.space).toEqual(SPACES.get('plaza'));
    for (const bad of ['nowhere', 'NOT..valid', '%00']) {
      const res = await fetch(`${running.http}/api/spaces/${bad}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ code: 'NOT_FOUND', message: 'There is no space with that name.' });
    }
  });

  it('keeps spaces across a restart, and rooms use the stored layout', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-restart-'));
    running = await bootServer({ DATA_DIR: dataDir });
    await running.close();
    running = undefined;

    // Change the hall in the database while the server is down: a new name and spawn point.
    const handle = openDatabase({ dataDir });
    const hall = structuredClone(SPACES.get('hall-1')!);
    hall.name = 'Housing Exhibition';
    hall.spawns = [{ id: 'default', x: 5, z: 12, yaw: 0 }];
    await createSpaceStore(handle.db).put(hall);
    await handle.close();

    running = await bootServer({ DATA_DIR: dataDir });
    const served = await (await fetch(`${running.http}/api/spaces/hall-1`)).json();
    expect(served.space.name).toBe('Housing Exhibition');
    const room = await joinSpace(running.url, { spaceId: 'hall-1', name: 'Visitor' });
    const me = room.state.avatars.get(room.sessionId)!;
    expect(Math.hypot(me.x - 5, me.z - 12)).toBeLessThan(0.01);
    await room.leave();
  });
});
