import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { type Clock, stamp, systemClock } from './clock.js';
import { isUniqueViolation, StoreError } from './errors.js';
import type { Database, FloorTurnRow } from './schema.js';

export interface FloorTurn {
  id: string;
  eventId: string;
  holderKey: string;
  holderName: string;
  calledBy: string | null;
  startedAt: string;
  endedAt: string | null;
  seconds: number | null;
  /** The event's section that ran it (0: a hall without sections; null: written before migration 0014). */
  section: number | null;
}

export interface FloorTurnStore {
  /**
   * Writes a turn. One turn per event is open at a time (a partial unique index, migration 0014):
   * while another is open, a StoreError CONFLICT says who has the floor, and in which section.
   */
  start(turn: { eventId: string; holderKey: string; holderName: string; calledBy: string | null; section?: number }): Promise<FloorTurn>;
  /** Closes a turn with how long it lasted; false if it was already closed. */
  end(id: string): Promise<boolean>;
  listForEvent(eventId: string): Promise<FloorTurn[]>;
  /** The event's open turn, if any (at most one: migration 0014). */
  open(eventId: string): Promise<FloorTurn | undefined>;
  /** Turns left open by a crash or restart: closed at their start (no speaking time is invented). */
  closeDangling(eventId: string): Promise<number>;
}

function toTurn(row: FloorTurnRow): FloorTurn {
  return {
    id: row.id, eventId: row.event_id, holderKey: row.holder_key, holderName: row.holder_name, calledBy: row.called_by,
    startedAt: row.started_at, endedAt: row.ended_at, seconds: row.seconds === null ? null : Number(row.seconds),
    section: row.section === null ? null : Number(row.section),
  };
}

/** The refusal while another turn of the event is open: who has the floor, and where if sections run. */
export function floorTakenMessage(name: string | undefined, section: number | null): string {
  const who = name || 'Someone';
  return section ? `${who} has the floor in section ${section}; end their turn first.` : `${who} has the floor; end their turn first.`;
}

/** Floor-microphone turns: the equal-time report is the sum of their seconds per person. */
export function createFloorTurnStore(db: Kysely<Database>, clock: Clock = systemClock): FloorTurnStore {
  return {
    async start(turn) {
      const row: FloorTurnRow = {
        id: randomUUID(), event_id: turn.eventId, holder_key: turn.holderKey, holder_name: turn.holderName,
        called_by: turn.calledBy, started_at: stamp(clock), ended_at: null, seconds: null, section: turn.section ?? 0,
      };
      try {
        await db.insertInto('floor_turns').values(row).execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const open = await db.selectFrom('floor_turns').select(['holder_name', 'section']).where('event_id', '=', turn.eventId).where('ended_at', 'is', null).executeTakeFirst();
        throw new StoreError(ErrorCode.CONFLICT, floorTakenMessage(open?.holder_name, open?.section ?? null), { cause: error });
      }
      return toTurn(row);
    },

    async end(id) {
      const row = await db.selectFrom('floor_turns').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || row.ended_at !== null) return false;
      const now = clock();
      const seconds = Math.max(0, (now.getTime() - Date.parse(row.started_at)) / 1000);
      const result = await db.updateTable('floor_turns').set({ ended_at: now.toISOString(), seconds: Math.round(seconds * 10) / 10 })
        .where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async listForEvent(eventId) {
      const rows = await db.selectFrom('floor_turns').selectAll().where('event_id', '=', eventId).orderBy('started_at').orderBy('id').execute();
      return rows.map(toTurn);
    },

    async open(eventId) {
      const row = await db.selectFrom('floor_turns').selectAll().where('event_id', '=', eventId).where('ended_at', 'is', null).executeTakeFirst();
      return row && toTurn(row);
    },

    async closeDangling(eventId) {
      const open = await db.selectFrom('floor_turns').select(['id', 'started_at']).where('event_id', '=', eventId).where('ended_at', 'is', null).execute();
      for (const turn of open) {
        await db.updateTable('floor_turns').set({ ended_at: turn.started_at, seconds: 0 }).where('id', '=', turn.id).execute();
      }
      return open.length;
    },
  };
}
