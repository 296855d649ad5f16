/**
 * Hearing in a space: how a voice fades with distance, and which voices a listener subscribes
 * to. Pure rules shared by the browser (client/voice) and the load bots, so a crowd of
 * hundreds costs each listener a handful of streams.
 */
export const HEARING = {
  /** A voice is subscribed when it comes within this many metres... */
  enterRange: 16,
  /** ...and kept until it is beyond this, so walking at the edge does not flap. */
  leaveRange: 20,
  /** At most this many nearby voices per listener; the stage's voices come on top. */
  maxVoices: 16,
  /** A voice already subscribed counts as this much nearer when the cap forces a choice. */
  keepBonus: 2,
  /** WebAudio PannerNode, inverse distance: full level within refDistance. */
  refDistance: 1.5,
  rolloffFactor: 1,
  /** Past this distance an extra gain fades the voice linearly to silence at leaveRange. */
  fadeStart: 14,
  /** Ears above the floor (the listener) and mouths (voices), in metres. */
  headHeight: 1.6,
} as const;

export interface HeardVoice {
  /** The speaker's LiveKit identity (their avatar's session id). */
  id: string;
  x: number;
  z: number;
  /** On the stage or at the floor mic: heard by everyone, whatever the distance. */
  stage: boolean;
}

/**
 * The voices to subscribe to now: every stage voice, and the nearest others within range (a
 * voice already subscribed stays until it passes `leaveRange`), at most `maxVoices` of them.
 */
export function chooseVoices(listener: { x: number; z: number }, voices: readonly HeardVoice[], current: ReadonlySet<string>): Set<string> {
  const chosen = new Set<string>();
  const near: { id: string; rank: number }[] = [];
  for (const v of voices) {
    if (v.stage) {
      chosen.add(v.id);
      continue;
    }
    const d = Math.hypot(v.x - listener.x, v.z - listener.z);
    const kept = current.has(v.id);
    if (d <= HEARING.enterRange || (kept && d <= HEARING.leaveRange)) near.push({ id: v.id, rank: kept ? d - HEARING.keepBonus : d });
  }
  near.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
  for (const n of near.slice(0, HEARING.maxVoices)) chosen.add(n.id);
  return chosen;
}

/**
 * The level a nearby voice is heard at, from 1 (within refDistance) to 0 (at leaveRange): the
 * PannerNode's inverse-distance law times the edge fade the client applies on top.
 */
export function voiceLevel(distance: number): number {
  return inverseDistance(distance) * edgeFade(distance);
}

/** What a PannerNode with distanceModel 'inverse' computes for these settings. */
export function inverseDistance(distance: number): number {
  const d = Math.max(distance, HEARING.refDistance);
  return HEARING.refDistance / (HEARING.refDistance + HEARING.rolloffFactor * (d - HEARING.refDistance));
}

/** 1 up to fadeStart, falling linearly to 0 at leaveRange. */
export function edgeFade(distance: number): number {
  if (distance <= HEARING.fadeStart) return 1;
  if (distance >= HEARING.leaveRange) return 0;
  return (HEARING.leaveRange - distance) / (HEARING.leaveRange - HEARING.fadeStart);
}
