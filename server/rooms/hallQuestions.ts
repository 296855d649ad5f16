import { allows } from '../../shared/access.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { z } from 'zod';
import {
  AskMessage, ModerateQuestionMessage, VoteMessage, type Ack, type ModerationQueue, type MyQuestions,
} from '../../shared/protocol/townhall.js';
import { QuestionState } from '../../shared/schema/Hall.js';
import { identityKey, initialState, isFlagged, normalizeQuestion, PUBLIC_QUESTION_STATES, QUESTION_MOVES } from '../domain/questions.js';
import { TokenBucket } from '../domain/tokenBucket.js';
import type { Question } from '../store/questions.js';
import type { HallContext, Register } from './hallContext.js';
import { actorOf } from '../auth/sessions.js';
import { Refusal, type Occupant } from './occupant.js';

/** Questions per identity: a burst of 3, then one every 20 s. Votes: a burst of 20, then 2 a second. */
const ASK_BURST = 3;
const ASK_PER_SECOND = 1 / 20;
const VOTE_BURST = 20;
const VOTE_PER_SECOND = 2;
/** The moderation queue goes out at most this often while it changes. */
const QUEUE_EVERY_MS = 250;
/** Vote counts go into the room state at most this often. */
const VOTES_EVERY_MS = 250;

/** Asking, voting and moderating questions. Every change is committed before anyone is told. */
export class HallQuestions {
  private readonly askBuckets = new Map<string, TokenBucket>();
  private readonly voteBuckets = new Map<string, TokenBucket>();
  private queueTimer: ReturnType<typeof setTimeout> | undefined;
  private votesTimer: ReturnType<typeof setTimeout> | undefined;
  /** Vote counts read after a vote, waiting for the next batch. */
  private readonly pendingVotes = new Map<string, number>();

  constructor(private readonly ctx: HallContext) {}

  register(on: Register): void {
    on(ClientMessage.Ask, AskMessage, 'A question is {text (3-300 characters), anonymous}.', (id, who, m) => this.ask(id, who, m));
    on(ClientMessage.Vote, VoteMessage, 'A vote is {id, up}.', (id, who, m) => this.vote(id, who, m));
    on(ClientMessage.ModerateQuestion, ModerateQuestionMessage, 'Moderation is {id, action, text?}.', (id, who, m) => this.moderate(id, who, m));
  }

  /** Puts the event's public questions in the room state (on load and when the event changes). */
  async load(): Promise<void> {
    const { hall } = this.ctx.host;
    // Read first, then change the state in one go: no patch goes out with the list empty.
    const questions = this.ctx.event ? await this.ctx.deps.repos.questions.listForEvent(this.ctx.event.id) : [];
    const keep = new Set(questions.filter((q) => PUBLIC_QUESTION_STATES.includes(q.state)).map((q) => q.id));
    for (const id of [...hall.questions.keys()]) if (!keep.has(id)) hall.questions.delete(id);
    if (!questions.some((q) => q.state === 'answering')) hall.answering = '';
    for (const q of questions) this.show(q);
  }

  private open(): string {
    const event = this.ctx.event;
    if (!event || event.state === 'ended') throw new Refusal(ErrorCode.CONFLICT, 'There is no event taking questions here right now.');
    return event.id;
  }

  private async ask(sessionId: string, who: Occupant, m: z.infer<typeof AskMessage>): Promise<void> {
    const eventId = this.open();
    if (who.muted) throw new Refusal(ErrorCode.NOT_ALLOWED, 'A moderator has muted your questions and reactions here.');
    const key = identityKey(who.identity);
    if (!take(this.askBuckets, key, ASK_BURST, ASK_PER_SECOND)) {
      throw new Refusal(ErrorCode.RATE_LIMITED, 'You have asked several questions in a short time; please wait a little before asking another.');
    }
    const { repos } = this.ctx.deps;
    const normalized = normalizeQuestion(m.text);
    const duplicate = await repos.questions.findOpenDuplicate(eventId, normalized);
    if (duplicate) {
      // Same question again: one question, with this person's vote added.
      const added = await repos.transaction((r) => r.questions.vote(duplicate.id, key));
      const fresh = await repos.questions.get(duplicate.id);
      if (fresh) this.show(fresh);
      this.ack(sessionId, { ref: ClientMessage.Ask, id: duplicate.id, message: added
        ? 'Someone has already asked this; your vote was added to their question.'
        : 'Someone has already asked this, and you have already voted for it.' });
      await this.sendMine(key);
      return;
    }
    const flagged = isFlagged(m.text, this.ctx.deps.flagWords);
    const state = initialState(this.ctx.event!.autoApprove, flagged);
    const question = await repos.questions.create({
      eventId, authorKey: key, authorName: who.avatar.name, anonymous: m.anonymous, text: m.text, normalized, state, flagged,
    });
    if (state === 'approved') this.show(question);
    this.ack(sessionId, { ref: ClientMessage.Ask, id: question.id, message: state === 'approved'
      ? 'Your question is up for everyone to see and vote on.'
      : 'Your question went to the moderators; you will see it here once it is approved.' });
    await Promise.all([this.sendMine(key), state === 'pending' ? this.sendQueue() : undefined]);
  }

