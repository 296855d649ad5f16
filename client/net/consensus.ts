import type { Room } from 'colyseus.js';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { ConsensusAnalysisView, type ConsensusVoteValue } from '../../shared/protocol/consensus.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { resetConsensus, useConsensus } from '../state/consensus.js';
import { accountToken } from './account.js';
import { guestToken } from './session.js';
import { apiOrigin } from './spaces.js';

/**
 * The consensus side of the connection: the space's question and analysis over HTTP on
 * entering, the room's pushes after each new analysis, and this person's votes and statements
 * (HTTP, each committed before it is answered).
 */

let spaceId = '';
let generation = 0;

const token = () => accountToken() ?? guestToken();
const say = (err: unknown, fallback: string) => (err instanceof ApiCallError ? err.message : fallback);

async function load(gen: number): Promise<void> {
  try {
    const { conversation, analysis } = await callApi('consensus', { baseUrl: apiOrigin(), params: { id: spaceId } });
    if (gen !== generation) return;
    useConsensus.setState({ conversation, analysis });
    if (conversation) await loadMine(gen);
  } catch (err) {
    if (gen === generation) useConsensus.setState({ error: say(err, 'The consensus question could not be loaded.') });
  }
}

async function loadMine(gen: number): Promise<void> {
  const t = token();
  if (!t) return;
  const mine = await callApi('consensusMine', { baseUrl: apiOrigin(), token: t, params: { id: spaceId } });
  if (gen === generation) useConsensus.setState({ mine });
}

/** Follow the consensus question of a room we just entered. */
export function watchConsensus(r: Room<SpaceState>, space: string): void {
  const gen = ++generation;
  if (space !== spaceId) resetConsensus(space);
  spaceId = space;
  void load(gen);
  r.onMessage(ServerMessage.Consensus, (message: unknown) => {
    const parsed = ConsensusAnalysisView.safeParse(message);
    if (!parsed.success || gen !== generation) return;
    const known = useConsensus.getState().conversation;
    useConsensus.setState({ analysis: parsed.data });
    // A new question (or an import): load it; otherwise our own place may have moved.
    if (known?.id !== parsed.data.conversationId) void load(gen);
    else void loadMine(gen).catch(() => undefined);
  });
}

export async function voteOn(statement: number, vote: ConsensusVoteValue): Promise<void> {
  const t = token();
  if (!t) return;
  useConsensus.setState({ busy: true, error: null });
  try {
    const mine = await callApi('consensusVote', { baseUrl: apiOrigin(), token: t, params: { id: spaceId }, body: { statement, vote } });
    useConsensus.setState({ mine, notice: vote === 1 ? 'Agreed.' : vote === -1 ? 'Disagreed.' : 'Passed.' });
  } catch (err) {
    useConsensus.setState({ error: say(err, 'Your vote could not be sent; please try again.') });
  } finally {
    useConsensus.setState({ busy: false });
  }
}

/** Adds a statement; true when it was taken (accepted, or waiting for a moderator). */
export async function addStatement(text: string): Promise<boolean> {
  const t = token();
  if (!t) return false;
  useConsensus.setState({ busy: true, error: null });
  try {
    const added = await callApi('submitStatement', { baseUrl: apiOrigin(), token: t, params: { id: spaceId }, body: { text } });
    useConsensus.setState({ notice: added.state === 'pending' ? 'Thank you: your statement waits for a moderator.' : 'Your statement was added.' });
    return true;
  } catch (err) {
    useConsensus.setState({ error: say(err, 'Your statement could not be sent; please try again.') });
    return false;
  } finally {
    useConsensus.setState({ busy: false });
  }
}

/** The open-data files of this space's conversation (Pol.is layout). */
export function openDataLinks(): { name: string; href: string }[] {
  return ['comments.csv', 'votes.csv', 'participants-votes.csv'].map((name) => ({ name, href: `${apiOrigin()}/api/spaces/${spaceId}/consensus/${name}` }));
}

/** Statements waiting for a moderator (moderators only; the server checks). */
export async function loadPending(): Promise<{ number: number; text: string }[]> {
  const t = token();
  if (!t) return [];
  try {
    const { statements } = await callApi('pendingStatements', { baseUrl: apiOrigin(), token: t, params: { id: spaceId } });
    return statements;
  } catch (err) {
    useConsensus.setState({ error: say(err, 'The statements waiting for a moderator could not be loaded.') });
    return [];
  }
}

/** Accepts or rejects a statement; true when it was moderated. */
export async function moderate(number: number, state: 'accepted' | 'rejected'): Promise<boolean> {
  const t = token();
  if (!t) return false;
  try {
    await callApi('moderateStatement', { baseUrl: apiOrigin(), token: t, params: { id: spaceId, number: String(number) }, body: { state } });
    useConsensus.setState({ notice: state === 'accepted' ? 'Statement accepted.' : 'Statement rejected.' });
    void load(generation);
    return true;
  } catch (err) {
    useConsensus.setState({ error: say(err, 'The statement could not be moderated; please try again.') });
    return false;
  }
}

/** Asks the space a new consensus question with its first statements (staff; the server checks). */
export async function askQuestion(question: string, statements: string[]): Promise<boolean> {
  const t = token();
  if (!t) return false;
  useConsensus.setState({ busy: true, error: null });
  try {
    await callApi('askConsensus', { baseUrl: apiOrigin(), token: t, params: { id: spaceId }, body: { question, statements } });
    useConsensus.setState({ notice: 'The question is asked.', open: true });
    await load(generation);
    return true;
  } catch (err) {
    useConsensus.setState({ error: say(err, 'The question could not be asked; please try again.') });
    return false;
  } finally {
    useConsensus.setState({ busy: false });
  }
}
