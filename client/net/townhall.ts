import { getStateCallbacks, type Room } from 'colyseus.js';
import type { z } from 'zod';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, PlacedMessage, ServerMessage } from '../../shared/protocol/messages.js';
import {
  REACTIONS, type Ack, type AskMessage, type BanList, type BanMessage, type EventRunMessage, type FloorCallMessage, type FloorExtendMessage,
  type EventThanksMessage, type HandMessage, type ModerateQuestionMessage, type ModerationQueue, type MuteMessage, type MyQuestions, type Reaction,
  type ReactionBurst, type SitMessage, type VoteMessage,
} from '../../shared/protocol/townhall.js';
import type { HallState } from '../../shared/schema/Hall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import { noteResult, useHall, type EventPhase, type HallQuestion, type HallView, type QuestionPhase } from '../state/hall.js';
import { placeSelf, setSelfLocked } from '../state/selfMotion.js';
import { world } from '../state/world.js';

/**
 * The town hall side of the connection: mirrors the room's `hall` state into the hall store,
 * receives the messages meant for one person (queue, own questions, answers) and the reaction
 * bursts, and sends the town hall intents. No React; the server decides everything.
 */

let room: Room<SpaceState> | null = null;

/** Intent types whose answers are shown next to the form that sent them, not as a toast. */
const SHOWN_INLINE = new Set<string>([ClientMessage.Ask]);

/** Reactions added up while bursts keep coming closer together than this. */
const REACTION_WINDOW_MS = 3000;

function send(type: ClientMessage, message: object): boolean {
  if (!room?.connection.isOpen) return false;
  room.send(type, message);
  return true;
}

// The intents. Each sends one message; the server checks it against the permissions table
// and its schema, then answers with state, an Ack or an Error.
export function sit(seat: number): void {
  send(ClientMessage.Sit, { seat } satisfies z.input<typeof SitMessage>);
}
export function stand(): void {
  send(ClientMessage.Stand, {});
}
export function ask(message: AskMessage): boolean {
  return send(ClientMessage.Ask, message);
}
export function vote(message: VoteMessage): void {
  send(ClientMessage.Vote, message);
}
export function moderate(message: ModerateQuestionMessage): void {
  send(ClientMessage.ModerateQuestion, message);
}
export function raiseHand(up: boolean): void {
  send(ClientMessage.Hand, { up } satisfies z.input<typeof HandMessage>);
}
export function callToFloor(message: FloorCallMessage): void {
  send(ClientMessage.FloorCall, message);
}
export function endFloorTurn(): void {
  send(ClientMessage.FloorEnd, {});
}
export function extendFloorTurn(seconds: number): void {
  send(ClientMessage.FloorExtend, { seconds } satisfies z.input<typeof FloorExtendMessage>);
}
export function releaseFloor(): void {
  send(ClientMessage.FloorRelease, {});
}
export function runEvent(action: 'start' | 'end'): void {
  send(ClientMessage.EventRun, { action } satisfies z.input<typeof EventRunMessage>);
}
export function thankEveryone(text: string): void {
  send(ClientMessage.EventThanks, { text } satisfies EventThanksMessage);
}
export function goToStage(): void {
  send(ClientMessage.GoToStage, {});
}
export function react(kind: Reaction): void {
  send(ClientMessage.React, { kind });
}
export function mute(message: MuteMessage): void {
  send(ClientMessage.Mute, message);
}
export function ban(message: BanMessage): void {
  send(ClientMessage.Ban, message);
}
export function unban(id: string): void {
  send(ClientMessage.Unban, { id });
}

/**
 * A refusal arrived. Refusals of forms that show their own answer are noted for them (and not
 * toasted); returns true if so.
 */
export function noteRefusal(payload: ErrorPayload): boolean {
  if (!payload.ref) return false;
  noteResult(payload.ref, false, payload.message);
  return SHOWN_INLINE.has(payload.ref);
}

/** Whether we are locked in place: seated, or holding the floor mic. */
export function updateSelfLock(): void {
  setSelfLocked(world.self.seat >= 0 || (world.floorHolder !== '' && world.floorHolder === world.selfId));
}

const PHASES: readonly EventPhase[] = ['none', 'scheduled', 'live', 'ended'];
const QUESTION_PHASES: readonly QuestionPhase[] = ['approved', 'answering', 'answered'];

function eventPhase(s: unknown): EventPhase {
  return (PHASES as readonly unknown[]).includes(s) ? (s as EventPhase) : 'none';
}

/** Schema fields the server has not set yet arrive as undefined. */
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function handsElsewhereOf(hall: HallState): HallView['handsElsewhere'] {
  const hands: HallView['handsElsewhere'] = [];
  hall.handsElsewhere?.forEach((h, id) => hands.push({ id, name: str(h.name), hand: num(h.hand), section: num(h.section) }));
  return hands;
}