  private async vote(_sessionId: string, who: Occupant, m: z.infer<typeof VoteMessage>): Promise<void> {
    const eventId = this.open();
    const key = identityKey(who.identity);
    if (!take(this.voteBuckets, key, VOTE_BURST, VOTE_PER_SECOND)) {
      throw new Refusal(ErrorCode.RATE_LIMITED, 'You are voting very fast; please slow down.');
    }
    const { repos } = this.ctx.deps;
    const question = await repos.questions.get(m.id);
    if (!question || question.eventId !== eventId || !['approved', 'answering'].includes(question.state)) {
      throw new Refusal(ErrorCode.NOT_FOUND, 'That question is not open for votes.');
    }
    const changed = await repos.transaction((r) => (m.up ? r.questions.vote(m.id, key) : r.questions.unvote(m.id, key)));
    if (changed) {
      const fresh = await repos.questions.get(m.id);
      if (fresh) this.showVotesSoon(fresh.id, fresh.votes);
    }
    await this.sendMine(key);
  }

  private async moderate(sessionId: string, who: Occupant, m: z.infer<typeof ModerateQuestionMessage>): Promise<void> {
    const eventId = this.ctx.event?.id;
    const { repos } = this.ctx.deps;
    const question = await repos.questions.get(m.id);
    if (!question || question.eventId !== eventId) throw new Refusal(ErrorCode.NOT_FOUND, 'There is no such question at this event.');
    const move = QUESTION_MOVES[m.action];
    if (!move.from.includes(question.state)) {
      throw new Refusal(ErrorCode.CONFLICT, `That question is ${question.state}; it cannot be ${m.action === 'answer' ? 'answered now' : `${m.action}d`}.`);
    }
    const actorId = actorOf(who.identity);
    const updated = await repos.transaction(async (r) => {
      let result: Question | undefined;
      let previous: Question | undefined;
      if (m.action === 'edit') {
        if (!m.text) throw new Refusal(ErrorCode.INVALID_INPUT, 'An edit needs the new text.');
        result = await r.questions.edit(m.id, m.text, normalizeQuestion(m.text));
      } else {
        if (m.action === 'answer' && this.ctx.host.hall.answering && this.ctx.host.hall.answering !== m.id) {
          // One question at a time on the stage screen: the one before it is now answered.
          previous = await r.questions.transition(this.ctx.host.hall.answering, ['answering'], 'answered');
        }
        if (m.text && m.action === 'approve') await r.questions.edit(m.id, m.text, normalizeQuestion(m.text));
        result = await r.questions.transition(m.id, move.from, move.to!);
      }
      if (!result) throw new Refusal(ErrorCode.CONFLICT, 'That question changed meanwhile; look again.');
      await r.audit.append({
        actorId, action: `question.${m.action}`, targetType: 'question', targetId: m.id,
        detail: { eventId, ...(m.text ? { text: m.text, was: question.text } : {}) },
      });
      return { result, previous };
    });
    if (updated.previous) this.show(updated.previous);
    this.show(updated.result);
    const done: Record<typeof m.action, string> = {
      approve: 'Approved: everyone can see it and vote.', dismiss: 'Dismissed.', answer: 'On the stage screen now.',
      answered: 'Marked answered.', edit: 'Edited (the original text is kept).',
    };
    this.ack(sessionId, { ref: ClientMessage.ModerateQuestion, id: m.id, message: done[m.action] });
    await Promise.all([this.sendQueue(), this.sendMine(question.authorKey)]);
  }

