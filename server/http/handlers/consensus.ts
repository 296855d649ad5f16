import { allows } from '../../../shared/access.js';
import { votesNeeded } from '../../../shared/consensus/participants.js';
import { OpenDataError, parseOpenData, type OpenConversation } from '../../../shared/consensus/openData.js';
import type { ConsensusMine, ConversationView, StatementView } from '../../../shared/protocol/consensus.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import { actorOf } from '../../auth/sessions.js';
import { checkVotable, isDuplicateStatement, statementOrder, submittedState } from '../../domain/consensus.js';
import { Refusal } from '../../domain/refusal.js';
import { KeyedLimiter, RATE_LIMITS } from '../../domain/rateLimits.js';
import type { Conversation, Statement, StatementTally } from '../../store/consensus.js';
import { ApiError, type Handlers } from '../api.js';
import { type HandlerDeps, signedIn } from './deps.js';

/** Statements one person may have waiting for a moderator at once. */
export const PENDING_PER_PERSON = 5;

const STATUS: Partial<Record<ErrorCode, number>> = { NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, INVALID_INPUT: 400 };

type ConsensusHandlers = 'consensus' | 'askConsensus' | 'importConsensus' | 'consensusMine' | 'consensusVote' | 'submitStatement' | 'pendingStatements' | 'moderateStatement';

