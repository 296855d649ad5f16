import { z } from 'zod';
import { ACTIONS, type ActionRule } from '../../shared/access.js';
import { API, ApiError, type Endpoint } from '../../shared/protocol/api.js';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document, generated from the endpoint table and its zod schemas (never
 * written by hand). Named schemas (`.meta({ id })`) become components; each operation carries
 * its permission action and the roles that may call it.
 */
export function openApiDocument(pages: readonly string[] = []): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  // A named schema: converting it puts it (and the schemas it names) among the components.
  convert(ApiError, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const [name, e] of Object.entries(API) as [string, Endpoint][]) {
    const rule: ActionRule = ACTIONS[e.action];
    const parameters = [
      ...parametersOf(e.params, 'path', components),
      ...parametersOf(e.query, 'query', components),
    ];
    const responseSchema = convert(e.response, 'output', components);
    const operation: Record<string, unknown> = {
      operationId: name,
      summary: rule.summary,
      tags: [e.path.split('/')[2] ?? 'operations'],
      'x-action': e.action,
      'x-roles': rule.roles,
      security: rule.roles === 'anyone' ? [{}, { bearer: [] }] : [{ bearer: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(e.body, 'input', components) } } } } : {}),
      responses: {
        [String(e.status)]: {
          description: 'Success',
          content: { [e.produces ?? 'application/json']: { schema: responseSchema } },
        },
        default: {
          description: 'A refusal: a stable code and a sentence a person can act on.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
        },
      },
    };
    const openPath = e.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}');
    (paths[openPath] ??= {})[e.method.toLowerCase()] = operation;
  }

  // The client's pages: each serves the single-page app's HTML.
  for (const page of pages) {
    const openPath = page.replace(/\{\*([A-Za-z]+)\}/g, '{$1}');
    const parameters = [...openPath.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    (paths[openPath] ??= {}).get = {
      operationId: `page${openPath.replace(/[^A-Za-z]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()) || 'Home'}`,
      summary: 'A page of the browser client (HTML).',
      tags: ['pages'],
      security: [{}],
      ...(parameters.length > 0 ? { parameters } : {}),
      responses: { 200: { description: 'The client', content: { 'text/html': { schema: { type: 'string' } } } } },
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Hustings API',
      version: '1',
      description: 'Sessions, accounts, roles, invitations, spaces and the audit log. Errors are {code, message}.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A session token from /api/session/guest, /api/session/login or an accepted invitation.' } },
    },
  };
}

function convert(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  const defs = json.$defs as Record<string, JsonSchema> | undefined;
  delete json.$defs;
  for (const [id, def] of Object.entries(defs ?? {})) components[id] ??= relink(def) as JsonSchema;
  // A named schema at the top level is itself a component.
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id === 'string') {
    components[id] ??= relink(json) as JsonSchema;
    return { $ref: `#/components/schemas/${id}` };
  }
  return relink(json) as JsonSchema;
}

/** Points `#/$defs/X` references at the shared components. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : relink(v),
    ]));
  }
  return value;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query', components: Record<string, JsonSchema>): unknown[] {
  if (!schema) return [];
  const json = convert(schema, 'input', components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: s }));
}
