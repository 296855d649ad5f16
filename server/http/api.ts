import express, { type Express, type Request, type Response } from 'express';
import type { z } from 'zod';
import { ACTIONS, allows } from '../../shared/access.js';
import { API, type ApiName, type Endpoint } from '../../shared/protocol/api.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { AuthError, type Identity, type Sessions } from '../auth/sessions.js';
import type { Logger } from '../log.js';
import { StoreError, unavailableStore } from '../store/errors.js';
import { firstLine as firstLineOf } from '../socketGuard.js';
import { Refusal } from '../domain/refusal.js';

/** A refusal a handler throws: HTTP status, stable code, a sentence a person can act on. */
export class ApiError extends Error {
  /** `problems`: the itemised reasons, when one request has several (each with its own code and sentence). */
  constructor(readonly status: number, readonly code: ErrorCode, message: string, readonly retryAfterSeconds?: number, readonly problems?: readonly unknown[]) {
    super(message);
    this.name = 'ApiError';
  }
}

type Input<E, K extends 'params' | 'query' | 'body'> = E extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;

export interface ApiContext<N extends ApiName> {
  params: Input<(typeof API)[N], 'params'>;
  query: Input<(typeof API)[N], 'query'>;
  body: Input<(typeof API)[N], 'body'>;
  /** The verified session, or null when the request carried none (only on `anyone` actions). */
  identity: Identity | null;
  ip: string;
  /** The request itself: for endpoints whose body is a raw file stream (`rawBody`). */
  req: Request;
  res: Response;
}

/** A handler returns the response body, or undefined for endpoints that send a file themselves (`file`). */
export type Handler<N extends ApiName> = (ctx: ApiContext<N>) => Promise<z.input<(typeof API)[N]['response']> | string | undefined>;
/** One handler for every endpoint: a missing one is a type error. */
export type Handlers = { [N in ApiName]: Handler<N> };

const STATUS_FOR: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  ROOM_FULL: 503,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/;

function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  if (!issue) return `The ${what} was not understood.`;
  const where = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return `${issue.message}${where}`;
}

/**
 * Mounts every endpoint of shared/protocol/api.ts. This is the one choke point for HTTP:
 * the bearer token is verified, the permissions table decides, and the path parameters, query
 * and body are validated with the endpoint's schemas before its handler runs.
 */
export function mountApi(app: Express, handlers: Handlers, deps: { sessions: Sessions; log: Logger; eventSpace: (eventId: string) => Promise<string | undefined> }): void {
  for (const name of Object.keys(API) as ApiName[]) {
    const endpoint: Endpoint = API[name];
    const handler = handlers[name] as Handler<ApiName>;
    const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const parseBody = express.json({ limit: endpoint.maxBody ?? '4kb', strict: true });
    const run = async (req: Request, res: Response) => {
      const identity = await authenticate(req, deps.sessions);
      const refuse = () => (identity
        ? new ApiError(403, ErrorCode.NOT_ALLOWED, 'Your role does not allow this.')
        : new ApiError(401, ErrorCode.NOT_ALLOWED, 'Please sign in first.'));
      // Actions not tied to a space are decided before the input is even read.
      if (!endpoint.spaceFrom && !allows(endpoint.action, identity)) throw refuse();
      if (endpoint.spaceFrom && !identity && ACTIONS[endpoint.action].roles !== 'anyone') throw refuse();
      const params = endpoint.params?.safeParse(req.params);
      const notFound = () => new ApiError(404, ErrorCode.NOT_FOUND, endpoint.notFound ?? 'There is nothing at this address.');
      if (params && !params.success) throw notFound();
      const query = endpoint.query?.safeParse(req.query);
      if (query && !query.success) throw new ApiError(400, ErrorCode.INVALID_INPUT, firstIssue(query.error, 'query'));
      const body = endpoint.body?.safeParse(req.body ?? {});
      if (body && !body.success) throw new ApiError(400, ErrorCode.INVALID_INPUT, firstIssue(body.error, 'request'));
      if (endpoint.spaceFrom) {
        // Space-scoped: grants for the space the request is about count (and global ones).
        const spaceId = endpoint.spaceFrom === 'body'
          ? (body?.data as { spaceId?: string } | undefined)?.spaceId
          : endpoint.spaceFrom === 'path'
            ? (params?.data as { id: string }).id
            : await deps.eventSpace((params?.data as { id: string }).id);
        if (spaceId === undefined) throw notFound();
        if (!allows(endpoint.action, identity, spaceId)) throw refuse();
      }
      const result = await handler({
        params: params?.data, query: query?.data, body: body?.data, identity, ip: req.ip ?? '', req, res,
      } as ApiContext<ApiName>);
      if (endpoint.file || result === undefined) return;
      if (!res.getHeader('cache-control')) res.set('Cache-Control', 'no-store');
      if (typeof result === 'string') res.status(endpoint.status).send(result);
      else res.status(endpoint.status).json(result);
    };
    const middleware = endpoint.method === 'GET' || endpoint.rawBody ? [] : [parseBody];
    app[method](endpoint.path, ...middleware, (req: Request, res: Response) => {
      run(req, res).catch((err: unknown) => sendError(res, err, deps.log, req));
    });
  }
}

async function authenticate(req: Request, sessions: Sessions): Promise<Identity | null> {
  const header = req.get('authorization');
  if (header === undefined) return null;
  const match = BEARER.exec(header);
  if (!match) throw new ApiError(401, ErrorCode.NOT_ALLOWED, 'The Authorization header must be "Bearer <session token>".');
  try {
    return await sessions.verify(match[1]!);
  } catch (err) {
    if (err instanceof AuthError) throw new ApiError(401, ErrorCode.NOT_ALLOWED, err.message);
    throw err;
  }
}

/** Every refusal as `{code, message}`; anything unexpected is logged in full and answered without detail. */
export function sendError(res: Response, err: unknown, log: Logger, req: Request): void {
  if (res.headersSent) return;
  res.set('Cache-Control', 'no-store');
  if (err instanceof ApiError) {
    if (err.retryAfterSeconds !== undefined) res.set('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
    res.status(err.status).json({ code: err.code, message: err.message, ...(err.problems ? { problems: err.problems } : {}) });
    return;
  }
  // A rule said no (server/domain): its code and sentence, as in rooms.
  if (err instanceof Refusal) {
    res.status(STATUS_FOR[err.code]).json({ code: err.code, message: err.message });
    return;
  }
  const storeError = err instanceof StoreError ? err : unavailableStore(err);
  if (storeError) {
    if (storeError.code === ErrorCode.UNAVAILABLE) {
      log.warn({ err: firstLineOf(storeError.cause), method: req.method, url: req.originalUrl }, 'the database is unavailable');
      res.set('Retry-After', '1');
    }
    res.status(STATUS_FOR[storeError.code]).json({ code: storeError.code, message: storeError.message });
    return;
  }
  // body-parser's errors: oversized and malformed bodies are the client's mistake.
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    res.status(413).json({ code: ErrorCode.TOO_LARGE, message: 'The request body is too large.' });
    return;
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json({ code: ErrorCode.INVALID_INPUT, message: 'The request body must be valid JSON.' });
    return;
  }
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ code: ErrorCode.INVALID_INPUT, message: 'The request was not understood.' });
    return;
  }
  log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
  res.status(500).json({ code: ErrorCode.INTERNAL, message: 'Something went wrong on the server; please try again.' });
}
