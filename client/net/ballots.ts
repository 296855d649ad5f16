import type { Room } from 'colyseus.js';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { BallotsLive, type BallotCreateRequest, type BallotUpdateRequest, type CodeCounts, type Votes } from '../../shared/protocol/ballots.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { resetBallots, useBallots, type BallotNote } from '../state/ballots.js';
import { accountToken } from './account.js';
import { guestToken } from './session.js';
import { apiOrigin } from './spaces.js';

/**
 * Ballots on the wire: loaded over HTTP on arrival (open data), then kept current by the room's
 * Ballots message whenever one changes. Casting and running a ballot are HTTP calls; the server
 * checks the budget and everything else, and its answer (or refusal sentence) is shown.
 */

let room: Room<SpaceState> | null = null;
let generation = 0;

function token(): string | null {
  return accountToken() ?? guestToken();
}

function note(ballotId: string, value: BallotNote): void {
  useBallots.setState((s) => ({ notes: { ...s.notes, [ballotId]: value } }));
}

function refusalText(err: unknown, fallback: string): string {
  return err instanceof ApiCallError ? err.message : fallback;
}

/** Ballots whose allocation we have asked for (so a 3D panel starts from what the server holds). */
const requested = new Set<string>();

function apply(live: BallotsLive): void {
  if (live.spaceId !== useBallots.getState().spaceId) return;
  useBallots.setState({ ballots: live.ballots });
  for (const { ballot } of live.ballots) {
    if (ballot.phase !== 'open' || requested.has(ballot.id)) continue;
    requested.add(ballot.id);
    void loadMine(ballot.id);
  }
}

export function watchBallots(r: Room<SpaceState>, spaceId: string): void {
  const gen = ++generation;
  room = r;
  if (useBallots.getState().spaceId !== spaceId) {
    resetBallots(spaceId);
    requested.clear();
  }
  r.onMessage(ServerMessage.Ballots, (message: unknown) => {
    const parsed = BallotsLive.safeParse(message);
    if (parsed.success && r === room) apply(parsed.data);
  });
  callApi('listBallots', { baseUrl: apiOrigin(), params: { id: spaceId } })
    .then((live) => { if (gen === generation) apply(live); })
    .catch(() => undefined); // the room's next message brings them
}

export function unwatchBallots(): void {
  generation++;
  room = null;
}

/** Our allocation on a ballot (and whether we may vote, or need a code). */
export async function loadMine(ballotId: string): Promise<void> {
  const { spaceId } = useBallots.getState();
  try {
    const mine = await callApi('myAllocation', { baseUrl: apiOrigin(), token: token(), params: { id: spaceId, ballotId } });
    useBallots.setState((s) => ({ mine: { ...s.mine, [ballotId]: mine } }));
  } catch (err) {
    note(ballotId, { kind: 'error', text: refusalText(err, 'Your allocation could not be loaded; please try again.') });
  }
}

/** Cast or change our whole allocation. Resolves true once the server has committed it. */
export async function castVotes(ballotId: string, votes: Votes, code?: string): Promise<boolean> {
  const { spaceId } = useBallots.getState();
  try {
    const mine = await callApi('castAllocation', { baseUrl: apiOrigin(), token: token(), params: { id: spaceId, ballotId }, body: code ? { votes, code } : { votes } });
    useBallots.setState((s) => ({ mine: { ...s.mine, [ballotId]: mine } }));
    note(ballotId, { kind: 'ok', text: mine.message ?? 'Your allocation is saved.' });
    return true;
  } catch (err) {
    note(ballotId, { kind: 'error', text: refusalText(err, 'Your allocation could not be sent; nothing was changed.') });
    return false;
  }
}

/** Staff: open, close, put on the stage screen or take off (or any other change). */
export async function changeBallot(ballotId: string, change: BallotUpdateRequest): Promise<void> {
  const { spaceId } = useBallots.getState();
  try {
    await callApi('updateBallot', { baseUrl: apiOrigin(), token: token(), params: { id: spaceId, ballotId }, body: change });
  } catch (err) {
    note(ballotId, { kind: 'error', text: refusalText(err, 'The ballot could not be changed; please try again.') });
  }
}

/** Where a ballot's results are, as open data. */
export function resultsUrl(ballotId: string, format: 'json' | 'csv'): string {
  const { spaceId } = useBallots.getState();
  return `${apiOrigin()}/api/spaces/${encodeURIComponent(spaceId)}/ballots/${encodeURIComponent(ballotId)}/${format === 'csv' ? 'results.csv' : 'results'}`;
}

/** Staff: set up a ballot in this space. Resolves the refusal sentence, or null once it exists. */
export async function createBallot(body: BallotCreateRequest): Promise<string | null> {
  const { spaceId } = useBallots.getState();
  try {
    await callApi('createBallot', { baseUrl: apiOrigin(), token: token(), params: { id: spaceId }, body });
    return null;
  } catch (err) {
    return refusalText(err, 'The ballot could not be set up; please try again.');
  }
}

/** Staff: how many codes a ballot has had issued and used (null if it could not be read). */
export async function loadCodeCounts(ballotId: string): Promise<CodeCounts | null> {
  const { spaceId } = useBallots.getState();
  try {
    return await callApi('ballotCodeCounts', { baseUrl: apiOrigin(), token: token(), params: { id: spaceId, ballotId } });
  } catch {
    return null;
  }
}

/** Staff: issue `count` one-time codes. They come back once (only their hashes are kept). */
export async function issueCodes(ballotId: string, count: number): Promise<{ codes: string[] } | { error: string }> {
  const { spaceId } = useBallots.getState();
  try {
    const issued = await callApi('ballotCodes', { baseUrl: apiOrigin(), token: token(), params: { id: spaceId, ballotId }, body: { count } });
    return { codes: issued.codes };
  } catch (err) {
    return { error: refusalText(err, 'The codes could not be issued; please try again.') };
  }
}
