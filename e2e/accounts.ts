import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { ApiCallError, callApi } from '../shared/protocol/apiClient.js';
import type { SessionResponse } from '../shared/protocol/api.js';
import { expect, waitReady } from './fixtures.js';

/** Page helpers for accounts: the admin every run starts with, and signing in through the UI. */

export interface Credentials { email: string; password: string; name: string }

export const ADMIN: Credentials = { email: 'admin@example.org', password: 'an e2e admin password', name: 'Ada Admin' };

/** The database the test server uses (playwright.config.ts chooses it and shares it by env). */
function dataDir(): string {
  const dir = process.env.HUSTINGS_E2E_DATA_DIR;
  if (!dir) throw new Error('HUSTINGS_E2E_DATA_DIR is not set: run the e2e tests through playwright.config.ts.');
  return dir;
}

/**
 * A session for the run's admin, created on first use with the command-line tool (as an
 * operator would) and signed in over the API afterwards. Safe to call from every test.
 * `dir` is the server's data directory (the run's shared one unless a spec starts its own server).
 */
export async function adminSession(baseURL: string, dir = dataDir()): Promise<SessionResponse> {
  try {
    return await callApi('login', { baseUrl: baseURL, body: { email: ADMIN.email, password: ADMIN.password } });
  } catch (err) {
    if (!(err instanceof ApiCallError) || err.code === 'UNREACHABLE') throw err;
  }
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', 'create', '--email', ADMIN.email, '--name', ADMIN.name], {
    env: { ...process.env, DATA_DIR: dir, HUSTINGS_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  expect(out).toMatch(/[0-9a-f-]{8,}/i); // it prints the new account's id
  return callApi('login', { baseUrl: baseURL, body: { email: ADMIN.email, password: ADMIN.password } });
}

/**
 * An account with a role, made the way people get one: an admin invites, the invitee accepts
 * (over the API, for tests whose subject is something else).
 */
export async function invitedAccount(baseURL: string, who: Credentials, role: 'host' | 'moderator' | 'curator', spaceId: string | null, dir?: string): Promise<SessionResponse> {
  const admin = await adminSession(baseURL, dir);
  const { token } = await callApi('createInvitation', { baseUrl: baseURL, token: admin.token, body: { role, spaceId } });
  return callApi('acceptInvitation', { baseUrl: baseURL, params: { token }, body: { displayName: who.name, email: who.email, password: who.password } });
}

/** Sign in on /login (or `path`, a /login address with `next`) the way a person does. */
export async function signInThroughPage(page: Page, who: Pick<Credentials, 'email' | 'password'>, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Enter a space (`path`, e.g. /s/townhall) as the account: signing in on /login first, or, with
 * `alreadySignedIn`, straight from the space's join form.
 */
export async function enterSignedIn(page: Page, who: Credentials, path: string, options: { alreadySignedIn?: boolean } = {}): Promise<void> {
  if (options.alreadySignedIn) await page.goto(path);
  else await signInThroughPage(page, who, `/login?next=${encodeURIComponent(path)}`);
  await expect(page.getByText(`Signed in as ${who.name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Enter' }).click();
  await waitReady(page);
}

/** The account token this browser keeps (localStorage, shared by its tabs), if any. */
export async function storedAccountToken(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('hustings:account');
    return raw ? (JSON.parse(raw) as { token: string }).token : null;
  });
}
