/**
 * Motion frames: how avatars' poses travel, outside the room state, as compact bytes sent
 * through the Colyseus room (`client.sendBytes(MOTION_MESSAGE, frame)`), at a rate that depends
 * on how near they are (server/domain/interest.ts). The room state still carries who is there
 * (name, badge, seat, hand, slot) and each avatar's pose when it last came to rest.
 *
 * A frame: one flags byte; if bit 0 is set, the receiver's own avatar (17 bytes: ack uint32,
 * x, z, yaw float32, gait uint8: exact, for prediction and reconciliation); then any number of
 * 7-byte records of other avatars: uint16 slot | gait << 14, int16 x and z in POSITION_STEP_M
 * steps, uint8 yaw in 1/256 turns. Little-endian throughout.
 */
export const MOTION_MESSAGE = 'mo';
export const POSITION_STEP_M = 0.02;
export const SELF_BYTES = 17;
export const RECORD_BYTES = 7;
/** Slots are 14 bits; the top two bits of the first word carry the gait. */
export const MAX_SLOTS = 1 << 14;
const FLAG_SELF = 1;
const TURN = Math.PI * 2;
const LIMIT = 32767;

export interface MotionPose { x: number; z: number; yaw: number; gait: number }
export interface SelfPose extends MotionPose { ack: number }

function quantise(v: number): number {
  return Math.max(-LIMIT, Math.min(LIMIT, Math.round(v / POSITION_STEP_M)));
}

function yawByte(yaw: number): number {
  return Math.round(((yaw % TURN) + TURN) % TURN / TURN * 256) & 255;
}

/** Writes one other avatar's record at `offset` (RECORD_BYTES long). */
export function writeRecord(out: Uint8Array, offset: number, slot: number, pose: MotionPose): void {
  // Byte by byte: a DataView per record costs more than the record (a thousand a tick).
  const word = (slot & (MAX_SLOTS - 1)) | ((pose.gait & 3) << 14);
  const x = quantise(pose.x) & 0xffff;
  const z = quantise(pose.z) & 0xffff;
  out[offset] = word & 255;
  out[offset + 1] = word >>> 8;
  out[offset + 2] = x & 255;
  out[offset + 3] = x >>> 8;
  out[offset + 4] = z & 255;
  out[offset + 5] = z >>> 8;
  out[offset + 6] = yawByte(pose.yaw);
}

/** A whole frame: the receiver's own pose (or none) and already written records. */
export function buildFrame(self: SelfPose | undefined, records: readonly Uint8Array[]): Uint8Array {
  let length = 1 + (self ? SELF_BYTES : 0);
  for (const r of records) length += r.byteLength;
  const out = new Uint8Array(length);
  let at = 1;
  if (self) {
    const view = new DataView(out.buffer);
    out[0] = FLAG_SELF;
    view.setUint32(1, self.ack >>> 0, true);
    view.setFloat32(5, self.x, true);
    view.setFloat32(9, self.z, true);
    view.setFloat32(13, self.yaw, true);
    view.setUint8(17, self.gait);
    at += SELF_BYTES;
  }
  for (const r of records) {
    out.set(r, at);
    at += r.byteLength;
  }
  return out;
}

/**
 * Reads a frame; calls `self` for the own avatar and `other` for each record. Returns false
 * (having called nothing more) if the bytes are not a whole frame.
 */
export function readFrame(bytes: Uint8Array, self: (pose: SelfPose) => void, other: (slot: number, pose: MotionPose) => void): boolean {
  if (bytes.byteLength < 1) return false;
  const hasSelf = (bytes[0]! & FLAG_SELF) !== 0;
  const start = 1 + (hasSelf ? SELF_BYTES : 0);
  if (bytes.byteLength < start || (bytes.byteLength - start) % RECORD_BYTES !== 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (hasSelf) {
    self({ ack: view.getUint32(1, true), x: view.getFloat32(5, true), z: view.getFloat32(9, true), yaw: view.getFloat32(13, true), gait: view.getUint8(17) });
  }
  for (let at = start; at < bytes.byteLength; at += RECORD_BYTES) {
    const word = view.getUint16(at, true);
    const yaw = view.getUint8(at + 6) / 256 * TURN;
    other(word & (MAX_SLOTS - 1), {
      gait: word >> 14,
      x: view.getInt16(at + 2, true) * POSITION_STEP_M,
      z: view.getInt16(at + 4, true) * POSITION_STEP_M,
      yaw: yaw > Math.PI ? yaw - TURN : yaw,
    });
  }
  return true;
}
