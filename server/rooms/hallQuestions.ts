import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { z } from 'zod';
import { AskMessage, ModerateQuestionMessage, VoteMessage, type Ack } from '../../shared/protocol/townhall.js';
import { actorOf } from '../auth/sessions.js';
import {
  askAck, checkMergeTarget, checkMove, checkNotMuted, checkVotable, identityKey, initialState, isFlagged, mergeVoters, normalizeQuestion, openEventId,
  PUBLIC_QUESTION_STATES, QUESTION_DONE, QUESTION_MOVES,
} from '../domain/questions.js';
import type { Question } from '../store/questions.js';
import type { HallContext, Register } from './hallContext.js';
import { QuestionRelay } from './hallQuestionRelay.js';
import { QuestionViews } from './hallQuestionViews.js';
import { checkStageOpen } from '../domain/eventEnd.js';

const QUESTION_MOVES_MERGE_FROM = QUESTION_MOVES.merge.from;
import { Refusal, type Occupant } from './occupant.js';

/**
 * Asking, voting and moderating questions (the rules: server/domain/questions.ts). Every change
 * is committed before anyone is told; hallQuestionViews.ts shows the result.
 */
export class HallQuestions {
  private readonly views: QuestionViews;
  private readonly relay: QuestionRelay;

  constructor(private readonly ctx: HallContext) {
    this.views = new QuestionViews(ctx);
    this.relay = new QuestionRelay(ctx, this.views);
  }

  register(on: Register): void {
    on(ClientMessage.Ask, AskMessage, 'A question is {text (3-300 characters), anonymous}.', (id, who, m) => this.ask(id, who, m));
    on(ClientMessage.Vote, VoteMessage, 'A vote is {id, up}.', (id, who, m) => this.vote(id, who, m));
    on(ClientMessage.ModerateQuestion, ModerateQuestionMessage, 'Moderation is {id, action, text?}.', (id, who, m) => this.moderate(id, who, m));
  }

  sendQueue(only?: string): Promise<void> {
    return this.views.sendQueue(only);
  }

  sendMine(key: string): Promise<void> {
    return this.views.sendMine(key);
  }

  dispose(): void {
    this.views.dispose();
    this.relay.dispose();
  }

  /** Puts the event's public questions in the room state (on load and when the event changes). */
  async load(): Promise<void> {
    const { hall } = this.ctx.host;
    // Read first, then change the state in one go: no patch goes out with the list empty.
    const questions = this.ctx.event ? await this.ctx.deps.repos.questions.listForEvent(this.ctx.event.id) : [];
    // Changes still waiting for the batch go first; the list read now is written whole, at once.
    this.views.flush();
    const keep = new Set(questions.filter((q) => PUBLIC_QUESTION_STATES.includes(q.state)).map((q) => q.id));
    for (const id of [...hall.questions.keys()]) if (!keep.has(id)) hall.questions.delete(id);
    if (!questions.some((q) => q.state === 'answering')) hall.answering = '';
    for (const q of questions) this.views.show(q);
    this.views.flush();
  }

  /** The hall's batch tick: question changes that waited go into the room state. */
  flushViews(): void {
    this.views.flush();
  }

  private async ask(sessionId: string, who: Occupant, m: z.infer<typeof AskMessage>): Promise<void> {
    const eventId = openEventId(this.ctx.event);
    checkNotMuted(who.muted);
    const key = identityKey(who.identity);
    if (!this.ctx.deps.limits.question.take(key, Date.now())) {
      throw new Refusal(ErrorCode.RATE_LIMITED, 'You have asked several questions in a short time; please wait a little before asking another.');
    }
    const { repos } = this.ctx.deps;
    const normalized = normalizeQuestion(m.text);
    const duplicate = await repos.questions.findOpenDuplicate(eventId, normalized);
    if (duplicate) {
      // Same question again: one question, with this person's vote added.
      const added = await repos.transaction((r) => r.questions.vote(duplicate.id, key));
      const fresh = await repos.questions.get(duplicate.id);
      if (fresh) this.views.show(fresh);
      this.told(eventId, [duplicate.id], [key]);
      this.ack(sessionId, { ref: ClientMessage.Ask, id: duplicate.id, message: askAck(added ? 'duplicate' : 'duplicate-voted') });
      await this.views.sendMine(key);
      return;
    }
    const flagged = isFlagged(m.text, this.ctx.deps.flagWords);
    const state = initialState(this.ctx.event!.autoApprove, flagged);
    const question = await repos.questions.create({
      eventId, authorKey: key, authorName: who.avatar.name, anonymous: m.anonymous, text: m.text, normalized, state, flagged,
    });
    if (state === 'approved') this.views.show(question);
    this.told(eventId, [question.id], [key]);
    this.ack(sessionId, { ref: ClientMessage.Ask, id: question.id, message: askAck(state) });
    await Promise.all([this.views.sendMine(key), state === 'pending' ? this.views.sendQueue() : undefined]);
  }

