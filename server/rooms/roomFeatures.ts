import { watchLooks } from '../looks.js';
import { liveBallots } from '../ballots/views.js';
import { BallotRelay } from './ballotRelay.js';
import { ClientMessage, MoveInput, RemoveMessage, ServerMessage } from '../../shared/protocol/messages.js';
import { roomView } from '../domain/consensus.js';
import { allows } from '../../shared/access.js';
import { isNewerAnalysis, type ConsensusAnalysisView } from '../../shared/protocol/consensus.js';
import { ConsensusRelay } from './consensusRelay.js';
import { TeleportMessage, VrPoseMessage } from '../../shared/protocol/vr.js';
import { DraftState } from '../../shared/schema/Draft.js';
import { HallState } from '../../shared/schema/Hall.js';
import { Curation } from './curation.js';
import type { Register } from './hallContext.js';
import { MessageGuard } from './messageGuard.js';
import { RoomPeople } from './roomPeople.js';
import { SectionCounter, SECTIONS_EVERY_MS } from './roomSections.js';
import { STAGE_EVERY_MS, StageRelay } from './roomStage.js';
import { OrderChannel } from './sectionOrders.js';
import type { SpaceRoom } from './SpaceRoom.js';
import { TownHall } from './townHall.js';
import { VrRelay } from './vrRelay.js';

/** The room's features register their messages through the guard with the session id. */
const registerOn = (room: SpaceRoom): Register => (type, schema, invalid, handler) =>
  room.guard.handle(type, schema, invalid, (client, o, m) => handler(client.sessionId, o, m));

/** The guard, showing people out, walking, removal and VR: every space has them. */
export function startCore(room: SpaceRoom): void {
  const { roomDeps: deps, layout } = room;
  const send = (sessionId: string, type: string, payload: unknown) => room.clients.getById(sessionId)?.send(type, payload);
  room.guard = new MessageGuard({
    roomId: room.roomId, spaceId: layout.id, occupants: room.occupants, limits: room.limits, log: deps.log, metrics: deps.metrics,
    onMessage: (type, handler) => room.onMessage(type, handler),
  });
  room.people = new RoomPeople({
    roomId: room.roomId, spaceId: layout.id, occupants: room.occupants, repos: deps.repos, log: deps.log, metrics: deps.metrics,
    client: (id) => room.clients.getById(id), remove: (id, why) => room.remove(id, why),
    announce: (actor, kind) => deps.events.personShownOut(layout.id, actor, kind, room.roomId),
    rolesChanged: (id, o) => room.curation.onRolesChanged(id, o),
  });
  const { guard, people } = room;
  guard.handle(ClientMessage.Input, MoveInput,
    'Movement must be an input intent (seq, forward, strafe, run, yaw) with numbers in range; positions are not accepted.',
    (_client, occupant, input) => room.onInput(occupant, input));
  guard.handle(ClientMessage.Remove, RemoveMessage, 'A removal names the session id of someone in this space.',
    async (client, occupant, message) => {
      // Someone in another section of the event: removed there, and that section's answer told here.
      const elsewhere = room.hall?.removeElsewhere(occupant, message);
      if (!elsewhere) {
        await people.onRemove(client.sessionId, occupant, message);
        return;
      }
      client.send(ServerMessage.Ack, { ref: ClientMessage.Remove, id: message.sessionId, message: await elsewhere });
    });
  const vr = room.vr = new VrRelay({
    layout, occupants: room.occupants, teleports: room.limits.teleport, send,
    holdsStill: (occupant) => room.hall?.holdsStill(occupant) ?? false,
    mayTakeStage: (occupant) => room.hall?.mayTakeStage(occupant) ?? false,
    afterMove: (sessionId, occupant) => room.checkPortal(sessionId, occupant),
  });
  guard.handle(ClientMessage.VrPose, VrPoseMessage,
    'A VR pose is a head and two hands (or null), each a position [x, y, z] and a quaternion [x, y, z, w], relative to your avatar.',
    (_client, occupant, message) => vr.onPose(occupant, message, Date.now()), room.limits.vrPose);
  guard.handle(ClientMessage.Teleport, TeleportMessage, 'A teleport names a floor point {x, z} in metres.',
    (client, occupant, message) => vr.onTeleport(client.sessionId, occupant, message, Date.now()));
  guard.handleUnknown();
  room.cleanups.push(
    deps.events.onAccountChanged((accountId) => void people.refreshAccount(accountId)
      .catch((err: unknown) => deps.log.error({ err }, 'refreshing an account failed'))),
    deps.events.onSessionEnded((sessionId) => people.sessionEnded(sessionId)),
    deps.events.onPersonShownOut((spaceId, actor, kind, fromRoomId) => {
      if (spaceId === layout.id && fromRoomId !== room.roomId) people.shownOutElsewhere(actor, kind, Date.now());
    }),
    watchLooks(room.occupants, deps.events, deps.repos.looks, deps.log),
    ...startConsensus(room),
  );
  startBallots(room);
}