  /**
   * Vote counts reach the room state at most every VOTES_EVERY_MS: in a crowd, counts change
   * every tick, and a patch per tick to everyone for that is waste. The voter's own list
   * (`mine`) answers at once.
   */
  private showVotesSoon(id: string, votes: number): void {
    this.pendingVotes.set(id, votes);
    this.votesTimer ??= setTimeout(() => {
      this.votesTimer = undefined;
      for (const [qid, count] of this.pendingVotes) {
        const view = this.ctx.host.hall.questions.get(qid);
        if (view) view.votes = count;
      }
      this.pendingVotes.clear();
    }, VOTES_EVERY_MS);
  }

  /** Mirrors one question into the public state (or out of it). */
  private show(q: Question): void {
    const { hall } = this.ctx.host;
    if (!PUBLIC_QUESTION_STATES.includes(q.state)) {
      hall.questions.delete(q.id);
      if (hall.answering === q.id) hall.answering = '';
      return;
    }
    this.pendingVotes.delete(q.id);
    const view = hall.questions.get(q.id) ?? new QuestionState();
    view.id = q.id;
    view.text = q.text;
    view.author = q.anonymous ? '' : q.authorName;
    view.votes = q.votes;
    view.state = q.state;
    view.approvedAt = q.approvedAt ? Date.parse(q.approvedAt) : 0;
    if (!hall.questions.has(q.id)) hall.questions.set(q.id, view);
    if (q.state === 'answering') hall.answering = q.id;
    else if (hall.answering === q.id) hall.answering = '';
  }

  private ack(sessionId: string, ack: Ack): void {
    this.ctx.host.send(sessionId, ServerMessage.Ack, ack);
  }

  /**
   * The moderation queue, to everyone here who may moderate questions. Changes in a burst
   * (a crowd asking at once, a moderator approving many) are sent together, at most
   * QUEUE_EVERY_MS apart; a moderator who just joined gets it at once.
   */
  sendQueue(only?: string): Promise<void> {
    if (only !== undefined) return this.sendQueueNow(only);
    if (!this.queueTimer) {
      this.queueTimer = setTimeout(() => {
        this.queueTimer = undefined;
        this.sendQueueNow().catch((err: unknown) => this.ctx.deps.log.error({ err }, 'sending the moderation queue failed'));
      }, QUEUE_EVERY_MS);
    }
    return Promise.resolve();
  }

  /** Stops the pending queue send (the room is closing). */
  dispose(): void {
    clearTimeout(this.queueTimer);
    clearTimeout(this.votesTimer);
  }

  private async sendQueueNow(only?: string): Promise<void> {
    const { host } = this.ctx;
    const moderators = [...host.occupants].filter(([id, o]) => (only === undefined || id === only)
      && allows('question.moderate', o.identity, host.layout.id));
    if (moderators.length === 0) return;
    const pending = this.ctx.event ? await this.ctx.deps.repos.questions.listInState(this.ctx.event.id, 'pending') : [];
    const queue: ModerationQueue = {
      pending: pending.map((q) => ({
        id: q.id, text: q.text, originalText: q.originalText, author: q.authorName, anonymous: q.anonymous,
        flagged: q.flagged, createdAt: Date.parse(q.createdAt), state: 'pending' as const,
      })),
      muted: [...host.occupants].filter(([, o]) => o.muted).map(([id]) => id),
    };
    for (const [id] of moderators) host.send(id, ServerMessage.Queue, queue);
  }

  /** One person's pending and dismissed questions and votes, to each of their connections here. */
  async sendMine(key: string): Promise<void> {
    const { host } = this.ctx;
    const connections = [...host.occupants].filter(([, o]) => identityKey(o.identity) === key);
    if (connections.length === 0 || !this.ctx.event) return;
    const { repos } = this.ctx.deps;
    const [own, votes] = await Promise.all([
      repos.questions.listByAuthor(this.ctx.event.id, key), repos.questions.votesOf(this.ctx.event.id, key),
    ]);
    const mine: MyQuestions = {
      pending: own.filter((q) => q.state === 'pending').map((q) => ({ id: q.id, text: q.text, createdAt: Date.parse(q.createdAt) })),
      dismissed: own.filter((q) => q.state === 'dismissed').map((q) => ({ id: q.id, text: q.text })),
      votes,
    };
    for (const [id] of connections) host.send(id, ServerMessage.Mine, mine);
  }
}

function take(buckets: Map<string, TokenBucket>, key: string, burst: number, perSecond: number): boolean {
  const now = Date.now();
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new TokenBucket(burst, perSecond, now);
    buckets.set(key, bucket);
  }
  return bucket.take(now);
}
