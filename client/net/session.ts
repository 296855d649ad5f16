import { requestGuestSession } from '../../shared/protocol/apiClient.js';
import type { GuestSessionResponse } from '../../shared/protocol/api.js';

/**
 * What a tab remembers between page loads: the display name (also across tabs) and the
 * reconnection token of the room it was last in and its guest session (this tab only).
 */
const NAME_KEY = 'hustings:name';
const TOKEN_KEY = 'hustings:reconnect';

export interface StoredToken { spaceId: string; token: string }

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback; // storage disabled (private mode, sandboxed frame)
  }
}

export function rememberedName(): string {
  return safely(() => sessionStorage.getItem(NAME_KEY) ?? localStorage.getItem(NAME_KEY) ?? '', '');
}

export function rememberName(name: string): void {
  safely(() => {
    sessionStorage.setItem(NAME_KEY, name);
    localStorage.setItem(NAME_KEY, name);
  }, undefined);
}

export function storedToken(): StoredToken | null {
  return safely(() => {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { spaceId, token } = parsed as Record<string, unknown>;
    return typeof spaceId === 'string' && typeof token === 'string' ? { spaceId, token } : null;
  }, null);
}

export function storeToken(value: StoredToken): void {
  safely(() => sessionStorage.setItem(TOKEN_KEY, JSON.stringify(value)), undefined);
}

export function clearToken(): void {
  safely(() => sessionStorage.removeItem(TOKEN_KEY), undefined);
}

const SESSION_KEY = 'hustings:session';

/**
 * A signed guest session for this display name: reused from this tab while it is fresh,
 * otherwise asked for from the server (which validates the name). Refusals throw
 * ApiCallError, whose message is the server's sentence.
 */
export async function guestSession(name: string, baseUrl: string): Promise<string> {
  const cached = safely(() => JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as GuestSessionResponse | null, null);
  if (cached && cached.name === name && Date.parse(cached.expiresAt) - Date.now() > 5 * 60_000) return cached.token;
  const fresh = await requestGuestSession(baseUrl, name);
  safely(() => sessionStorage.setItem(SESSION_KEY, JSON.stringify(fresh)), undefined);
  return fresh.token;
}

/** This tab's guest session token while it is valid (the one its rooms were joined with), without asking for a new one. */
export function guestToken(): string | null {
  const cached = safely(() => JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as GuestSessionResponse | null, null);
  return cached && Date.parse(cached.expiresAt) > Date.now() ? cached.token : null;
}

export function forgetSession(): void {
  safely(() => sessionStorage.removeItem(SESSION_KEY), undefined);
}