/** A space's consensus conversation over HTTP: ask, add statements, vote, moderate, import; the analysis is pushed to rooms. */
export function consensusHandlers(deps: HandlerDeps): Pick<Handlers, ConsensusHandlers> {
  const { repos } = deps;
  const voteLimit = new KeyedLimiter(RATE_LIMITS.consensusVote);
  const statementLimit = new KeyedLimiter(RATE_LIMITS.consensusStatement);

  async function conversationIn(spaceId: string): Promise<Conversation> {
    const conversation = await repos.consensus.current(spaceId);
    if (!conversation) throw new ApiError(404, ErrorCode.NOT_FOUND, 'This space has no consensus question yet.');
    return conversation;
  }

  async function spaceMustExist(spaceId: string): Promise<void> {
    if (!(await repos.spaces.get(spaceId))) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no space with that name.');
  }

  async function conversationView(c: Conversation): Promise<ConversationView> {
    const [statements, tallies] = await Promise.all([repos.consensus.statements(c.id), repos.consensus.tallies(c.id)]);
    return {
      id: c.id, spaceId: c.spaceId, question: c.question, source: c.source, createdAt: c.createdAt,
      statements: statements.filter((s) => s.state === 'accepted').map((s) => statementView(s, tallies.get(s.number))),
      pendingCount: statements.filter((s) => s.state === 'pending').length,
    };
  }

  async function mine(c: Conversation, actor: string): Promise<ConsensusMine> {
    const participant = await repos.consensus.findParticipant(c.id, actor);
    const [statements, votes] = await Promise.all([
      repos.consensus.statements(c.id),
      participant === undefined ? Promise.resolve(new Map<number, -1 | 0 | 1>()) : repos.consensus.votesOf(c.id, participant),
    ]);
    const accepted = statements.filter((s) => s.state === 'accepted').length;
    const point = participant === undefined ? undefined : (await deps.consensus.published(c.id))?.points.find((p) => p[0] === participant);
    return {
      conversationId: c.id,
      next: statementOrder(statements, votes),
      votes: [...votes].sort((a, b) => a[0] - b[0]).map(([statement, vote]) => ({ statement, vote })),
      participant: participant ?? null,
      votesNeeded: votesNeeded(accepted),
      place: point ? { x: point[1], y: point[2], group: point[3] } : null,
    };
  }

  /** Runs a rule check, turning its Refusal into the HTTP answer. */
  function rule(check: () => void): void {
    try {
      check();
    } catch (err) {
      if (err instanceof Refusal) throw new ApiError(STATUS[err.code] ?? 400, err.code, err.message);
      throw err;
    }
  }

  return {
    async consensus({ params, res }) {
      res.set('Cache-Control', 'no-cache');
      await spaceMustExist(params.id);
      const c = await repos.consensus.current(params.id);
      if (!c) return { conversation: null, analysis: null };
      const [conversation, analysis] = await Promise.all([conversationView(c), deps.consensus.current(c)]);
      return { conversation, analysis };
    },

    async askConsensus({ params, body, identity }) {
      const who = signedIn(identity);
      await spaceMustExist(params.id);
      const c = await repos.transaction(async (r) => {
        const created = await r.consensus.create({ spaceId: params.id, question: body.question, createdBy: actorOf(who) });
        const author = await r.consensus.participant(created.id, actorOf(who));
        for (const text of body.statements) await r.consensus.addStatement(created.id, { text, authorNumber: author, state: 'accepted' });
        await r.audit.append({ actorId: actorOf(who), action: 'consensus.ask', targetType: 'consensus', targetId: created.id, detail: { spaceId: params.id, question: body.question, statements: body.statements.length } });
        return created;
      });
      deps.consensus.changed(c);
      return conversationView(c);
    },

    async importConsensus({ params, body, identity }) {
      const who = signedIn(identity);
      await spaceMustExist(params.id);
      let open: OpenConversation;
      try {
        open = parseOpenData(body);
      } catch (err) {
        // Every row it could not read (up to 50), each with a code and a sentence.
        if (err instanceof OpenDataError) throw new ApiError(400, ErrorCode.INVALID_INPUT, err.message, undefined, err.problems);
        throw err;
      }
      const c = await repos.transaction(async (r) => {
        const created = await r.consensus.importConversation(params.id, body.question, actorOf(who), open);
        await r.audit.append({ actorId: actorOf(who), action: 'consensus.import', targetType: 'consensus', targetId: created.id, detail: { spaceId: params.id, statements: open.statements.length, votes: open.votes.length } });
        return created;
      });
      deps.consensus.changed(c);
      return conversationView(c);
    },

    async consensusMine({ params, identity }) {
      const c = await conversationIn(params.id);
      return mine(c, actorOf(signedIn(identity)));
    },

    async consensusVote({ params, body, identity }) {
      const actor = actorOf(signedIn(identity));
      if (!voteLimit.take(actor, Date.now())) throw new ApiError(429, ErrorCode.RATE_LIMITED, 'You are voting faster than anyone can read; please take a moment with each statement.', 2);
      const c = await conversationIn(params.id);
      const statements = await repos.consensus.statements(c.id);
      rule(() => checkVotable(statements, body.statement));
      const participant = await repos.consensus.participant(c.id, actor);
      await repos.consensus.vote(c.id, participant, body.statement, body.vote);
      deps.consensus.changed(c);
      return mine(c, actor);
    },

    async submitStatement({ params, body, identity }) {
      const who = signedIn(identity);
      const c = await conversationIn(params.id);
      const statements = await repos.consensus.statements(c.id);
      if (isDuplicateStatement(body.text, statements)) throw new ApiError(409, ErrorCode.CONFLICT, 'That statement is already here (or waiting for a moderator); vote on it instead.');
      const runs = allows('consensus.manage', who, params.id);
      if (!runs && !statementLimit.take(actorOf(who), Date.now())) {
        throw new ApiError(429, ErrorCode.RATE_LIMITED, 'You have added several statements in a short time; please wait a little before adding another.', 30);
      }
      const participant = await repos.consensus.participant(c.id, actorOf(who));
      if (!runs && await repos.consensus.pendingBy(c.id, participant) >= PENDING_PER_PERSON) {
        throw new ApiError(429, ErrorCode.RATE_LIMITED, `You have ${PENDING_PER_PERSON} statements waiting for a moderator; add more once they have been reviewed.`);
      }
      const added = await repos.consensus.addStatement(c.id, { text: body.text, authorNumber: participant, state: submittedState(runs) });
      // Committed: moderators in the space see it waiting (or everyone sees it, if staff added it).
      deps.events.consensusStatement(c.spaceId, c.id, added.number);
      if (added.state === 'accepted') deps.consensus.changed(c);
      return statementView(added, undefined);
    },

    async pendingStatements({ params }) {
      const c = await conversationIn(params.id);
      const statements = await repos.consensus.statements(c.id);
      return { statements: statements.filter((s) => s.state === 'pending').map((s) => ({ number: s.number, text: s.text, createdAt: s.createdAt })) };
    },

    async moderateStatement({ params, body, identity }) {
      const who = signedIn(identity);
      const c = await conversationIn(params.id);
      const from = body.state === 'accepted' ? ['pending', 'rejected'] as const : ['pending', 'accepted'] as const;
      const changed = await repos.transaction(async (r) => {
        const moved = await r.consensus.moderate(c.id, params.number, from, body.state);
        if (!moved) return undefined;
        await r.audit.append({ actorId: actorOf(who), action: 'consensus.moderate', targetType: 'consensus', targetId: c.id, detail: { spaceId: params.id, statement: params.number, state: body.state } });
        return moved;
      });
      if (!changed) {
        const exists = (await repos.consensus.statements(c.id)).some((s) => s.number === params.number);
        if (!exists) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such statement.');
        throw new ApiError(409, ErrorCode.CONFLICT, `The statement is already ${body.state}.`);
      }
      deps.events.consensusStatement(c.spaceId, c.id, changed.number);
      deps.consensus.changed(c);
      const tallies = await repos.consensus.tallies(c.id);
      return statementView(changed, tallies.get(changed.number));
    },
  };
}

function statementView(s: Statement, t: StatementTally | undefined): StatementView {
  return { number: s.number, text: s.text, state: s.state, agrees: t?.agrees ?? 0, disagrees: t?.disagrees ?? 0, passes: t?.passes ?? 0 };
}
