import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, stamp, systemClock } from './clock.js';
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
}

export interface FloorTurnStore {
  start(turn: { eventId: string; holderKey: string; holderName: string; calledBy: string | null }): Promise<FloorTurn>;
  /** Closes a turn with how long it lasted; false if it was already closed. */
  end(id: string): Promise<boolean>;
  listForEvent(eventId: string): Promise<FloorTurn[]>;
  /** Turns left open by a crash or restart: closed at their start (no speaking time is invented). */
  closeDangling(eventId: string): Promise<number>;
}

function toTurn(row: FloorTurnRow): FloorTurn {
  return {
    id: row.id, eventId: row.event_id, holderKey: row.holder_key, holderName: row.holder_name, calledBy: row.called_by,
    startedAt: row.started_at, endedAt: row.ended_at, seconds: row.seconds === null ? null : Number(row.seconds),
  };
}

/** Floor-microphone turns: the equal-time report is the sum of their seconds per person. */
export function createFloorTurnStore(db: Kysely<Database>, clock: Clock = systemClock): FloorTurnStore {
  return {
    async start(turn) {
      const row: FloorTurnRow = {
        id: randomUUID(), event_id: turn.eventId, holder_key: turn.holderKey, holder_name: turn.holderName,
        called_by: turn.calledBy, started_at: stamp(clock), ended_at: null, seconds: null,
      };
      await db.insertInto('floor_turns').values(row).execute();
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

    async closeDangling(eventId) {
      const open = await db.selectFrom('floor_turns').select(['id', 'started_at']).where('event_id', '=', eventId).where('ended_at', 'is', null).execute();
      for (const turn of open) {
        await db.updateTable('floor_turns').set({ ended_at: turn.started_at, seconds: 0 }).where('id', '=', turn.id).execute();
      }
      return open.length;
    },
  };
}
