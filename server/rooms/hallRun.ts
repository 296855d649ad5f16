import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import { EventRunMessage, EventThanksMessage } from '../../shared/protocol/townhall.js';
import { actorOf } from '../auth/sessions.js';
import { checkThanks, closingSteps, thanksAck } from '../domain/eventEnd.js';
import { showEvent, type HallContext, type Register } from './hallContext.js';
import type { HallFloor } from './hallFloor.js';
import { Refusal, type Occupant } from './occupant.js';
import type { Serial } from './serial.js';

/**
 * Running the event: starting and ending it (the rules: server/domain/eventEnd.ts) and the host's
 * closing note. Each is committed with its audit row first; then this section shows it, and the
 * event's other sections are told (they show it too, and an end closes their floor and hands).
 * Each runs in the hall's event queue (`ops`), so a re-read of the event started before the commit
 * cannot put the old state back on show after it.
 */
export class HallRun {
  constructor(private readonly ctx: HallContext, private readonly floor: HallFloor, private readonly ops: Serial, private readonly reload: () => Promise<void>) {}

  register(on: Register): void {
    on(ClientMessage.EventRun, EventRunMessage, 'Running the event is {action: start|end}.', (id, who, m) => this.ops.run(() => this.run(id, who, m.action)));
    on(ClientMessage.EventThanks, EventThanksMessage, 'A closing note is {text} (at most 200 characters).', (id, who, m) => this.ops.run(() => this.thank(id, who, m.text)));
  }

  private async run(sessionId: string, who: Occupant, action: 'start' | 'end'): Promise<void> {
    // The hall keeps showing an event after it ends; starting means the next scheduled one.
    if (action === 'start' && this.ctx.event?.state === 'ended') await this.reload();
    const event = this.ctx.event;
    if (!event) throw new Refusal(ErrorCode.CONFLICT, 'There is no event here; schedule one first.');
    const { repos } = this.ctx.deps;
    const actorId = actorOf(who.identity);
    // Ending closes the floor, then every hand (server/domain/eventEnd.ts); questions close with the state.
    if (action === 'end' && closingSteps(this.ctx.floor !== null, []).endTurn) await this.floor.endTurn('the event ended');
    const moved = await repos.transaction(async (r) => {
      const result = action === 'start' ? await r.events.start(event.id) : await r.events.end(event.id);
      if (!result) return undefined;
      await r.audit.append({ actorId, action: `event.${action}`, targetType: 'event', targetId: event.id });
      return result;
    });
    if (!moved) {
      throw new Refusal(ErrorCode.CONFLICT, action === 'start'
        ? `The event is ${event.state === 'live' ? 'already live' : 'over'}.`
        : 'The event is not live.');
    }
    this.ctx.event = moved;
    showEvent(this.ctx.host.hall.event, moved);
    if (moved.state === 'ended') await this.closeHere();
    this.ctx.host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.EventRun, id: event.id, message: action === 'start' ? 'The event is live.' : 'The event has ended.' });
    // The event's other sections (on any process) show it too.
    this.ctx.host.eventRun(moved.id);
  }

  /** The event has ended: this section's floor turn ends and every hand here goes down. */
  async closeHere(): Promise<void> {
    if (closingSteps(this.ctx.floor !== null, []).endTurn) await this.floor.endTurn('the event ended');
    // From here on no hand goes up (handsOpen), so the ones up now are the last to lower.
    const hands = [...this.ctx.host.occupants].map(([id, o]) => [id, o.avatar.hand] as const);
    for (const id of closingSteps(false, hands).lowerHands) this.ctx.host.occupants.get(id)!.avatar.hand = 0;
  }

  /** The host's closing note: committed with its audit row, then on the stage screen. */
  private async thank(sessionId: string, who: Occupant, text: string): Promise<void> {
    const event = this.ctx.event;
    checkThanks(event);
    const updated = await this.ctx.deps.repos.transaction(async (r) => {
      const result = await r.events.setThanks(event!.id, text);
      if (result) await r.audit.append({ actorId: actorOf(who.identity), action: 'event.thanks', targetType: 'event', targetId: event!.id, detail: { text } });
      return result;
    });
    if (!updated) throw new Refusal(ErrorCode.CONFLICT, 'The event changed meanwhile; look again.');
    this.ctx.event = updated;
    showEvent(this.ctx.host.hall.event, updated);
    this.ctx.host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.EventThanks, id: updated.id, message: thanksAck(updated.thanks, updated.state) });
    this.ctx.host.eventRun(updated.id);
  }
}
