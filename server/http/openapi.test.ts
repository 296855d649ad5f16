import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../shared/access.js';
import { API } from '../../shared/protocol/api.js';
import { bootServer } from '../testing/harness.js';

type Server = Awaited<ReturnType<typeof bootServer>>;
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; 'x-action'?: string; 'x-roles'?: unknown; requestBody?: unknown; parameters?: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, unknown> };
};

let server: Server;
let doc: Doc;

beforeAll(async () => {
  server = await bootServer();
  const res = await fetch(`${server.http}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json() as Doc;
});
afterAll(async () => {
  await server?.close();
});

/** Every route Express actually has mounted, as OpenAPI path + lower-case method. */
function mountedRoutes(): { path: string; method: string }[] {
  const stack = (server.express as unknown as { router: { stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[] } }).router.stack;
  return stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
    return paths.flatMap((p) => methods.map((method) => ({
      path: p.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}').replace(/\{\*([A-Za-z]+)\}/g, '{$1}'),
      method,
    })));
  });
}

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.push(v);
      else collectRefs(v, into);
    }
  }
  return into;
}

describe('the OpenAPI document', () => {
  it('describes every mounted route, and only mounted routes', () => {
    const mounted = mountedRoutes();
    expect(mounted.length).toBeGreaterThanOrEqual(Object.keys(API).length);
    const missing = mounted.filter((r) => !doc.paths[r.path]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    const mountedKeys = new Set(mounted.map((r) => `${r.method} ${r.path}`));
    expect(documented.filter((d) => !mountedKeys.has(d))).toEqual([]);
  });

  it('is generated from the endpoint table: every endpoint with its action, roles and schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const [name, endpoint] of Object.entries(API)) {
      const op = doc.paths[endpoint.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}')]?.[endpoint.method.toLowerCase()];
      expect(op, name).toBeDefined();
      expect(op!.operationId).toBe(name);
      expect(op!['x-action']).toBe(endpoint.action);
      expect(op!['x-roles']).toEqual(ACTIONS[endpoint.action].roles);
      expect(Boolean(op!.requestBody), `${name} request body`).toBe('body' in endpoint);
      const pathParams = [...endpoint.path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]);
      expect(op!.parameters?.filter((p) => p.in === 'path').map((p) => p.name) ?? []).toEqual(pathParams);
    }
    const login = doc.paths['/api/session/login']!.post!.requestBody as { content: { 'application/json': { schema: { required: string[] } } } };
    expect(login.content['application/json'].schema.required.sort()).toEqual(['email', 'password']);
  });

  it('resolves every schema reference', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith('#/components/schemas/'), ref).toBe(true);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });

  it('describes a refusal: its code, its sentence, and the itemised problems an import can carry', () => {
    // Before, the ApiError component was a reference to itself.
    const error = doc.components.schemas.ApiError as { properties?: Record<string, unknown>; required?: string[] };
    expect(Object.keys(error.properties ?? {}).sort()).toEqual(['code', 'message', 'problems']);
    expect(error.required?.sort()).toEqual(['code', 'message']);
    expect(doc.components.schemas.ConsensusImportProblem).toMatchObject({ properties: { file: {}, line: {}, code: {}, message: {} } });
  });
});