/** Copy the room's hall state into the store (plain objects: components never see schema instances). */
function publish(hall: HallState): void {
  const questions: HallQuestion[] = [];
  hall.questions?.forEach((q) => {
    const state = (QUESTION_PHASES as readonly unknown[]).includes(q.state) ? (q.state as QuestionPhase) : 'approved';
    questions.push({ id: str(q.id), text: str(q.text), author: str(q.author), votes: num(q.votes), state, approvedAt: num(q.approvedAt) });
  });
  const e = hall.event;
  const f = hall.floor;
  const speakers = hall.speakers ? Array.from(hall.speakers).filter((id): id is string => typeof id === 'string') : [];
  useHall.setState({
    active: true,
    event: e
      ? {
        id: str(e.id), title: str(e.title), description: str(e.description), state: eventPhase(e.state),
        startsAt: num(e.startsAt), startedAt: num(e.startedAt), endedAt: num(e.endedAt), thanks: str(e.thanks),
      }
      : useHall.getState().event,
    questions,
    answering: str(hall.answering),
    floor: f ? { holder: str(f.holder), name: str(f.name), endsAt: num(f.endsAt) } : { holder: '', name: '', endsAt: 0 },
    speakers,
    present: num(hall.present),
    section: num(hall.section),
    sections: num(hall.sections),
    attending: num(hall.attending),
    handsElsewhere: handsElsewhereOf(hall),
    floorSection: num(hall.floorSection),
  });
  world.speakers = new Set(speakers);
  const holder = str(f?.holder);
  if (holder !== world.floorHolder) {
    world.floorHolder = holder;
    updateSelfLock();
  }
}

function onBurst(burst: ReactionBurst): void {
  const now = performance.now();
  const previous = useHall.getState().reactions;
  const fresh = previous && now - previous.at < REACTION_WINDOW_MS;
  const counts = {} as Record<Reaction, number>;
  for (const kind of REACTIONS) {
    const n = Number(burst.counts?.[kind]) || 0;
    counts[kind] = (fresh ? previous.counts[kind] : 0) + Math.max(0, n);
    for (const id of burst.from?.[kind] ?? []) {
      if (typeof id === 'string' && world.sparks.length < 200) world.sparks.push({ id, kind });
    }
  }
  useHall.setState({ reactions: { counts, at: now } });
}

/**
 * Follow the town hall of a room we just entered (or re-entered). Other spaces may carry an
 * empty hall in their state (the schema creates one); only town halls are followed.
 */
export function watchHall(r: Room<SpaceState>, townhall: boolean): void {
  room = r;
  if (!townhall) return;
  const $ = getStateCallbacks(r);
  let queued = false;
  const mark = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (r === room && r.state.hall) publish(r.state.hall);
    });
  };
  // Nested parts (the event, the floor, the lists) get their own listeners; if the server
  // replaces one, the hall's own change callback notices and listens to the new one.
  const watched = new WeakSet<object>();
  const follow = (hall: HallState) => {
    for (const part of [hall.event, hall.floor]) {
      if (part && !watched.has(part)) {
        watched.add(part);
        $(part).onChange(mark);
      }
    }
    const questions = hall.questions;
    if (questions && !watched.has(questions)) {
      watched.add(questions);
      $(questions).onAdd((q) => {
        $(q).onChange(mark);
        mark();
      });
      $(questions).onRemove(mark);
    }
    const hands = hall.handsElsewhere;
    if (hands && !watched.has(hands)) {
      watched.add(hands);
      $(hands).onAdd((h) => {
        $(h).onChange(mark);
        mark();
      });
      $(hands).onRemove(mark);
    }
    const speakers = hall.speakers;
    if (speakers && !watched.has(speakers)) {
      watched.add(speakers);
      $(speakers).onAdd(mark);
      $(speakers).onRemove(mark);
      $(speakers).onChange(mark);
    }
  };
  $(r.state).listen('hall', (hall) => {
    if (!hall || watched.has(hall)) return;
    watched.add(hall);
    $(hall).onChange(() => {
      follow(hall);
      mark();
    });
    follow(hall);
    mark();
  });

  r.onMessage(ServerMessage.Ack, (ack: Ack) => {
    if (r === room && typeof ack?.ref === 'string' && typeof ack.message === 'string') noteResult(ack.ref, true, ack.message, ack.id);
  });
  r.onMessage(ServerMessage.Queue, (queue: ModerationQueue) => {
    if (r === room && Array.isArray(queue?.pending)) useHall.setState({ queue });
  });
  r.onMessage(ServerMessage.Bans, (list: BanList) => {
    if (r === room && Array.isArray(list?.bans)) useHall.setState({ bans: list.bans });
  });
  r.onMessage(ServerMessage.Mine, (mine: MyQuestions) => {
    if (r === room && Array.isArray(mine?.votes)) useHall.setState({ mine });
  });
  r.onMessage(ServerMessage.Reactions, (burst: ReactionBurst) => {
    if (r === room && burst && typeof burst === 'object') onBurst(burst);
  });
  r.onMessage(ServerMessage.Placed, (message: unknown) => {
    const placed = PlacedMessage.safeParse(message);
    if (r === room && placed.success && world.selfReady) placeSelf(placed.data.x, placed.data.z, placed.data.yaw);
  });
}

/** The room is gone (left, or replaced by another). */
export function unwatchHall(): void {
  room = null;
}
