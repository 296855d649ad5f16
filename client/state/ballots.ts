import { create } from 'zustand';
import type { BallotsLive, MyAllocation } from '../../shared/protocol/ballots.js';

/** One ballot of the space with its tallies, as the room last told us (no named ballots). */
export type LiveBallot = BallotsLive['ballots'][number];

export interface BallotNote {
  kind: 'ok' | 'error';
  text: string;
}

interface BallotsState {
  spaceId: string;
  ballots: LiveBallot[];
  /** Our own allocation per ballot id, as the server last answered. */
  mine: Record<string, MyAllocation>;
  /** What the last cast or staff action on a ballot came to, shown beside its form. */
  notes: Record<string, BallotNote>;
}

/**
 * The ballots of the space we are in (client/net/ballots.ts writes; the panel, the stand and the
 * stage screen read). The server decides everything: this only mirrors what it said.
 */
export const useBallots = create<BallotsState>(() => ({ spaceId: '', ballots: [], mine: {}, notes: {} }));

export function resetBallots(spaceId: string): void {
  useBallots.setState({ spaceId, ballots: [], mine: {}, notes: {} });
  ballotBars.clear();
}

/**
 * Ballots shown in the world: those not yet closed, and a closed one while it is on the stage
 * screen. (Closed ones stay open data over HTTP, and in the panel for the staff who run them.)
 */
export function currentBallots(ballots: readonly LiveBallot[]): LiveBallot[] {
  return ballots.filter((b) => b.ballot.phase !== 'closed' || b.ballot.onStage);
}

/** The ballot the stand and panel show first: the one on the stage screen, else the first open one, else the newest current one. */
export function featuredBallot(ballots: readonly LiveBallot[]): LiveBallot | undefined {
  const current = currentBallots(ballots);
  return current.find((b) => b.ballot.onStage)
    ?? current.find((b) => b.ballot.phase === 'open')
    ?? current[current.length - 1];
}

export function stagedBallot(s: BallotsState): LiveBallot | undefined {
  return s.ballots.find((b) => b.ballot.onStage);
}

/** What a bar shows: the counted voters' votes for (net when votes against count), never below zero. */
export function barValue(b: LiveBallot, proposalId: string): number {
  const tally = b.proposals.find((p) => p.id === proposalId)?.counted;
  if (!tally) return 0;
  return Math.max(0, b.ballot.allowAgainst ? tally.net : tally.for);
}

/**
 * The heights of the ballot stand's bars as drawn this frame, per ballot id (transient: written
 * by the stand in its frame loop, read by the test hook).
 */
export const ballotBars = new Map<string, number[]>();

/** What the stage screen draws of a ballot (the header line and each bar's number). */
export interface StagedBallotShown { ballotId: string; header: string; hidden: boolean; values: number[] }

/**
 * The ballot the stage screen draws right now, or null (transient: written by StageBallot when it
 * renders and cleared when it goes, read by the test hook).
 */
export const stageScreenShown: { current: StagedBallotShown | null } = { current: null };
