import { callApi } from '../../shared/protocol/apiClient.js';
import { ClientMessage } from '../../shared/protocol/messages.js';
import type { Ack, ModerateQuestionMessage, ModerationQueue, QueuedQuestion } from '../../shared/protocol/townhall.js';
import type { QuestionState } from '../../shared/schema/Hall.js';
import { HallPeer } from './hallPeer.js';
import type { Random } from './random.js';
import { sortedCounts, waitFor } from './stats.js';

/** One 'answer' the moderator sent: when (on the peer's clock()) and when the server acknowledged it. */
export interface AnswerSent {
  id: string;
  sentAt: number;
  ackAt: number | undefined;
}

/**
 * The staff bot: a signed-in account with the moderator's and host's rights. It makes sure the
 * event is live, then, every few seconds, works through the moderation queue (a click every
 * `gapMs`) and, between passes, puts the most-voted approved question on the stage screen.
 */
export class HallStaff extends HallPeer {
  approvalsSent = 0;
  dismissalsSent = 0;
  queuesReceived = 0;
  largestQueue = 0;
  /** True when this bot started the event (or created it), so it may end it afterwards. */
  startedEvent = false;
  readonly answers: AnswerSent[] = [];
  /** Each approval sent: the question's id and when (clock()). */
  readonly approvals: { id: string; sentAt: number }[] = [];
  private pending: QueuedQuestion[] = [];
  private readonly decided = new Set<string>();
  private toDecide: string[] = [];
  private plan: { everyMs: number; gapMs: number; maxDecisions: number; lastAnswerAt: number; random: Random; nextPass: number; nextDecision: number; nextAnswer: number } | undefined;

  /** Makes the hall's event live: already live, or start the scheduled one, or create one and start it. */
  async ensureLive(httpUrl: string, token: string, spaceId: string): Promise<string> {
    const room = this.room!;
    await waitFor(() => room.state.hall?.event !== undefined, 10_000, 'the town hall state');
    const hall = () => room.state.hall;
    let how = `started the scheduled event "${hall().event.title}"`;
    if (hall().event.state === 'live') return `the event "${hall().event.title}" was already live`;
    if (hall().event.state !== 'scheduled') {
      const created = await callApi('createEvent', {
        baseUrl: httpUrl, token,
        body: { spaceId, title: 'Load test town hall', description: 'Created by npm run load -- --scenario townhall.', startsAt: new Date().toISOString(), autoApprove: false },
      });
      await waitFor(() => hall().event.id === created.id, 10_000, 'the new event to show in the hall');
      how = `created and started the event "${created.title}"`;
    }
    room.send(ClientMessage.EventRun, { action: 'start' });
    try {
      await waitFor(() => hall().event.state === 'live', 10_000, 'the event to go live');
    } catch (err) {
      throw new Error(`${err instanceof Error ? err.message : String(err)}; refusals: ${JSON.stringify(sortedCounts(this.refusals))}`);
    }
    this.startedEvent = true;
    return how;
  }

  async endEvent(): Promise<void> {
    const room = this.room;
    if (!room || this.disconnected) return;
    room.send(ClientMessage.EventRun, { action: 'end' });
    await waitFor(() => room.state.hall?.event.state === 'ended', 10_000, 'the event to end').catch(() => undefined);
  }

  /**
   * Starts moderating: every `everyMs` a pass takes up to `maxDecisions` pending questions and
   * decides them one by one, `gapMs` apart (about one in ten dismissed); half-way between passes
   * the most-voted approved question goes on the stage screen, until `lastAnswerAt`.
   */
  startModerating(plan: { t0: number; everyMs: number; gapMs: number; maxDecisions: number; lastAnswerAt: number; random: Random }): void {
    this.plan = { ...plan, nextPass: plan.t0 + plan.everyMs, nextDecision: 0, nextAnswer: plan.t0 + plan.everyMs * 1.5 };
  }

  stopModerating(): void {
    this.plan = undefined;
  }

  /** Called by the driver every 50 ms. */
  step(now: number): void {
    const room = this.room;
    const plan = this.plan;
    if (!room || this.disconnected || !plan) return;
    if (now >= plan.nextPass) {
      plan.nextPass += plan.everyMs;
      this.toDecide = this.pending.filter((q) => !this.decided.has(q.id)).slice(0, plan.maxDecisions).map((q) => q.id);
    }
    if (this.toDecide.length > 0 && now >= plan.nextDecision) {
      plan.nextDecision = now + plan.gapMs;
      const id = this.toDecide.shift()!;
      this.decided.add(id);
      const action = plan.random() < 0.1 ? 'dismiss' : 'approve';
      room.send(ClientMessage.ModerateQuestion, { id, action } satisfies ModerateQuestionMessage);
      if (action === 'approve') {
        this.approvalsSent++;
        this.approvals.push({ id, sentAt: this.clock() });
      }
      else this.dismissalsSent++;
    }
    if (now >= plan.nextAnswer && now < plan.lastAnswerAt) {
      plan.nextAnswer += plan.everyMs;
      this.answerTopQuestion();
    }
  }

  /** Puts the most-voted approved question (the oldest of equals) on the stage screen. */
  private answerTopQuestion(): void {
    const room = this.room!;
    let best: QuestionState | undefined;
    for (const q of room.state.hall?.questions.values() ?? []) {
      if (q.state !== 'approved') continue;
      if (!best || q.votes > best.votes || (q.votes === best.votes && q.approvedAt < best.approvedAt)) best = q;
    }
    if (!best) return;
    const id = best.id;
    this.answers.push({ id, sentAt: this.clock(), ackAt: undefined });
    room.send(ClientMessage.ModerateQuestion, { id, action: 'answer' } satisfies ModerateQuestionMessage);
  }

  protected override onQueue(queue: ModerationQueue): void {
    this.queuesReceived++;
    this.largestQueue = Math.max(this.largestQueue, queue.pending.length);
    this.pending = queue.pending;
  }

  protected override onAck(ack: Ack): void {
    if (ack.ref !== ClientMessage.ModerateQuestion) return;
    const sent = this.answers.find((a) => a.id === ack.id && a.ackAt === undefined);
    if (sent) sent.ackAt = this.clock();
  }
}
