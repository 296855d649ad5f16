import { create } from 'zustand';
import type { ConsensusAnalysisView, ConsensusMine, ConsensusStatementChange, ConversationView, PendingStatement } from '../../shared/protocol/consensus.js';

/**
 * The consensus question of the space we are in: the conversation and the latest analysis
 * (loaded over HTTP, then pushed by the room after each analysis), and this person's own votes,
 * next statements and place on the map. Written by net/consensus.ts; read by the panel and the
 * 3D constellation.
 */
export interface ConsensusState {
  spaceId: string;
  conversation: ConversationView | null;
  analysis: ConsensusAnalysisView | null;
  mine: ConsensusMine | null;
  /** For moderators: the statements waiting for one (loaded over HTTP, then pushed by the room); null until loaded. */
  pending: PendingStatement[] | null;
  /** The panel is open. */
  open: boolean;
  /** A vote or statement is on its way. */
  busy: boolean;
  /** The last refusal or failure, as a sentence (null: none). */
  error: string | null;
  /** A short confirmation for screen readers ("Your statement waits for a moderator."). */
  notice: string | null;
}

export const useConsensus = create<ConsensusState>(() => ({
  spaceId: '', conversation: null, analysis: null, mine: null, pending: null, open: false, busy: false, error: null, notice: null,
}));

export function resetConsensus(spaceId: string): void {
  useConsensus.setState({ spaceId, conversation: null, analysis: null, mine: null, pending: null, busy: false, error: null, notice: null });
}

/**
 * A statement accepted or rejected (pushed by the room): the conversation's statements and one's
 * own next ones follow at once. A newly accepted statement has no votes, so it comes first
 * (the least-voted order of server/domain/consensus.ts); a rejected one leaves both lists.
 */
export function applyStatementChange(s: Pick<ConsensusState, 'conversation' | 'mine'>, change: ConsensusStatementChange): Pick<ConsensusState, 'conversation' | 'mine'> {
  const { conversation, mine } = s;
  if (!conversation || conversation.id !== change.conversationId) return { conversation, mine };
  const known = conversation.statements.some((st) => st.number === change.number);
  if (change.state === 'accepted' && change.text !== null) {
    if (known) return { conversation: { ...conversation, pendingCount: change.pendingCount }, mine };
    const added = { number: change.number, text: change.text, state: 'accepted' as const, agrees: 0, disagrees: 0, passes: 0 };
    const voted = mine?.votes.some((v) => v.statement === change.number) ?? true;
    return {
      conversation: { ...conversation, statements: [...conversation.statements, added].sort((a, b) => a.number - b.number), pendingCount: change.pendingCount },
      mine: mine && (voted ? mine : { ...mine, next: [{ number: change.number, text: change.text }, ...mine.next] }),
    };
  }
  return {
    conversation: { ...conversation, statements: conversation.statements.filter((st) => st.number !== change.number), pendingCount: change.pendingCount },
    mine: mine && { ...mine, next: mine.next.filter((n) => n.number !== change.number) },
  };
}

export function toggleConsensus(open?: boolean): void {
  useConsensus.setState((s) => ({ open: open ?? !s.open }));
}

/** Colours of the opinion groups (A, B, C, D, E), and of people not in a group yet. */
export const GROUP_COLOURS = ['#2f6db5', '#d9822b', '#3f9c5a', '#a1449b', '#c9a227'] as const;
export const UNGROUPED_COLOUR = '#8a8f94';
export const groupColour = (group: number): string => (group >= 0 ? GROUP_COLOURS[group % GROUP_COLOURS.length]! : UNGROUPED_COLOUR);
export const groupName = (group: number): string => `Group ${String.fromCharCode(65 + group)}`;
