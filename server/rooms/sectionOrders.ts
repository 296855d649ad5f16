import type { Presence } from '@colyseus/core';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from '../domain/refusal.js';
import {
  noAnswer, ORDER_ANSWER_MS, OrderAnswer, SectionOrder, type SectionOrderDraft,
} from '../domain/sectionOrders.js';
import type { Logger } from '../log.js';
import { StoreError, unavailableStore } from '../store/errors.js';
import { SectionChannels } from './sectionChannels.js';

/** The channels one space's sections use for orders and their answers (Colyseus presence: in memory, or Redis). */
const orderTopic = (spaceId: string): string => `hustings:floor:${spaceId}`;
const answerTopic = (spaceId: string): string => `hustings:floor-answers:${spaceId}`;

export interface OrderParts {
  roomId: string;
  spaceId: string;
  presence: Presence;
  /** This section's number (for the sentences of its answers). */
  section(): number;
  /** Does what another section ordered here; resolves with the sentence for the moderator, or throws a Refusal. */
  carryOut(order: SectionOrder): Promise<string>;
  log: Pick<Logger, 'error' | 'warn'>;
  /** How long an order waits for its answer (ORDER_ANSWER_MS; shorter in tests). */
  answerWithinMs?: number;
}

/**
 * Orders from a moderator in one section to the section that holds the person or the turn
 * (server/domain/sectionOrders.ts), and that section's answer back: the moderator is told what
 * happened there (done, or refused with its code and sentence), or, when no answer comes within
 * ORDER_ANSWER_MS, that none came. Handlers are guarded: with in-memory presence they run inside
 * the sender's publish, and what arrives comes from other processes.
 */
export class OrderChannel {
  private readonly waiting = new Map<string, { done(answer: OrderAnswer): void; timer: NodeJS.Timeout }>();
  private asked = 0;
  private readonly channels: SectionChannels;

  constructor(private readonly parts: OrderParts) {
    this.channels = new SectionChannels(parts.presence, parts.log, [
      { topic: orderTopic(parts.spaceId), what: 'a floor order', handle: (data) => this.onOrder(data) },
      { topic: answerTopic(parts.spaceId), what: 'an answer', handle: (data) => this.onAnswer(data) },
    ]);
  }

  start(): Promise<void> {
    return this.channels.start();
  }

  /**
   * Sends an order to the section (room id `order.to`, number `section`) and waits for its answer:
   * resolves with the sentence for the moderator, or rejects with that section's refusal (or
   * UNAVAILABLE when it never answered).
   */
  ask(order: SectionOrderDraft, section: number): Promise<string> {
    const ask = `${this.parts.roomId}:${++this.asked}`;
    const waitMs = this.parts.answerWithinMs ?? ORDER_ANSWER_MS;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ask);
        reject(new Refusal(ErrorCode.UNAVAILABLE, noAnswer(order, section, waitMs)));
      }, waitMs);
      this.waiting.set(ask, {
        timer,
        done: (answer) => (answer.ok ? resolve(answer.message) : reject(new Refusal(answer.code ?? ErrorCode.INTERNAL, answer.message))),
      });
      this.publish(orderTopic(this.parts.spaceId), { ...order, from: this.parts.roomId, ask });
    });
  }

  dispose(): void {
    this.channels.stop();
    for (const [ask, w] of this.waiting) {
      clearTimeout(w.timer);
      w.done({ to: this.parts.roomId, ask, ok: false, code: ErrorCode.UNAVAILABLE, message: 'This section closed before the other one answered.' });
    }
    this.waiting.clear();
  }

  private onOrder(data: unknown): void {
    const parsed = SectionOrder.safeParse(data);
    if (!parsed.success || parsed.data.to !== this.parts.roomId) return;
    const order = parsed.data;
    const reply = (answer: Omit<OrderAnswer, 'to' | 'ask'>) => this.publish(answerTopic(this.parts.spaceId), { ...answer, to: order.from, ask: order.ask });
    void Promise.resolve()
      .then(() => this.parts.carryOut(order))
      .then((message) => reply({ ok: true, message }), (err: unknown) => reply(this.refusalOf(err, order)));
  }

  private onAnswer(data: unknown): void {
    const parsed = OrderAnswer.safeParse(data);
    if (!parsed.success || parsed.data.to !== this.parts.roomId) return;
    const w = this.waiting.get(parsed.data.ask);
    if (!w) return;
    this.waiting.delete(parsed.data.ask);
    clearTimeout(w.timer);
    w.done(parsed.data);
  }

  /** A refusal as it is told back: its own code and sentence; anything else, a sentence that says where it failed. */
  private refusalOf(err: unknown, order: SectionOrder): Omit<OrderAnswer, 'to' | 'ask'> {
    if (err instanceof Refusal || err instanceof StoreError) return { ok: false, code: err.code, message: err.message };
    const unavailable = unavailableStore(err);
    if (unavailable) return { ok: false, code: ErrorCode.UNAVAILABLE, message: unavailable.message };
    this.parts.log.error({ err, action: order.action }, 'an order from another section failed');
    return { ok: false, code: ErrorCode.INTERNAL, message: `Something went wrong in section ${this.parts.section()}; look at the floor and the people there before trying again.` };
  }

  private publish(topic: string, data: unknown): void {
    void Promise.resolve(this.parts.presence.publish(topic, data)).catch((err: unknown) => this.parts.log.error({ err, topic }, 'telling the other sections failed'));
  }
}
