import { allows } from '../../shared/access.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import type { ModerationQueue, MyQuestions } from '../../shared/protocol/townhall.js';
import { QuestionState } from '../../shared/schema/Hall.js';
import { changesTheList, identityKey, LIST_AT_ONCE_EVERY_MS, PUBLIC_QUESTION_STATES, showsAtOnce } from '../domain/questions.js';
import type { Question } from '../store/questions.js';
import type { HallContext } from './hallContext.js';

/** The moderation queue goes out at most this often while it changes. */
const QUEUE_EVERY_MS = 250;

/**
 * What people see of the questions: the public ones in the room state, the moderators' queue,
 * and each person's own pending and dismissed questions and votes. Called after each commit.
 */
export class QuestionViews {
  private queueTimer: ReturnType<typeof setTimeout> | undefined;
  /** Public questions changed since the last batch (the latest of each), and vote counts read after a vote. */
  private readonly waiting = new Map<string, Question>();
  private readonly pendingVotes = new Map<string, number>();
  /** When the list last went out at once for a change to it (changesTheList). */
  private listSentAt = -Infinity;

  constructor(private readonly ctx: HallContext) {}

  /**
   * Vote counts reach the room state with the hall's next batch (`flush`, every few ticks): in a
   * crowd, counts change every tick, and a patch per tick to everyone for that is waste. The
   * voter's own list (`mine`) answers at once.
   */
  showVotesSoon(id: string, votes: number): void {
    this.pendingVotes.set(id, votes);
  }

  /**
   * Mirrors one question into the public state (or out of it): the stage screen's question at
   * once, with every change still waiting; others with the next batch (server/domain/questions.ts
   * showsAtOnce).
   */
  show(q: Question): void {
    const shown = this.ctx.host.hall.questions.get(q.id)?.state as Question['state'] | undefined;
    this.waiting.set(q.id, q);
    this.pendingVotes.delete(q.id);
    if (showsAtOnce(q, this.ctx.host.hall.answering)) {
      this.flush();
      return;
    }
    // A question approved, dismissed or merged shows at once too (the moderator's action reaching
    // every section), at most every LIST_AT_ONCE_EVERY_MS; votes and edits wait for the batch.
    const now = Date.now();
    if (changesTheList(shown, q.state) && now - this.listSentAt >= LIST_AT_ONCE_EVERY_MS) {
      this.listSentAt = now;
      this.flush();
    }
  }

  /**
   * Writes the waiting changes into the room state, in the order they were committed; the
   * hall's tick calls it on the ticks its reactions go out, so the patch and the burst share a
   * write to each socket.
   */
  flush(): void {
    const { hall } = this.ctx.host;
    for (const q of this.waiting.values()) this.apply(q);
    this.waiting.clear();
    for (const [qid, count] of this.pendingVotes) {
      const view = hall.questions.get(qid);
      if (view) view.votes = count;
    }
    this.pendingVotes.clear();
  }

  private apply(q: Question): void {
    const { hall } = this.ctx.host;
    if (!PUBLIC_QUESTION_STATES.includes(q.state)) {
      hall.questions.delete(q.id);
      if (hall.answering === q.id) hall.answering = '';
      return;
    }
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

  /** Stops the pending sends (the room is closing). */
  dispose(): void {
    clearTimeout(this.queueTimer);
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
