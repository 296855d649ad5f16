import { callApi } from '../../shared/protocol/apiClient.js';
import type { ApiResponse } from '../../shared/protocol/api.js';
import { SpaceLayout } from '../../shared/spaces/layout.js';
import { useSpaces } from '../state/spaces.js';

/**
 * Space layouts come from the server (`GET /api/spaces/:id`), not from the bundle: spaces live
 * in the database. One request per space per page load; a failed load is forgotten so the next
 * call tries again. Progress is mirrored into the `useSpaces` store for components.
 */

const UNREACHABLE = 'Could not reach the server. Please check your connection and try again.';
const UNKNOWN = 'There is no space with that name.';

/** Why a layout could not be loaded; `notFound` means the server answered that it does not exist. */
export class SpaceLoadError extends Error {
  constructor(message: string, readonly notFound: boolean) {
    super(message);
    this.name = 'SpaceLoadError';
  }
}

const cache = new Map<string, Promise<SpaceLayout>>();

/** The HTTP origin of the server: the configured socket URL with http(s), or this page's origin. */
export function apiOrigin(): string {
  const configured: unknown = import.meta.env.VITE_SERVER_URL;
  if (typeof configured === 'string' && configured) return configured.replace(/^ws/, 'http').replace(/\/+$/, '');
  return '';
}

async function fetchSpace(id: string): Promise<SpaceLayout> {
  let res: Response;
  try {
    res = await fetch(`${apiOrigin()}/api/spaces/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
  } catch {
    throw new SpaceLoadError(UNREACHABLE, false);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (res.status === 404) {
    const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).message : undefined;
    throw new SpaceLoadError(typeof message === 'string' && message ? message : UNKNOWN, true);
  }
  if (!res.ok) throw new SpaceLoadError('Could not load the space. Please try again.', false);
  const space = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).space : undefined;
  const parsed = SpaceLayout.safeParse(space);
  if (!parsed.success) throw new SpaceLoadError('The server sent a space this page cannot show. Please reload.', false);
  return parsed.data;
}

/** Resolve only with `pending`, or reject as soon as `signal` aborts (the shared request goes on). */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (err: unknown) => { signal.removeEventListener('abort', onAbort); reject(err instanceof Error ? err : new Error(String(err))); },
    );
  });
}

/**
 * The layout of space `id`. Rejects with a `SpaceLoadError` whose message can be shown as is
 * (the server's sentence for an unknown space; a calm one for network trouble), or with the
 * signal's reason if `signal` aborts first.
 */
export function loadSpace(id: string, signal?: AbortSignal): Promise<SpaceLayout> {
  let pending = cache.get(id);
  if (!pending) {
    const request = fetchSpace(id);
    pending = request;
    cache.set(id, request);
    useSpaces.getState().set(id, { status: 'loading' });
    request.then(
      (layout) => {
        if (cache.get(id) === request) useSpaces.getState().set(id, { status: 'ready', layout });
      },
      (err: unknown) => {
        if (cache.get(id) !== request) return;
        cache.delete(id);
        const notFound = err instanceof SpaceLoadError && err.notFound;
        const message = err instanceof Error ? err.message : UNREACHABLE;
        useSpaces.getState().set(id, { status: notFound ? 'missing' : 'failed', error: message });
      },
    );
  }
  return signal ? untilAborted(pending, signal) : pending;
}

/** Start loading `id` in the background (for components and prefetching portal targets). */
export function prefetchSpace(id: string): void {
  loadSpace(id).catch(() => undefined);
}

export type SpaceSummary = ApiResponse<'listSpaces'>['spaces'][number];

let spaceList: Promise<SpaceSummary[]> | null = null;

/** Every space's id, name and kind (one request per page load; a failure is retried next time). */
export function listSpaces(): Promise<SpaceSummary[]> {
  spaceList ??= callApi('listSpaces', { baseUrl: apiOrigin() }).then((r) => r.spaces);
  spaceList.catch(() => {
    spaceList = null;
  });
  return spaceList;
}