  private async vote(_sessionId: string, who: Occupant, m: z.infer<typeof VoteMessage>): Promise<void> {
    const eventId = openEventId(this.ctx.event);
    const key = identityKey(who.identity);
    if (!this.ctx.deps.limits.vote.take(key, Date.now())) throw new Refusal(ErrorCode.RATE_LIMITED, 'You are voting very fast; please slow down.');
    const { repos } = this.ctx.deps;
    checkVotable(await repos.questions.get(m.id), eventId);
    const changed = await repos.transaction((r) => (m.up ? r.questions.vote(m.id, key) : r.questions.unvote(m.id, key)));
    if (changed) {
      const fresh = await repos.questions.get(m.id);
      if (fresh) this.views.showVotesSoon(fresh.id, fresh.votes);
      this.told(eventId, [m.id], [key]);
    }
    await this.views.sendMine(key);
  }

  private async moderate(sessionId: string, who: Occupant, m: z.infer<typeof ModerateQuestionMessage>): Promise<void> {
    const eventId = this.ctx.event?.id;
    const { repos } = this.ctx.deps;
    const question = await repos.questions.get(m.id);
    const move = checkMove(question, eventId, m.action);
    checkStageOpen(m.action, this.ctx.event);
    if (m.action === 'merge') return this.merge(sessionId, who, question!, m.into);
    const actorId = actorOf(who.identity);
    const updated = await repos.transaction(async (r) => {
      let result: Question | undefined;
      let previous: Question | undefined;
      if (m.action === 'edit') {
        if (!m.text) throw new Refusal(ErrorCode.INVALID_INPUT, 'An edit needs the new text.');
        result = await r.questions.edit(m.id, m.text, normalizeQuestion(m.text));
      } else {
        // One question at a time on the stage screen: the one before it is now answered.
        const answering = this.ctx.host.hall.answering;
        if (m.action === 'answer' && answering && answering !== m.id) previous = await r.questions.transition(answering, ['answering'], 'answered');
        if (m.text && m.action === 'approve') await r.questions.edit(m.id, m.text, normalizeQuestion(m.text));
        result = await r.questions.transition(m.id, move.from, move.to!);
      }
      if (!result) throw new Refusal(ErrorCode.CONFLICT, 'That question changed meanwhile; look again.');
      await r.audit.append({
        actorId, action: `question.${m.action}`, targetType: 'question', targetId: m.id,
        detail: { eventId, ...(m.text ? { text: m.text, was: question!.text } : {}) },
      });
      return { result, previous };
    });
    if (updated.previous) this.views.show(updated.previous);
    this.views.show(updated.result);
    this.told(updated.result.eventId, [...(updated.previous ? [updated.previous.id] : []), m.id], [question!.authorKey]);
    this.ack(sessionId, { ref: ClientMessage.ModerateQuestion, id: m.id, message: QUESTION_DONE[m.action] });
    await Promise.all([this.views.sendQueue(), this.views.sendMine(question!.authorKey)]);
  }

  /** A duplicate folded into the question it repeats: its asker and voters back that one, and it is dismissed. */
  private async merge(sessionId: string, who: Occupant, duplicate: Question, intoId: string | undefined): Promise<void> {
    if (!intoId) throw new Refusal(ErrorCode.INVALID_INPUT, 'Say which question this one repeats.');
    const { repos } = this.ctx.deps;
    checkMergeTarget(duplicate, await repos.questions.get(intoId));
    const done = await repos.transaction(async (r) => {
      const target = await r.questions.get(intoId);
      checkMergeTarget(duplicate, target);
      const moved = mergeVoters(
        { authorKey: duplicate.authorKey, voters: await r.questions.votersOf(duplicate.id) },
        { authorKey: target!.authorKey, voters: await r.questions.votersOf(intoId) },
      );
      for (const key of moved) await r.questions.vote(intoId, key);
      const dismissed = await r.questions.markMerged(duplicate.id, QUESTION_MOVES_MERGE_FROM, intoId, moved.length);
      if (!dismissed) throw new Refusal(ErrorCode.CONFLICT, 'That question changed meanwhile; look again.');
      await r.audit.append({
        actorId: actorOf(who.identity), action: 'question.merge', targetType: 'question', targetId: duplicate.id,
        detail: { eventId: duplicate.eventId, into: intoId, votesMoved: moved.length },
      });
      return { dismissed, target: await r.questions.get(intoId), moved };
    });
    this.views.show(done.dismissed);
    if (done.target) this.views.show(done.target);
    this.told(duplicate.eventId, [duplicate.id, intoId], [duplicate.authorKey, ...done.moved]);
    this.ack(sessionId, { ref: ClientMessage.ModerateQuestion, id: duplicate.id, message: QUESTION_DONE.merge });
    await Promise.all([this.views.sendQueue(), ...[duplicate.authorKey, ...done.moved].map((key) => this.views.sendMine(key))]);
  }

  /** Committed changes, told to the event's other sections (they read the questions themselves). */
  private told(eventId: string, ids: readonly string[], keys: readonly string[]): void {
    this.ctx.host.questionsChanged(eventId, ids, keys);
  }

  /** Questions another section changed: shown here too (hallQuestionRelay.ts). */
  changedElsewhere(ids: readonly string[], keys: readonly string[]): void {
    this.relay.changed(ids, keys);
  }

  private ack(sessionId: string, ack: Ack): void {
    this.ctx.host.send(sessionId, ServerMessage.Ack, ack);
  }
}
