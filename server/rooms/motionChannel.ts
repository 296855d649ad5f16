import type { Avatar } from '../../shared/schema/Avatar.js';
import { buildFrame, MAX_SLOTS, RECORD_BYTES, writeRecord } from '../../shared/protocol/motion.js';
import { cellOf, isFarTurn, isMidTick, midCells, nearCells, publishesPose } from '../domain/interest.js';
import { detachPose, publishPose, type LivePose } from './livePose.js';

interface Entry {
  id: string;
  slot: number;
  avatar: Avatar;
  live: LivePose;
  /** The pose last put into motion frames, and into the room state. */
  sent: LivePose;
  published: LivePose;
  /** Moved since the last mid tick / its last far turn. */
  dirtyMid: boolean;
  dirtyFar: boolean;
  /** The connection we last sent to (a new one, after a join or reconnect, gets everyone). */
  connection: unknown;
  cell: number;
  record: Uint8Array;
  /** The own pose changed this tick (its owner hears of it). */
  selfChanged: boolean;
}

/** Where frames go: the open connections by session id (asked once a tick), and a send. */
export interface MotionPort {
  connections(): ReadonlyMap<string, unknown>;
  send(connection: unknown, frame: Uint8Array): void;
}

const same = (a: LivePose, b: LivePose) => a.x === b.x && a.z === b.z && a.yaw === b.yaw && a.gait === b.gait && a.ack === b.ack;
const movedOrTurned = (a: LivePose, b: LivePose) => a.x !== b.x || a.z !== b.z || a.yaw !== b.yaw || a.gait !== b.gait;

/**
 * The room's motion channel: once per tick, after movement, it sends every client one frame
 * with its own pose (when it changed) and the poses of others by the interest rules
 * (server/domain/interest.ts), and puts poses into the room state when avatars come to rest.
 */
export class MotionChannel {
  private readonly entries = new Map<string, Entry>();
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;
  private tickNo = 0;

  constructor(private readonly port: MotionPort) {}

  /** A new avatar: give it a slot and take its pose out of per-tick patches. */
  add(id: string, avatar: Avatar): void {
    const slot = this.freeSlots.pop() ?? this.nextSlot++;
    if (slot >= MAX_SLOTS) throw new Error('motion channel: no free slot');
    avatar.slot = slot;
    // Everyone already here learns the new avatar's pose from its arrival in the room state.
    const live = detachPose(avatar);
    const record = new Uint8Array(RECORD_BYTES);
    writeRecord(record, 0, slot, live);
    this.entries.set(id, {
      id, slot, avatar, live, sent: { ...live }, published: { ...live },
      dirtyMid: false, dirtyFar: false, connection: undefined, cell: cellOf(live.x, live.z), record, selfChanged: false,
    });
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.freeSlots.push(entry.slot);
  }

  tick(): void {
    const tick = this.tickNo++;
    const mid = isMidTick(tick);
    const nearByCell = new Map<number, Uint8Array[]>();
    const midByCell = new Map<number, Uint8Array[]>();
    const far: Uint8Array[] = [];
    for (const e of this.entries.values()) {
      const { live } = e;
      e.cell = cellOf(live.x, live.z);
      e.selfChanged = !same(live, e.sent);
      if (e.selfChanged) {
        if (movedOrTurned(live, e.sent)) {
          writeRecord(e.record, 0, e.slot, live);
          push(nearByCell, e.cell, e.record);
          e.dirtyMid = true;
          e.dirtyFar = true;
        }
        Object.assign(e.sent, live);
      }
      if (mid && e.dirtyMid) {
        push(midByCell, e.cell, e.record);
        e.dirtyMid = false;
      }
      if (e.dirtyFar && isFarTurn(e.slot, tick)) {
        far.push(e.record);
        e.dirtyFar = false;
      }
      if (publishesPose(live.gait, !same(live, e.published))) {
        publishPose(e.avatar);
        Object.assign(e.published, live);
      }
    }
    const farBytes = concat(far);
    const byCell = new Map<number, Uint8Array>();
    const connections = this.port.connections();
    for (const e of this.entries.values()) {
      const connection = connections.get(e.id);
      if (!connection) {
        e.connection = undefined;
        continue;
      }
      const fresh = connection !== e.connection;
      e.connection = connection;
      const self = fresh || e.selfChanged ? e.live : undefined;
      if (fresh) {
        this.port.send(connection, buildFrame(self, [this.everyone(e)]));
        continue;
      }
      let around = byCell.get(e.cell);
      if (!around) {
        const records = gather(nearByCell, nearCells(e.cell));
        if (mid) records.push(...gather(midByCell, midCells(e.cell)));
        around = concat(records);
        byCell.set(e.cell, around);
      }
      if (!self && around.byteLength === 0 && farBytes.byteLength === 0) continue;
      // The receiver's own record may be among them; its client skips its own slot.
      this.port.send(connection, buildFrame(self, [around, farBytes]));
    }
  }


  /** Everyone's pose but one: the first frame of a new connection. */
  private everyone(except: Entry): Uint8Array {
    const out = new Uint8Array((this.entries.size - 1) * RECORD_BYTES);
    let at = 0;
    for (const other of this.entries.values()) {
      if (other === except) continue;
      writeRecord(out, at, other.slot, other.live);
      at += RECORD_BYTES;
    }
    return out;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function push(map: Map<number, Uint8Array[]>, cell: number, record: Uint8Array): void {
  const list = map.get(cell);
  if (list) list.push(record);
  else map.set(cell, [record]);
}

function gather(map: Map<number, Uint8Array[]>, cells: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const c of cells) {
    const list = map.get(c);
    if (list) for (const r of list) out.push(r);
  }
  return out;
}
