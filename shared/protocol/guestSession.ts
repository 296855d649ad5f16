import { GuestSessionResponse } from './messages.js';

/** A refusal from POST /api/session/guest (or no answer at all): the server's code and sentence. */
export class GuestSessionError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'GuestSessionError';
  }
}

/**
 * Ask the server for a guest session: a display name in, a signed token out. The one client of
 * this route, used by the browser, the load bots and the tests alike (fetch is global in both).
 * `baseUrl` is the server's HTTP origin ('' for the page's own).
 */
export async function requestGuestSession(baseUrl: string, name: string): Promise<GuestSessionResponse> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/session/guest`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }),
    });
  } catch {
    throw new GuestSessionError('UNREACHABLE', 'Could not reach the server. Please check your connection and try again.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  const ok = res.ok ? GuestSessionResponse.safeParse(body) : undefined;
  if (ok?.success) return ok.data;
  const refusal = (body ?? {}) as { code?: unknown; message?: unknown };
  throw new GuestSessionError(
    typeof refusal.code === 'string' ? refusal.code : 'INTERNAL',
    typeof refusal.message === 'string' ? refusal.message : 'Could not enter. Please try again.',
  );
}
