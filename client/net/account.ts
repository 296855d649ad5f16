import { ApiCallError, callApi, type CallOptions } from '../../shared/protocol/apiClient.js';
import { SessionResponse, type ApiName, type ApiResponse } from '../../shared/protocol/api.js';
import { useAccount, type AccountSession } from '../state/account.js';
import { apiOrigin } from './spaces.js';

/**
 * The account session (token and who it is) after signing in or accepting an invitation. It
 * lives in localStorage so every tab of this browser shares it, and signing out in one tab
 * signs out all of them. The server is the judge: a token it no longer accepts is forgotten.
 */

const ACCOUNT_KEY = 'hustings:account';

function read(): AccountSession | null {
  try {
    const raw = localStorage.getItem(ACCOUNT_KEY);
    if (!raw) return null;
    const parsed = SessionResponse.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // storage disabled, or something else wrote the key
  }
}

function write(session: AccountSession | null): void {
  try {
    if (session) localStorage.setItem(ACCOUNT_KEY, JSON.stringify(session));
    else localStorage.removeItem(ACCOUNT_KEY);
  } catch {
    // Storage disabled: the session lasts as long as this tab.
  }
}

/** Keep a new session (after login, accepting an invitation or changing the password). */
export function storeAccount(session: AccountSession): void {
  write(session);
  useAccount.setState({ session });
}

/** Forget the session on this browser (the server may already have). */
export function forgetAccount(): void {
  write(null);
  useAccount.setState({ session: null });
}

/** The token to enter spaces and call the API with, if signed in. */
export function accountToken(): string | null {
  return useAccount.getState().session?.token ?? null;
}

/**
 * On start: pick up a stored session at once, then ask the server who it is now (roles may
 * have changed). A refusal means it was revoked or expired: forget it. Network trouble keeps it.
 */
export async function restoreAccount(): Promise<void> {
  const stored = read();
  useAccount.setState({ session: stored });
  if (stored) await refreshAccount();
}

/** Ask the server who the current session is; forget it if the server refuses it. */
export async function refreshAccount(): Promise<void> {
  const current = useAccount.getState().session;
  if (!current) return;
  try {
    const me = await callApi('me', { baseUrl: apiOrigin(), token: current.token });
    // Another tab may have signed in or out meanwhile: only update the session we asked about.
    if (useAccount.getState().session?.token !== current.token) return;
    if (me.kind !== 'account') {
      forgetAccount();
      return;
    }
    storeAccount({ token: current.token, me });
  } catch (err) {
    if (err instanceof ApiCallError && err.code === 'NOT_ALLOWED' && useAccount.getState().session?.token === current.token) forgetAccount();
  }
}

/** Follow sign-ins and sign-outs made in other tabs. Returns the cleanup. */
export function followOtherTabs(): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === ACCOUNT_KEY || e.key === null) useAccount.setState({ session: read() });
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/**
 * Call the API as the signed-in account (or anonymously). Refusals throw ApiCallError with the
 * server's sentence; a NOT_ALLOWED makes us check whether the session itself is still good.
 */
export async function api<N extends ApiName>(name: N, options: Omit<CallOptions<N>, 'baseUrl' | 'token'> = {}): Promise<ApiResponse<N>> {
  const token = accountToken();
  try {
    return await callApi(name, { ...options, baseUrl: apiOrigin(), token });
  } catch (err) {
    if (token && err instanceof ApiCallError && err.code === 'NOT_ALLOWED' && name !== 'me') void refreshAccount();
    throw err;
  }
}

/** Sign in with email and password; the session is kept on success. */
export async function signIn(email: string, password: string): Promise<AccountSession> {
  const session = await callApi('login', { baseUrl: apiOrigin(), body: { email, password } });
  storeAccount(session);
  return session;
}

/** Sign out: the server revokes the token; this browser forgets it whatever the answer. */
export async function signOut(): Promise<void> {
  const token = accountToken();
  if (!token) return;
  try {
    await callApi('logout', { baseUrl: apiOrigin(), token, body: {} });
  } catch {
    // Already revoked, or the server is unreachable: forgetting it here is still right.
  } finally {
    if (accountToken() === token) forgetAccount();
  }
}
