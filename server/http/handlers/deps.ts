import type { Me } from '../../../shared/protocol/api.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import type { ChangeFeed } from '../../changeFeed.js';
import type { LoginLimiter } from '../../auth/loginLimiter.js';
import type { Identity, Sessions } from '../../auth/sessions.js';
import type { Logger } from '../../log.js';
import type { Metrics } from '../../metrics.js';
import type { Account } from '../../store/accounts.js';
import type { Repos } from '../../store/repos.js';
import { ApiError } from '../api.js';
import type { AssetDeps } from './exhibits.js';
import type { ConsensusAnalyst } from '../../consensus/analyst.js';

export interface HandlerDeps {
  repos: Repos;
  sessions: Sessions;
  limiter: LoginLimiter;
  events: ChangeFeed;
  log: Logger;
  metrics: Metrics;
  nameBlocklist: readonly string[];
  stats: () => Promise<{ rooms: number; clients: number }>;
  /** People connected in each space now, by space id (all its instances together). */
  occupancy?: () => Promise<Record<string, number>>;
  /** Voice is configured (LiveKit may still be down for a moment; clients retry). */
  voiceRunning: boolean;
  /** Uploaded files and their limits. */
  assets: AssetDeps;
  /** Consensus analyses, run in a worker thread. */
  consensus: ConsensusAnalyst;
}

export function accountView(account: Account) {
  return { id: account.id, email: account.email, displayName: account.displayName, createdAt: account.createdAt, disabledAt: account.disabledAt };
}

/** The Me document for a verified identity. */
export async function meFor(identity: Identity, repos: Repos): Promise<Me> {
  const account = identity.accountId ? await repos.accounts.get(identity.accountId) : undefined;
  return {
    kind: identity.kind,
    name: identity.name,
    account: account ? accountView(account) : null,
    grants: identity.grants,
    expiresAt: identity.expiresAt,
  };
}

/** Issues a session for an account and answers with the token and who it is. */
export async function sessionFor(accountId: string, deps: HandlerDeps): Promise<{ token: string; me: Me }> {
  const issued = await deps.sessions.issueAccount(accountId);
  const identity = await deps.sessions.verify(issued.token);
  return { token: issued.token, me: await meFor(identity, deps.repos) };
}

/** The identity of a handler whose action needs a session (the choke point guarantees one). */
export function signedIn(identity: Identity | null): Identity {
  if (!identity) throw new ApiError(401, ErrorCode.NOT_ALLOWED, 'Please sign in first.');
  return identity;
}

export function accountOf(identity: Identity | null): Identity & { accountId: string } {
  const who = signedIn(identity);
  if (who.accountId === null) throw new ApiError(403, ErrorCode.NOT_ALLOWED, 'Guests have no account; sign in with an account to do this.');
  return who as Identity & { accountId: string };
}
