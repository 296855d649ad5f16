import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '../../shared/protocol/apiClient.js';
import { Exhibit, publishProblems } from '../../shared/exhibits/exhibit.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { isFree } from '../../shared/spaces/collision.js';
import { bootServer } from '../testing/harness.js';
import { EXAMPLE_EXHIBITS, EXAMPLE_SPACE } from './exampleExhibition.js';

type Server = Awaited<ReturnType<typeof bootServer>>;
let server: Server | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the example exhibition', () => {
  it('is valid, publishable, marked as an example, sourced, and stands on free floor', () => {
    const layout = SPACES.get(EXAMPLE_SPACE)!;
    for (const e of EXAMPLE_EXHIBITS) {
      expect(Exhibit.safeParse(e).success, e.id).toBe(true);
      expect(publishProblems(e, new Set(SPACES.keys())), e.id).toEqual([]);
      expect(e.title, e.id).toMatch(/example/i);
      expect(e.provenance.author, e.id).toMatch(/example/i);
      expect(e.provenance.sources.length, e.id).toBeGreaterThan(0);
      expect(isFree({ x: e.transform.x, z: e.transform.z }, 0.05, layout), e.id).toBe(true);
    }
  });

  it('is published on a first start, once: removing it keeps it gone after a restart', async () => {
    server = await bootServer({ EXAMPLE_EXHIBITION: 'on' });
    const on = { baseUrl: server.http };
    const first = await callApi('publishedExhibits', { ...on, params: { id: EXAMPLE_SPACE } });
    expect(first.exhibits.map((e) => e.id)).toEqual(EXAMPLE_EXHIBITS.map((e) => e.id));
    expect(first.version).toBe(1);
    // Curators see it in their draft too.
    expect((await server.repos.exhibits.draft(EXAMPLE_SPACE)).map((s) => s.exhibit.id)).toEqual(EXAMPLE_EXHIBITS.map((e) => e.id));

    // A curator takes it down (an empty version), and the server restarts on the same data.
    await server.repos.exhibits.replaceDraft(EXAMPLE_SPACE, [], null);
    await server.repos.exhibits.publish(EXAMPLE_SPACE, [], 'without the example', { id: null, name: 'test' });
    const dataDir = server.dataDir;
    await server.close();
    server = await bootServer({ EXAMPLE_EXHIBITION: 'on', DATA_DIR: dataDir });
    const after = await callApi('publishedExhibits', { baseUrl: server.http, params: { id: EXAMPLE_SPACE } });
    expect(after.version).toBe(2);
    expect(after.exhibits).toEqual([]);
  });

  it('is not seeded with EXAMPLE_EXHIBITION=off', async () => {
    server = await bootServer({ EXAMPLE_EXHIBITION: 'off' });
    const published = await callApi('publishedExhibits', { baseUrl: server.http, params: { id: EXAMPLE_SPACE } });
    expect(published.exhibits).toEqual([]);
  });
});