/**
 * Consensus: each new analysis of this space's question goes to everyone here (stored and
 * computed; an older run arriving late from another process is not pushed), and so does each
 * statement added or moderated (ConsensusRelay: the waiting ones to staff only).
 */
function startConsensus(room: SpaceRoom): (() => void)[] {
  const { roomDeps: deps, layout } = room;
  let shown: ConsensusAnalysisView | undefined;
  const relay = new ConsensusRelay({
    consensus: deps.repos.consensus, log: deps.log,
    staff: () => [...room.occupants].filter(([, o]) => allows('consensus.moderate', o.identity, layout.id)).map(([id]) => id),
    send: (sessionId, type, payload) => room.clients.getById(sessionId)?.send(type, payload),
    broadcast: (type, payload) => room.broadcast(type, payload),
  });
  return [
    deps.events.onConsensusAnalysed((spaceId, view) => {
      if (spaceId !== layout.id || !isNewerAnalysis(view, shown)) return;
      shown = view;
      room.broadcast(ServerMessage.Consensus, roomView(view));
    }),
    deps.events.onConsensusStatement((spaceId, conversationId, number) => {
      if (spaceId === layout.id) relay.changed(conversationId, number);
    }),
  ];
}

/** Ballots: everyone in the room hears when one of the space's ballots changes (visitors load them over HTTP on arrival). */
function startBallots(room: SpaceRoom): void {
  const { roomDeps: deps, layout } = room;
  const relay = new BallotRelay({
    load: (now) => liveBallots(deps.repos.ballots, layout.id, now),
    broadcast: (live) => room.broadcast(ServerMessage.Ballots, live),
    log: deps.log,
  });
  relay.start();
  room.cleanups.push(deps.events.onBallotsChanged((spaceId) => {
    if (spaceId === layout.id) relay.changed();
  }), () => relay.dispose());
}

/** Exhibits: the published version every visitor loads, and the draft curators edit live. */
export async function startCuration(room: SpaceRoom): Promise<Curation> {
  const { roomDeps: deps, layout, state } = room;
  state.exhibitsVersion = 0;
  state.draft = new DraftState();
  state.draft.dirty = false;
  state.draft.rev = 0;
  const curation = new Curation({
    layout,
    draft: state.draft,
    setPublishedVersion: (version) => { state.exhibitsVersion = version; },
    client: (sessionId) => room.clients.getById(sessionId),
    occupant: (sessionId) => room.occupants.get(sessionId),
    send: (sessionId, type, payload) => room.clients.getById(sessionId)?.send(type, payload),
  }, { repos: deps.repos, log: deps.log });
  await curation.loadPublished();
  curation.register(registerOn(room));
  room.cleanups.push(deps.events.onExhibitsChanged((spaceId, what) => {
    if (spaceId !== layout.id) return;
    const reload = what === 'published' ? curation.loadPublished() : curation.reloadDraft();
    reload.catch((err: unknown) => deps.log.error({ err }, 'reloading exhibits failed'));
  }));
  return curation;
}

