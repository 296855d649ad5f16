import type { VoteMessage } from '../../shared/protocol/townhall.js';

/** Town hall intents a 3D panel may send (the VR wrist panel): net/ does the sending. */
export interface HallIntents {
  raiseHand(up: boolean): void;
  releaseFloor(): void;
  stand(): void;
  vote(message: VoteMessage): void;
}

/** The microphone, for a 3D panel: voice/ does the work. */
export interface MicIntents {
  setMuted(muted: boolean): void;
  speakNow(): void;
}

/** Ballots, for a 3D panel: cast a whole allocation (net/ sends it; the server checks the budget). */
export interface BallotIntents {
  cast(ballotId: string, votes: Record<string, number>): void;
}

/**
 * The ports scene/ and xr/ send through, so they never import net/ or voice/ (a lint rule keeps
 * it so). Wired once at start-up (main.tsx); null until then, and calls are then dropped.
 */
export const intents = {
  hall: null as HallIntents | null,
  mic: null as MicIntents | null,
  ballot: null as BallotIntents | null,
};
