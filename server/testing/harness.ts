import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { ApiCallError, callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import { hashPassword } from '../auth/passwords.js';
import { MOTION_MESSAGE } from '../../shared/protocol/motion.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { startApp, type App, type StartOptions } from '../app.js';
import { loadConfig } from '../config.js';

/** The METRICS_TOKEN test servers run with (unless a test sets its own); see metricsText. */
export const TEST_METRICS_TOKEN = 'metrics token for tests only';

/** The server's Prometheus text, read with the test metrics token. */
export async function metricsText(server: { http: string }): Promise<string> {
  const res = await fetch(`${server.http}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  return res.text();
}

/** Boot a real server on a free port with a throwaway data directory. */
export async function bootServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<App & { url: string; http: string; dataDir: string }> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: dataDir, LOG_LEVEL: 'silent', VOICE: 'off', EXAMPLE_EXHIBITION: 'off', METRICS_TOKEN: TEST_METRICS_TOKEN, ...env });
  const app = await startApp(config, options);
  return Object.assign(app, { url: `ws://127.0.0.1:${app.port}`, http: `http://127.0.0.1:${app.port}`, dataDir });
}

export type SpaceRoomClient = Room<SpaceState>;

/** Enter as a guest over HTTP, as the browser does: a display name in, a session token out. */
export async function guestToken(url: string, name: string): Promise<string> {
  try {
    return (await requestGuestSession(url.replace(/^ws/, 'http'), name)).token;
  } catch (err) {
    // "CODE: sentence", like join refusals, so tests match both the same way.
    if (err instanceof ApiCallError) throw new Error(`${err.code}: ${err.message}`);
    throw err;
  }
}

/** Join a space with a display name (via a guest token) or with a token given directly. */
export async function joinSpace(url: string, options: { spaceId: string; name?: string; token?: string; spawn?: string }): Promise<SpaceRoomClient> {
  const { name, ...rest } = options;
  const token = options.token ?? await guestToken(url, name ?? 'Guest');
  const room = await new Client(url).joinOrCreate<SpaceState>('space', { ...rest, token });
  // Motion frames (binary poses for the renderer) are not what these tests read; a handler keeps
  // colyseus.js from warning about every frame.
  room.onMessage(MOTION_MESSAGE, () => undefined);
  await waitFor(() => room.state?.avatars?.has(room.sessionId));
  return room;
}

/** Poll until the condition holds (no fixed sleeps); fails with a message after `timeoutMs`. */
export async function waitFor(condition: () => unknown, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Collect the 'error' messages a room receives. */
export function collectErrors(room: SpaceRoomClient): { code: string; message: string; ref?: string }[] {
  const errors: { code: string; message: string; ref?: string }[] = [];
  room.onMessage('error', (e: { code: string; message: string; ref?: string }) => errors.push(e));
  return errors;
}

export function closeCode(room: SpaceRoomClient): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  /** A signed-in session token (from POST /api/session/login). */
  token: string;
}

let accountCount = 0;

/**
 * Creates an account with these grants straight in the server's store (as the admin CLI does),
 * then signs in over HTTP as the browser would.
 */
export async function createAccount(
  server: App & { http: string },
  options: { name?: string; email?: string; password?: string; grants?: { role: string; spaceId?: string | null }[] } = {},
): Promise<TestAccount> {
  const n = ++accountCount;
  const email = options.email ?? `person${n}-${Date.now()}@example.org`;
  const password = options.password ?? `a long password ${n}`;
  const account = await server.repos.accounts.create({ email, passwordHash: await hashPassword(password), displayName: options.name ?? `Person ${n}` });
  for (const g of options.grants ?? []) await server.repos.roles.grant({ accountId: account.id, role: g.role, spaceId: g.spaceId ?? null });
  const { token } = await callApi('login', { baseUrl: server.http, body: { email, password } });
  return { id: account.id, email, password, token };
}
