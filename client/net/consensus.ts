import type { Room } from 'colyseus.js';
import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import {
  ConsensusAnalysisView, ConsensusPending, ConsensusStatementChange, ImportProblems, isNewerAnalysis, type ConsensusVoteValue, type ImportProblem,
} from '../../shared/protocol/consensus.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { applyStatementChange, resetConsensus, useConsensus } from '../state/consensus.js';
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
    const { conversation: known, analysis: shown } = useConsensus.getState();
    // Two processes' runs can cross on the way: never go back to an older one.
    if (!isNewerAnalysis(parsed.data, shown)) return;
    useConsensus.setState({ analysis: parsed.data });
    // A new question (or an import): load it; otherwise our own place may have moved.
    if (known?.id !== parsed.data.conversationId) void load(gen);
    else void loadMine(gen).catch(() => undefined);
  });
  // A statement accepted or rejected: the list and one's next statements follow.
  r.onMessage(ServerMessage.ConsensusStatement, (message: unknown) => {
    const parsed = ConsensusStatementChange.safeParse(message);
    if (parsed.success && gen === generation) useConsensus.setState((s) => applyStatementChange(s, parsed.data));
  });
  // Moderators: what waits for them, whenever it changes.
  r.onMessage(ServerMessage.ConsensusPending, (message: unknown) => {
    const parsed = ConsensusPending.safeParse(message);
    if (!parsed.success || gen !== generation || useConsensus.getState().conversation?.id !== parsed.data.conversationId) return;
    useConsensus.setState((s) => ({ pending: parsed.data.statements, conversation: s.conversation && { ...s.conversation, pendingCount: parsed.data.statements.length } }));
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

/** Loads the statements waiting for a moderator (moderators only; the server checks); the room pushes changes after that. */
export async function loadPending(): Promise<void> {
  const t = token();
  const gen = generation;
  if (!t) return;
  try {
    const { statements } = await callApi('pendingStatements', { baseUrl: apiOrigin(), token: t, params: { id: spaceId } });
    if (gen === generation) useConsensus.setState({ pending: statements });
  } catch (err) {
    useConsensus.setState({ error: say(err, 'The statements waiting for a moderator could not be loaded.') });
  }
}

/** Accepts or rejects a statement; true when it was moderated. */
export async function moderate(number: number, state: 'accepted' | 'rejected'): Promise<boolean> {
  const t = token();
  if (!t) return false;
  try {
    await callApi('moderateStatement', { baseUrl: apiOrigin(), token: t, params: { id: spaceId, number: String(number) }, body: { state } });
    // The room pushes the new list and the statement itself to everyone, this page included.
    useConsensus.setState((s) => ({ notice: state === 'accepted' ? 'Statement accepted.' : 'Statement rejected.', pending: s.pending?.filter((p) => p.number !== number) ?? null }));
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

export interface ImportFiles {
  question: string;
  comments: string;
  /** votes.csv's text, or participants-votes.csv's (told apart by their columns). */
  votes: string;
}

/** An import refused: the sentence, and each row it could not read (code and sentence). */
export interface ImportRefusal {
  message: string;
  problems: ImportProblem[];
}

/** Imports a conversation held elsewhere (Pol.is open-data layout; staff; the server checks). Undefined when it was taken. */
export async function importConversation(files: ImportFiles): Promise<ImportRefusal | undefined> {
  const t = token();
  if (!t) return { message: 'Sign in first.', problems: [] };
  const header = (files.votes.split('\n', 1)[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const perParticipant = header.includes('participant') && !header.includes('voter-id');
  useConsensus.setState({ busy: true, error: null });
  try {
    const body = { question: files.question, comments: files.comments, ...(perParticipant ? { participantsVotes: files.votes } : { votes: files.votes }) };
    const imported = await callApi('importConsensus', { baseUrl: apiOrigin(), token: t, params: { id: spaceId }, body });
    useConsensus.setState({ notice: `Imported: ${imported.statements.length} statements.`, open: true });
    await load(generation);
    return undefined;
  } catch (err) {
    const problems = err instanceof ApiCallError ? ImportProblems.safeParse(err.problems) : undefined;
    return { message: say(err, 'The conversation could not be imported; please try again.'), problems: problems?.success ? problems.data : [] };
  } finally {
    useConsensus.setState({ busy: false });
  }
}
