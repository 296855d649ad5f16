import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
import type { Database, EventRow } from './schema.js';

export type EventStateName = 'scheduled' | 'live' | 'ended';

export interface Event {
  id: string;
  spaceId: string;
  title: string;
  description: string;
  state: EventStateName;
  startsAt: string;
  startedAt: string | null;
  endedAt: string | null;
  autoApprove: boolean;
  createdBy: string | null;
  createdAt: string;
  /** The host's closing note for the stage screen; '' for none. */
  thanks: string;
}

export interface NewEvent {
  spaceId: string;
  title: string;
  description: string;
  startsAt: Date;
  autoApprove: boolean;
  createdBy: string | null;
}

export interface EventStore {
  create(event: NewEvent): Promise<Event>;
  get(id: string): Promise<Event | undefined>;
  /** Newest start first. */
  list(filter?: { spaceId?: string; state?: EventStateName }): Promise<Event[]>;
  /** Changes a scheduled event; returns undefined if it is not scheduled (or does not exist). */
  update(id: string, changes: { title?: string; description?: string; startsAt?: Date; autoApprove?: boolean }): Promise<Event | undefined>;
  /**
   * Moves an event along scheduled -> live -> ended. Returns the event if it moved, undefined
   * if it was not in the state the move starts from (the single-step check is this update).
   */
  start(id: string): Promise<Event | undefined>;
  end(id: string): Promise<Event | undefined>;
  /** Sets the closing note of a live or ended event; undefined if it is neither (or does not exist). */
  setThanks(id: string, text: string): Promise<Event | undefined>;
  /** What a town hall shows: its live event, else the next scheduled one, else the last ended. */
  current(spaceId: string): Promise<Event | undefined>;
  /** How many events a space has had (seeding checks for none). */
  count(spaceId: string): Promise<number>;
}

export function toEvent(row: EventRow): Event {
  return {
    id: row.id, spaceId: row.space_id, title: row.title, description: row.description,
    state: row.state as EventStateName, startsAt: row.starts_at, startedAt: row.started_at, endedAt: row.ended_at,
    autoApprove: Boolean(row.auto_approve), createdBy: row.created_by, createdAt: row.created_at, thanks: row.thanks ?? '',
  };
}

export function createEventStore(db: Kysely<Database>, clock: Clock = systemClock): EventStore {
  const get = async (id: string) => {
    const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEvent(row) : undefined;
  };
  const move = async (id: string, from: EventStateName, set: Partial<EventRow>) => {
    const result = await db.updateTable('events').set(set).where('id', '=', id).where('state', '=', from).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? get(id) : undefined;
  };

  return {
    async create(event) {
      const row: EventRow = {
        id: randomUUID(), space_id: event.spaceId, title: event.title, description: event.description,
        state: 'scheduled', starts_at: event.startsAt.toISOString(), started_at: null, ended_at: null,
        auto_approve: event.autoApprove ? 1 : 0, created_by: event.createdBy, created_at: stamp(clock), thanks: '',
      };
      await db.insertInto('events').values(row).execute();
      return toEvent(row);
    },

    get,

    async list(filter = {}) {
      const rows = await db.selectFrom('events').selectAll()
        .$if(filter.spaceId !== undefined, (q) => q.where('space_id', '=', filter.spaceId!))
        .$if(filter.state !== undefined, (q) => q.where('state', '=', filter.state!))
        .orderBy('starts_at', 'desc').orderBy('id').limit(500).execute();
      return rows.map(toEvent);
    },

    async update(id, changes) {
      const set: Partial<EventRow> = {};
      if (changes.title !== undefined) set.title = changes.title;
      if (changes.description !== undefined) set.description = changes.description;
      if (changes.startsAt !== undefined) set.starts_at = changes.startsAt.toISOString();
      if (changes.autoApprove !== undefined) set.auto_approve = changes.autoApprove ? 1 : 0;
      if (Object.keys(set).length === 0) {
        const current = await get(id);
        return current?.state === 'scheduled' ? current : undefined;
      }
      return move(id, 'scheduled', set);
    },

    start: (id) => move(id, 'scheduled', { state: 'live', started_at: stamp(clock) }),
    end: (id) => move(id, 'live', { state: 'ended', ended_at: stamp(clock) }),

    async setThanks(id, text) {
      const result = await db.updateTable('events').set({ thanks: text }).where('id', '=', id).where('state', 'in', ['live', 'ended']).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? get(id) : undefined;
    },

    async current(spaceId) {
      const live = await db.selectFrom('events').selectAll().where('space_id', '=', spaceId).where('state', '=', 'live')
        .orderBy('started_at', 'desc').executeTakeFirst();
      if (live) return toEvent(live);
      const next = await db.selectFrom('events').selectAll().where('space_id', '=', spaceId).where('state', '=', 'scheduled')
        .orderBy('starts_at').orderBy('id').executeTakeFirst();
      if (next) return toEvent(next);
      const last = await db.selectFrom('events').selectAll().where('space_id', '=', spaceId).where('state', '=', 'ended')
        .orderBy('ended_at', 'desc').executeTakeFirst();
      return last ? toEvent(last) : undefined;
    },

    async count(spaceId) {
      const row = await db.selectFrom('events').select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('space_id', '=', spaceId).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
