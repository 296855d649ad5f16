import { ErrorCode } from '../../shared/protocol/errors.js';
import { ClientMessage, ServerMessage, type PlacedMessage } from '../../shared/protocol/messages.js';
import { GoToStageMessage } from '../../shared/protocol/townhall.js';
import { stageAt, type Point } from '../../shared/spaces/collision.js';
import { stageSpot } from '../domain/stageSpot.js';
import type { HallContext, Register } from './hallContext.js';
import { Refusal, type Occupant } from './occupant.js';

/**
 * "Go to the stage" for those who may run the event: the server picks the spot (behind the
 * lectern, or beside whoever is there already; server/domain/stageSpot.ts), leaves any seat,
 * turns them to the audience, and tells their page so its view turns with them.
 */
export class HallStage {
  constructor(private readonly ctx: HallContext) {}

  register(on: Register): void {
    on(ClientMessage.GoToStage, GoToStageMessage, 'Going to the stage takes no fields.', (id, who) => this.goToStage(id, who));
  }

  private goToStage(sessionId: string, who: Occupant): void {
    if (who.atMic) throw new Refusal(ErrorCode.CONFLICT, 'You are at the floor microphone until your turn ends.');
    const { host } = this.ctx;
    const others: Point[] = [];
    for (const [id, o] of host.occupants) {
      if (id !== sessionId && o.avatar.connected && stageAt(host.layout, o.avatar.x, o.avatar.z)) others.push(o.avatar);
    }
    // And the figures of those on the stage in the event's other sections: nobody stands inside one.
    for (const f of host.figures()) if (stageAt(host.layout, f.x, f.z)) others.push(f);
    const spot = stageSpot(host.layout, others);
    if (!spot) throw new Refusal(ErrorCode.CONFLICT, 'There is no room left on the stage.');
    this.ctx.seats.vacate(who.avatar);
    who.intents.clear();
    who.avatar.x = spot.x;
    who.avatar.z = spot.z;
    who.avatar.yaw = spot.yaw;
    who.avatar.gait = 0;
    host.send(sessionId, ServerMessage.Placed, spot satisfies PlacedMessage);
    host.send(sessionId, ServerMessage.Ack, { ref: ClientMessage.GoToStage, id: sessionId, message: 'You are on the stage.' });
  }
}
