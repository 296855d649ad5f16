import type { BallotResults, BallotsLive, BallotView } from '../../shared/protocol/ballots.js';
import { maxVotes, phaseAt, resultsVisible, type BallotRules } from '../domain/ballots.js';
import { tallyBallots } from '../domain/ballotTally.js';
import type { Ballot, BallotStore } from '../store/ballots.js';

/** What the rules read of a stored ballot. */
export function rulesOf(b: Ballot): BallotRules {
  return {
    budget: b.budget, allowAgainst: b.allowAgainst, proposalIds: b.proposals.map((p) => p.id), privacy: b.privacy,
    results: b.results, voters: b.voters, opensAt: b.opensAt, closesAt: b.closesAt, firstCastAt: b.firstCastAt,
  };
}

export function ballotView(b: Ballot, now: Date): BallotView {
  return {
    id: b.id, spaceId: b.spaceId, title: b.title, description: b.description, proposals: b.proposals,
    budget: b.budget, maxVotes: maxVotes(b.budget), allowAgainst: b.allowAgainst, results: b.results, privacy: b.privacy,
    voters: b.voters, opensAt: b.opensAt, closesAt: b.closesAt, phase: phaseAt(b, now), locked: b.firstCastAt !== null,
    onStage: b.onStage, createdAt: b.createdAt,
  };
}

/** A ballot's results as open data: tallies (unless hidden until close), turnout, named ballots. */
export async function ballotResults(store: Pick<BallotStore, 'ballots'>, b: Ballot, now: Date): Promise<BallotResults> {
  const cast = await store.ballots(b.id);
  return { ballot: ballotView(b, now), ...tallyBallots(b.proposals, cast, resultsVisible(b, now)) };
}

/** What a room shows of its space's ballots: each one's results, without the named ballots. */
export async function liveBallots(store: Pick<BallotStore, 'ballots' | 'listForSpace'>, spaceId: string, now: Date): Promise<BallotsLive> {
  const ballots = await store.listForSpace(spaceId);
  const results = await Promise.all(ballots.map((b) => ballotResults(store, b, now)));
  return { spaceId, ballots: results.map(({ namedBallots: _named, ...rest }) => rest) };
}
