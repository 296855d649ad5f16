import { describe, expect, it } from 'vitest';
import type { ConsensusMine, ConversationView } from '../../shared/protocol/consensus.js';
import { applyStatementChange } from './consensus.js';

/** A statement accepted or rejected, pushed by the room, as the page applies it. */

const conversation: ConversationView = {
  id: 'c1', spaceId: 'plaza', question: 'Q?', source: 'here', createdAt: '', pendingCount: 2,
  statements: [
    { number: 0, text: 'Zero.', state: 'accepted', agrees: 3, disagrees: 1, passes: 0 },
    { number: 2, text: 'Two.', state: 'accepted', agrees: 0, disagrees: 2, passes: 0 },
  ],
};
const mine: ConsensusMine = { conversationId: 'c1', next: [{ number: 2, text: 'Two.' }], votes: [{ statement: 0, vote: 1 }], participant: 4, votesNeeded: 2, place: null };

describe('a statement change pushed by the room', () => {
  it('adds an accepted statement to the list and first in the queue (no one has voted on it)', () => {
    const after = applyStatementChange({ conversation, mine }, { conversationId: 'c1', number: 1, state: 'accepted', text: 'One.', pendingCount: 1 });
    expect(after.conversation!.statements.map((s) => s.number)).toEqual([0, 1, 2]);
    expect(after.conversation!.pendingCount).toBe(1);
    expect(after.mine!.next.map((s) => s.number)).toEqual([1, 2]);
    // Heard twice (two rooms, a reconnect): nothing changes the second time.
    expect(applyStatementChange(after, { conversationId: 'c1', number: 1, state: 'accepted', text: 'One.', pendingCount: 1 })).toEqual(after);
  });

  it('takes a rejected statement out of both lists', () => {
    const after = applyStatementChange({ conversation, mine }, { conversationId: 'c1', number: 2, state: 'rejected', text: null, pendingCount: 2 });
    expect(after.conversation!.statements.map((s) => s.number)).toEqual([0]);
    expect(after.mine!.next).toEqual([]);
  });

  it("ignores another conversation's statements, and works before one's own votes are loaded", () => {
    expect(applyStatementChange({ conversation, mine }, { conversationId: 'old', number: 9, state: 'accepted', text: 'Nine.', pendingCount: 0 })).toEqual({ conversation, mine });
    const alone = applyStatementChange({ conversation, mine: null }, { conversationId: 'c1', number: 3, state: 'accepted', text: 'Three.', pendingCount: 0 });
    expect(alone.mine).toBeNull();
    expect(alone.conversation!.statements).toHaveLength(3);
  });
});
