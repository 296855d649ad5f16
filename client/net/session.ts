/**
 * What a tab remembers between page loads: the display name (also across tabs) and the
 * reconnection token of the room it was last in (this tab only).
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
