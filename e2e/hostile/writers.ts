import { Client, type Room } from 'colyseus.js';
import { callApi, requestGuestSession } from '../../shared/protocol/apiClient.js';
import { ClientMessage, ServerMessage } from '../../shared/protocol/messages.js';
import type { ErrorPayload } from '../../shared/protocol/errors.js';
import type { Ack, ModerationQueue, MyQuestions } from '../../shared/protocol/townhall.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import type { Random } from '../load/random.js';

/**
 * What the server told the writers had happened: each entry was acknowledged (an `ack`, or for
 * a vote the person's own list naming it) and so must survive a crash. In flight: sent, not
 * yet acknowledged, and so allowed either way.
 */
export interface Acknowledged {
  questions: Map<string, string>;
  /** Question id -> acknowledged votes for it (one per guest). */
  votes: Map<string, number>;
  approvals: Set<string>;
  exhibits: Set<string>;
  /** Exhibit id -> the last acknowledged title, and titles sent after it (in flight). */
  titles: Map<string, { acked: string; later: string[] }>;
  /** Refusals the writers got, by "ref code" (rate limits, conflicts). */
  refusals: Map<string, number>;
}

export function emptyAcknowledged(): Acknowledged {
  return { questions: new Map(), votes: new Map(), approvals: new Set(), exhibits: new Set(), titles: new Map(), refusals: new Map() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const join = (url: string, spaceId: string, token: string) => new Client(url).joinOrCreate<SpaceState>('space', { spaceId, token });

/**
 * Waits for one message of a type matching `pick`; undefined after a refusal (noted, then a
 * pause so a writer never floods) or once the connection ended.
 */
async function next<T>(room: Room, type: string, pick: (m: T) => boolean, gone: Promise<void>, acked: Acknowledged): Promise<T | undefined> {
  let offs: (() => void)[] = [];
  const answer = await new Promise<T | ErrorPayload | undefined>((resolve) => {
    offs = [
      room.onMessage(type, (m: T) => { if (pick(m)) resolve(m); }) as () => void,
      room.onMessage(ServerMessage.Error, (e: ErrorPayload) => resolve(e)) as () => void,
    ];
    void gone.then(() => resolve(undefined));
  });
  for (const off of offs) off();
  if (answer && typeof answer === 'object' && 'code' in answer && type !== ServerMessage.Error) {
    const key = `${answer.ref ?? '-'} ${answer.code}`;
    acked.refusals.set(key, (acked.refusals.get(key) ?? 0) + 1);
    await sleep(250);
    return undefined;
  }
  return answer as T | undefined;
}

/** Resolves when the connection ends; `isGone` tells synchronously. */
function ended(room: Room): Promise<void> & { isGone: () => boolean } {
  let gone = false;
  const p = new Promise<void>((resolve) => room.onLeave(() => { gone = true; resolve(); }));
  return Object.assign(p, { isGone: () => gone });
}

/**
 * The staff account: starts the event if it is not live, approves every pending question as it
 * arrives, and in the exhibition hall creates exhibits and retitles them, one operation at a
 * time, noting what was acknowledged.
 */
export async function runStaff(o: { url: string; http: string; email: string; password: string; acked: Acknowledged; stop: () => boolean; random: Random }): Promise<void> {
  const { token } = await callApi('login', { baseUrl: o.http, body: { email: o.email, password: o.password } });
  const hall = await join(o.url, 'townhall', token);
  const hallGone = ended(hall);
  hall.onMessage('*', () => undefined);
  const deadline = Date.now() + 10_000;
  while (!hall.state.hall?.event && Date.now() < deadline) await sleep(20);
  if (hall.state.hall?.event.state !== 'live') {
    hall.send(ClientMessage.EventRun, { action: 'start' });
    while (hall.state.hall?.event.state !== 'live' && Date.now() < deadline) await sleep(20);
  }
  const moderate = (async () => {
    const queue: string[] = [];
    hall.onMessage(ServerMessage.Queue, (q: ModerationQueue) => { for (const p of q.pending) if (!queue.includes(p.id)) queue.push(p.id); });
    while (!o.stop() && !hallGone.isGone()) {
      const id = queue.shift();
      if (!id) { await sleep(20); continue; }
      hall.send(ClientMessage.ModerateQuestion, { id, action: 'approve' });
      const ack = await next<Ack>(hall, ServerMessage.Ack, (a) => a.ref === ClientMessage.ModerateQuestion && a.id === id, hallGone, o.acked);
      if (ack) o.acked.approvals.add(id);
    }
  })();
  const curate = (async () => {
    const ex = await join(o.url, 'hall-1', token);
    const gone = ended(ex);
    ex.onMessage('*', () => undefined);
    ex.send(ClientMessage.EditMode, { on: true });
    if (!await next<Ack>(ex, ServerMessage.Ack, (a) => a.ref === ClientMessage.EditMode, gone, o.acked)) return;
    const mine: string[] = [];
    let n = 0;
    while (!o.stop() && !gone.isGone()) {
      n++;
      if (mine.length < 3 || o.random() < 0.3) {
        const title = `Crash exhibit ${n}`;
        ex.send(ClientMessage.ExhibitCreate, { kind: 'panel', title, transform: { x: -6 + o.random() * 12, y: 0, z: -4 + o.random() * 8, rx: 0, ry: 0, rz: 0, scale: 1 } });
        const ack = await next<Ack>(ex, ServerMessage.Ack, (a) => a.ref === ClientMessage.ExhibitCreate, gone, o.acked);
        if (!ack?.id) continue;
        o.acked.exhibits.add(ack.id);
        mine.push(ack.id);
        o.acked.titles.set(ack.id, { acked: title, later: [] });
      } else {
        const id = mine[Math.floor(o.random() * mine.length)]!;
        const title = `Retitled ${n}`;
        const record = o.acked.titles.get(id)!;
        record.later.push(title);
        ex.send(ClientMessage.ExhibitUpdate, { id, text: { title } });
        const ack = await next<Ack>(ex, ServerMessage.Ack, (a) => a.ref === ClientMessage.ExhibitUpdate && a.id === id, gone, o.acked);
        if (ack) o.acked.titles.set(id, { acked: title, later: [] });
      }
    }
  })();
  await Promise.all([moderate, curate]);
}

/** A guest: asks its three questions, then votes for approved questions one at a time. */
export async function runGuest(o: { url: string; http: string; name: string; acked: Acknowledged; stop: () => boolean; random: Random }): Promise<void> {
  const { token } = await requestGuestSession(o.http, o.name);
  const room = await join(o.url, 'townhall', token);
  const gone = ended(room);
  room.onMessage('*', () => undefined);
  // Questions are taken while the event is live (the staff account starts it).
  while (room.state.hall?.event.state !== 'live' && !o.stop() && !gone.isGone()) await sleep(20);
  for (let i = 0; i < 3 && !o.stop() && !gone.isGone(); i++) {
    const text = `${o.name} asks question ${i + 1} (${Math.floor(o.random() * 1e9)})?`;
    room.send(ClientMessage.Ask, { text, anonymous: false });
    const ack = await next<Ack>(room, ServerMessage.Ack, (a) => a.ref === ClientMessage.Ask, gone, o.acked);
    if (ack?.id) o.acked.questions.set(ack.id, text);
  }
  const voted = new Set<string>();
  while (!o.stop() && !gone.isGone()) {
    const open = [...(room.state.hall?.questions.values() ?? [])].filter((q) => !voted.has(q.id));
    if (open.length === 0) { await sleep(30); continue; }
    const id = open[Math.floor(o.random() * open.length)]!.id;
    voted.add(id);
    room.send(ClientMessage.Vote, { id, up: true });
    const mine = await next<MyQuestions>(room, ServerMessage.Mine, (m) => m.votes.includes(id), gone, o.acked);
    if (mine) o.acked.votes.set(id, (o.acked.votes.get(id) ?? 0) + 1);
    await sleep(o.random() * 200);
  }
}
