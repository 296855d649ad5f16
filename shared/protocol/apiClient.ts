import type { z } from 'zod';
import { API, type ApiBody, type ApiName, type ApiResponse, type GuestSessionResponse } from './api.js';

/** A refusal from the HTTP API (or no answer at all): the server's stable code and sentence. */
export class ApiCallError extends Error {
  /** `problems`: the itemised reasons the server gave with the refusal, if any (e.g. each row of an import it could not read). */
  constructor(readonly code: string, message: string, readonly status: number, readonly problems?: unknown) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export interface CallOptions<N extends ApiName> {
  /** The server's HTTP origin; '' for the page's own. */
  baseUrl?: string;
  /** Path parameters, e.g. `{ id }` for `/api/admin/grants/:id`. */
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: ApiBody<N>;
  /** The bearer session token. */
  token?: string | null;
  signal?: AbortSignal;
}

/** Fills `:name` segments of an endpoint path. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}.`);
    return encodeURIComponent(value);
  });
}

/**
 * Calls one endpoint of shared/protocol/api.ts and validates the answer with its response
 * schema. The one HTTP client used by the browser, the load bots and the tests alike.
 */
export async function callApi<N extends ApiName>(name: N, options: CallOptions<N> = {}): Promise<ApiResponse<N>> {
  const endpoint = API[name];
  let url = `${options.baseUrl ?? ''}${pathFor(endpoint.path, options.params)}`;
  const query = Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined);
  if (query.length > 0) url += `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}`;
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (endpoint.method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(url, { method: endpoint.method, headers, body, signal: options.signal ?? null });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiCallError('UNREACHABLE', 'Could not reach the server. Please check your connection and try again.', 0);
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    const parsed = (endpoint.response as z.ZodType).safeParse(json);
    if (parsed.success) return parsed.data as ApiResponse<N>;
    throw new ApiCallError('INTERNAL', 'The server answered in a form this page does not understand; please reload.', res.status);
  }
  const refusal = (json ?? {}) as { code?: unknown; message?: unknown; problems?: unknown };
  throw new ApiCallError(
    typeof refusal.code === 'string' ? refusal.code : 'INTERNAL',
    typeof refusal.message === 'string' ? refusal.message : `The server refused the request (HTTP ${res.status}).`,
    res.status,
    refusal.problems,
  );
}

/** Enter as a guest: a display name in, a signed token out. */
export function requestGuestSession(baseUrl: string, name: string): Promise<GuestSessionResponse> {
  return callApi('guestSession', { baseUrl, body: { name } });
}
