import type { ConsensusPending, ConsensusStatementChange } from '../../shared/protocol/consensus.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import type { Logger } from '../log.js';
import type { ConsensusStore } from '../store/consensus.js';

export interface ConsensusRelayDeps {
  consensus: Pick<ConsensusStore, 'statements'>;
  log: Logger;
  /** Session ids of the people here who may moderate statements. */
  staff: () => string[];
  send: (sessionId: string, type: string, payload: unknown) => void;
  broadcast: (type: string, payload: unknown) => void;
}

/**
 * A room's side of live statements: when a statement of the space's conversation is added or
 * moderated (in any process: the change feed), the room reads the statements as committed and
 * sends its staff the whole list waiting for a moderator, and everyone the statement's new state
 * once it is accepted or rejected. Changes are handled one after another, each reading the
 * database afresh, so what a room sends last is what the database holds last.
 */
export class ConsensusRelay {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ConsensusRelayDeps) {}

  changed(conversationId: string, number: number): void {
    this.queue = this.queue.then(() => this.relay(conversationId, number)).catch((err: unknown) => {
      this.deps.log.error({ err, conversationId }, 'relaying a consensus statement failed');
    });
  }

  /** Resolves once every change heard so far has been sent (tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async relay(conversationId: string, number: number): Promise<void> {
    const statements = await this.deps.consensus.statements(conversationId);
    const pending = statements.filter((s) => s.state === 'pending');
    const waiting: ConsensusPending = { conversationId, statements: pending.map((s) => ({ number: s.number, text: s.text, createdAt: s.createdAt })) };
    for (const sessionId of this.deps.staff()) this.deps.send(sessionId, ServerMessage.ConsensusPending, waiting);
    const statement = statements.find((s) => s.number === number);
    if (!statement || statement.state === 'pending') return;
    const change: ConsensusStatementChange = {
      conversationId, number, state: statement.state, text: statement.state === 'accepted' ? statement.text : null, pendingCount: pending.length,
    };
    this.deps.broadcast(ServerMessage.ConsensusStatement, change);
  }
}