/** In spaces with a stage: the event, seats, questions, the floor mic and moderation; one section of the event. */
export async function startHall(room: SpaceRoom, placed: { section: number; alone: boolean }): Promise<TownHall | undefined> {
  const { roomDeps: deps, layout, state } = room;
  if (!layout.stage) return undefined;
  state.hall = new HallState();
  state.hall.event.state = 'none';
  state.hall.answering = '';
  state.hall.present = 0;
  state.hall.section = placed.section;
  state.hall.sections = 1;
  state.hall.attending = 0;
  state.hall.floorSection = 0;
  state.hall.floor.holder = '';
  state.hall.floor.name = '';
  state.hall.floor.endsAt = 0;
  const hall = new TownHall({
    get roomId() { return room.roomId; },
    layout,
    get hall() { return room.state.hall; },
    occupants: room.occupants,
    figures: () => {
      const at: { x: number; z: number }[] = [];
      room.state.avatars.forEach((a, id) => { if (!room.occupants.has(id)) at.push(a); });
      return at;
    },
    send: (sessionId, type, payload) => room.clients.getById(sessionId)?.send(type, payload),
    broadcast: (type, payload) => room.broadcast(type, payload),
    showOutBanned: (identity) => room.people.sanctioned(identity, 'banned'),
    questionsChanged: (eventId, ids, keys) => deps.events.questionsChanged(eventId, room.roomId, ids, keys),
    eventRun: (eventId) => deps.events.eventRun(layout.id, eventId, room.roomId),
  }, { repos: deps.repos, log: deps.log, flagWords: deps.flagWords, hashAddress: deps.hashAddress, limits: room.limits });
  // Listening before the first read: an event started in another section while this one opens
  // is read again after it (the hall reads and runs its event one at a time), never missed.
  room.cleanups.push(
    deps.events.onEventsChanged((spaceId) => {
      if (spaceId === layout.id) void hall.loadEvent().catch((err: unknown) => deps.log.error({ err }, 'reloading the event failed'));
    }),
    deps.events.onEventRun((spaceId, eventId, fromRoomId) => {
      if (spaceId === layout.id && fromRoomId !== room.roomId) {
        void hall.loadEvent(false, eventId).catch((err: unknown) => deps.log.error({ err }, 'showing the event run elsewhere failed'));
      }
    }),
    // One Q&A for the whole event: what another section changed shows here too.
    deps.events.onQuestionsChanged((eventId, fromRoomId, ids, keys) => {
      if (fromRoomId !== room.roomId) hall.questionsChangedElsewhere(eventId, ids, keys);
    }),
  );
  await hall.load(placed.alone);
  hall.register(registerOn(room));
  const counter = new SectionCounter({ roomId: room.roomId, spaceId: layout.id, view: state.hall, publish: (present) => room.setMetadata({ present }), log: deps.log });
  const counting = room.clock.setInterval(() => void counter.refresh(), SECTIONS_EVERY_MS);
  void counter.refresh();
  // One stage: who stands on this one is told to the other sections, and theirs stand here.
  const stage = new StageRelay({
    roomId: room.roomId, layout, presence: room.presence, occupants: room.occupants, avatars: state.avatars, hall: state.hall,
    floorHere: () => hall.floor.inUse, onReactions: (counts) => hall.reactedElsewhere(counts), crowd: room.crowd, log: deps.log,
  });
  await stage.start();
  // Orders for a person or turn another section holds go there; that section's answer comes back.
  const orders = new OrderChannel({
    roomId: room.roomId, spaceId: layout.id, presence: room.presence, section: () => state.hall.section, log: deps.log,
    carryOut: (order) => (order.action === 'remove' ? room.people.onRemove(`section ${order.from}`, { identity: order.by }, order.message) : hall.onOrder(order)),
  });
  await orders.start();
  hall.connectSections({
    whereIs: (id) => stage.whereIs(id), floorElsewhere: () => stage.floorElsewhere(), floorCalled: (from, section, floor) => stage.floorCalled(from, section, floor),
    tellReactions: (counts) => stage.tellReactions(counts), ask: (order, section) => orders.ask(order, section),
  });
  const telling = room.clock.setInterval(() => {
    try {
      stage.tick(Date.now());
    } catch (err) {
      deps.log.error({ err }, 'telling the other sections failed');
    }
  }, STAGE_EVERY_MS);
  room.cleanups.push(
    () => counting.clear(),
    () => { telling.clear(); stage.dispose(); orders.dispose(); },
  );
  return hall;
}
