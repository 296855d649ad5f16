import type { EventRecord, EventView } from '../../../shared/protocol/api.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import { equalTime, recordQuestions, recordToCsv } from '../../domain/record.js';
import type { Event } from '../../store/events.js';
import { actorOf } from '../../auth/sessions.js';
import { ApiError, type Handlers } from '../api.js';
import { type HandlerDeps, signedIn } from './deps.js';

/** Events in town halls: scheduling (hosts, moderators, admins of the space) and the open record. */
export function eventHandlers(deps: HandlerDeps): Pick<Handlers, 'listEvents' | 'createEvent' | 'getEvent' | 'updateEvent' | 'eventRecord' | 'eventRecordCsv'> {
  const { repos } = deps;

  async function found(id: string): Promise<Event> {
    const event = await repos.events.get(id);
    if (!event) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such event.');
    return event;
  }

  async function record(id: string): Promise<EventRecord> {
    const event = await found(id);
    const [questions, turns] = await Promise.all([repos.questions.listForEvent(id), repos.floorTurns.listForEvent(id)]);
    const closed = turns.filter((t) => t.endedAt !== null);
    return {
      event: view(event),
      ...recordQuestions(questions),
      floorTurns: turns.map((t) => ({ name: t.holderName, startedAt: t.startedAt, endedAt: t.endedAt, seconds: t.seconds ?? 0 })),
      equalTime: equalTime(closed),
    };
  }

  return {
    async listEvents({ query, res }) {
      res.set('Cache-Control', 'no-cache');
      const [events, present] = await Promise.all([
        repos.events.list({ spaceId: query.spaceId, state: query.state }),
        deps.occupancy?.() ?? Promise.resolve<Record<string, number>>({}),
      ]);
      return { events: events.map(view), present };
    },

    async createEvent({ body, identity }) {
      const actor = signedIn(identity);
      const space = await repos.spaces.get(body.spaceId);
      if (!space) throw new ApiError(404, ErrorCode.NOT_FOUND, `There is no space "${body.spaceId}".`);
      if (!space.stage) throw new ApiError(400, ErrorCode.INVALID_INPUT, 'Events happen in a town hall (a space with a stage).');
      const event = await repos.transaction(async (r) => {
        const created = await r.events.create({
          spaceId: body.spaceId, title: body.title, description: body.description,
          startsAt: new Date(body.startsAt), autoApprove: body.autoApprove, createdBy: actor.accountId,
        });
        await r.audit.append({ actorId: actorOf(actor), action: 'event.create', targetType: 'event', targetId: created.id, detail: { spaceId: body.spaceId, title: body.title } });
        return created;
      });
      deps.events.eventsChanged(body.spaceId);
      return view(event);
    },

    async getEvent({ params, res }) {
      res.set('Cache-Control', 'no-cache');
      return view(await found(params.id));
    },

    async updateEvent({ params, body, identity }) {
      const actor = signedIn(identity);
      const before = await found(params.id);
      if (before.state !== 'scheduled') throw new ApiError(409, ErrorCode.CONFLICT, `The event is ${before.state}; only a scheduled event can be changed.`);
      const event = await repos.transaction(async (r) => {
        const updated = await r.events.update(params.id, { ...body, startsAt: body.startsAt ? new Date(body.startsAt) : undefined });
        if (!updated) throw new ApiError(409, ErrorCode.CONFLICT, 'The event started meanwhile; it can no longer be changed.');
        await r.audit.append({ actorId: actorOf(actor), action: 'event.update', targetType: 'event', targetId: params.id, detail: body });
        return updated;
      });
      deps.events.eventsChanged(event.spaceId);
      return view(event);
    },

    async eventRecord({ params, res }) {
      res.set('Cache-Control', 'no-cache');
      return record(params.id);
    },

    async eventRecordCsv({ params, res }) {
      const full = await record(params.id);
      res.set('Cache-Control', 'no-cache');
      res.type('text/csv; charset=utf-8');
      res.attachment(`event-${params.id}.csv`);
      return recordToCsv(full);
    },
  };
}

function view(e: Event): EventView {
  return {
    id: e.id, spaceId: e.spaceId, title: e.title, description: e.description, state: e.state,
    startsAt: e.startsAt, startedAt: e.startedAt, endedAt: e.endedAt, autoApprove: e.autoApprove,
    createdBy: e.createdBy, createdAt: e.createdAt,
  };
}
