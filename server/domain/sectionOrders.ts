import { z } from 'zod';
import { Role } from '../../shared/access.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { BanMessage, MuteMessage } from '../../shared/protocol/townhall.js';
import { RemoveMessage } from '../../shared/protocol/messages.js';

/**
 * Orders between the sections of one event (README, "Sections"): a moderator in one section acts
 * on a person or a floor turn another section holds. The order goes to that section, which does
 * it (or refuses) and answers; the moderator is told what that section answered, never a guess.
 * These are the orders, the answers, and the sentences for an answer that never came.
 */

/** The moderator who gave the order, as the section that carries it out checks and records them. */
export const OrderedBy = z.object({
  sessionId: z.string().min(1).max(128),
  kind: z.enum(['guest', 'account']),
  name: z.string().max(120),
  accountId: z.string().max(128).nullable(),
  grants: z.array(z.object({ role: Role, spaceId: z.string().max(64).nullable() })).max(64),
  expiresAt: z.string().max(40),
});
export type OrderedBy = z.infer<typeof OrderedBy>;

const To = z.string().min(1).max(64);
/** The asking section (room id) and the number of the question, so the answer finds its way back. */
const Ask = { to: To, from: To, ask: z.string().min(1).max(64) };

export const SectionOrder = z.discriminatedUnion('action', [
  z.object({ ...Ask, action: z.literal('call'), sessionId: z.string().min(1).max(64), name: z.string().max(60), seconds: z.number().int().min(10).max(900), by: z.string().max(64).nullable() }),
  z.object({ ...Ask, action: z.literal('end') }),
  z.object({ ...Ask, action: z.literal('extend'), seconds: z.number().int().min(-600).max(900) }),
  z.object({ ...Ask, action: z.literal('mute'), by: OrderedBy, message: MuteMessage }),
  z.object({ ...Ask, action: z.literal('ban'), by: OrderedBy, message: BanMessage }),
  z.object({ ...Ask, action: z.literal('remove'), by: OrderedBy, message: RemoveMessage }),
]);
export type SectionOrder = z.infer<typeof SectionOrder>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An order before it is addressed (the channel adds `from` and `ask`). */
export type SectionOrderDraft = DistributiveOmit<SectionOrder, 'from' | 'ask'>;

/** What the section that holds the person or turn answered: done (with the sentence for the moderator), or refused. */
export const OrderAnswer = z.object({
  to: To,
  ask: z.string().min(1).max(64),
  ok: z.boolean(),
  /** Why it was refused (absent when done). */
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]).optional(),
  message: z.string().max(300),
});
export type OrderAnswer = z.infer<typeof OrderAnswer>;

/** How long the asking section waits for an answer before it tells the moderator it has none. */
export const ORDER_ANSWER_MS = 5000;

/** What the moderator is told when the other section never answered (its process may have stopped). */
export function noAnswer(order: SectionOrderDraft, section: number, waitedMs: number): string {
  const where = section > 0 ? `Section ${section}` : 'The other section';
  const seconds = Math.round(waitedMs / 100) / 10;
  const what = order.action === 'call' ? `${order.name || 'that person'} may not have been called`
    : order.action === 'end' || order.action === 'extend' ? 'the turn there may not have changed'
      : 'it may not have been done';
  return `${where} did not answer within ${seconds} s; ${what}. Look at the floor and the people there before trying again.`;
}

/** The refusal a section gives when the person a moderator elsewhere named has left it. */
export function leftSection(name: string, section: number): string {
  return `${name || 'That person'} has left section ${section}.`;
}
