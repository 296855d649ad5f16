import { z } from 'zod';
import { ExhibitId } from '../exhibits/exhibit.js';
import { SpaceId } from '../spaces/layout.js';

/**
 * Quadratic ballots: the shapes of their HTTP requests and answers, and of the live summary a
 * room sends. n votes on one proposal cost n^2 voice credits; the server checks every change
 * against the budget (server/domain/ballots.ts).
 */

export const BALLOT_BUDGET_DEFAULT = 100;
export const BALLOT_BUDGET_MAX = 10_000;
/** sqrt(BALLOT_BUDGET_MAX): nobody can afford more votes on one proposal. */
export const BALLOT_VOTES_MAX = 100;
export const BALLOT_PROPOSALS_MAX = 30;
export const BALLOT_CODES_MAX = 500;

const Id = z.string().min(1).max(64);
const Timestamp = z.string().describe('ISO-8601 UTC, e.g. 2026-11-25T06:30:00.000Z');
const When = z.iso.datetime({ offset: true, message: 'Give the time as an ISO date and time, e.g. 2026-12-01T18:00:00Z.' });

/** Anonymous: tallies only (staff ballots are still named). Named: every ballot is listed with its voter's name. */
export const BallotPrivacy = z.enum(['anonymous', 'named']);
export type BallotPrivacy = z.infer<typeof BallotPrivacy>;
/** Live: tallies while voting goes on. After-close: only the turnout until the ballot closes. */
export const BallotResultsMode = z.enum(['live', 'after-close']);
export type BallotResultsMode = z.infer<typeof BallotResultsMode>;
export const BallotPhase = z.enum(['scheduled', 'open', 'closed']);
export type BallotPhase = z.infer<typeof BallotPhase>;
/** How a voter qualified: an account, a one-time ballot code, or as a guest (tallied apart). */
export const VoterClass = z.enum(['account', 'code', 'guest']);
export type VoterClass = z.infer<typeof VoterClass>;

/** Who may vote. Guests are always tallied and shown apart from the rest. */
export const BallotVoters = z.strictObject({
  accounts: z.boolean(),
  codes: z.boolean(),
  guests: z.boolean(),
}).refine((v) => v.accounts || v.codes || v.guests, 'Say who may vote: accounts, ballot codes or guests (at least one).');
export type BallotVoters = z.infer<typeof BallotVoters>;

const Title = z.string().trim().min(3, 'Give it a title (at least 3 characters).').max(120, 'Titles can be at most 120 characters.');
const Description = z.string().trim().max(1000, 'Descriptions can be at most 1000 characters.');

export const ProposalInput = z.strictObject({
  title: Title,
  description: Description.default(''),
  /** Exhibits (and digital twins, which are exhibits) of the space that explain it. */
  exhibitIds: z.array(ExhibitId).max(8, 'Link at most 8 exhibits to one proposal.').default([]),
});
export type ProposalInput = z.input<typeof ProposalInput>;

const Proposals = z.array(ProposalInput)
  .min(2, 'A ballot needs at least two proposals.')
  .max(BALLOT_PROPOSALS_MAX, `A ballot can have at most ${BALLOT_PROPOSALS_MAX} proposals.`);
const Budget = z.number().int('The budget is a whole number of voice credits.')
  .min(1, 'The budget is at least 1 voice credit.')
  .max(BALLOT_BUDGET_MAX, `The budget can be at most ${BALLOT_BUDGET_MAX} voice credits.`);

export const BallotCreateRequest = z.strictObject({
  title: Title,
  description: Description.default(''),
  proposals: Proposals,
  budget: Budget.default(BALLOT_BUDGET_DEFAULT),
  allowAgainst: z.boolean().default(false),
  results: BallotResultsMode.default('live'),
  privacy: BallotPrivacy.default('anonymous'),
  voters: BallotVoters.default({ accounts: true, codes: false, guests: false }),
  /** Null: it opens when a host or curator opens it. */
  opensAt: When.nullable().default(null),
  /** Null: it stays open until a host or curator closes it. */
  closesAt: When.nullable().default(null),
});
export type BallotCreateRequest = z.input<typeof BallotCreateRequest>;

/**
 * A change to a ballot. Proposals, budget, votes against, privacy and who may vote are locked
 * once the first ballot is cast. `phase` opens it now or closes it now; `onStage` puts it on
 * the stage screen of the space (or takes it off).
 */
export const BallotUpdateRequest = z.strictObject({
  title: Title.optional(),
  description: Description.optional(),
  proposals: Proposals.optional(),
  budget: Budget.optional(),
  allowAgainst: z.boolean().optional(),
  results: BallotResultsMode.optional(),
  privacy: BallotPrivacy.optional(),
  voters: BallotVoters.optional(),
  opensAt: When.nullable().optional(),
  closesAt: When.nullable().optional(),
  phase: z.enum(['open', 'closed']).optional(),
  onStage: z.boolean().optional(),
});
export type BallotUpdateRequest = z.input<typeof BallotUpdateRequest>;

export const ProposalView = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  exhibitIds: z.array(z.string()),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const BallotView = z.object({
  id: Id,
  spaceId: SpaceId,
  title: z.string(),
  description: z.string(),
  proposals: z.array(ProposalView),
  budget: z.number().int(),
  /** The most votes one proposal can take within the budget: floor(sqrt(budget)). */
  maxVotes: z.number().int(),
  allowAgainst: z.boolean(),
  results: BallotResultsMode,
  privacy: BallotPrivacy,
  voters: BallotVoters,
  opensAt: Timestamp.nullable(),
  closesAt: Timestamp.nullable(),
  phase: BallotPhase,
  /** The first ballot has been cast: proposals, budget, votes against, privacy and voters are fixed. */
  locked: z.boolean(),
  onStage: z.boolean(),
  createdAt: Timestamp,
}).meta({ id: 'Ballot' });
export type BallotView = z.infer<typeof BallotView>;

/** Votes per proposal id: positive for, negative against (when allowed); absent or 0 is none. */
export const Votes = z.record(Id, z.number().int('Votes are whole numbers.').min(-BALLOT_VOTES_MAX).max(BALLOT_VOTES_MAX));
export type Votes = z.infer<typeof Votes>;

/** A whole allocation: it replaces the voter's previous one. */
export const AllocationRequest = z.strictObject({
  votes: Votes,
  /** A one-time ballot code, the first time, on ballots that take them. */
  code: z.string().trim().max(40).optional(),
});
export type AllocationRequest = z.input<typeof AllocationRequest>;

export const MyAllocation = z.object({
  ballotId: Id,
  votes: Votes,
  creditsSpent: z.number().int(),
  creditsLeft: z.number().int(),
  /** How this voter counts, once they have cast a ballot. */
  voterClass: VoterClass.nullable(),
  /** Whether this ballot will show the voter's name (named ballots, and staff always). */
  named: z.boolean(),
  /** Whether they may vote now; if not, `reason` says why. */
  canVote: z.boolean(),
  /** They may vote only with a one-time ballot code (send it with the first allocation). */
  needsCode: z.boolean(),
  reason: z.string().nullable(),
  /** On a cast: what happened, in a sentence. */
  message: z.string().optional(),
}).meta({ id: 'BallotAllocation' });
export type MyAllocation = z.infer<typeof MyAllocation>;

export const ProposalTally = z.object({
  for: z.number().int(),
  against: z.number().int(),
  /** for - against. */
  net: z.number().int(),
  credits: z.number().int(),
  /** How many voters put any vote on it. */
  voters: z.number().int(),
});
export type ProposalTally = z.infer<typeof ProposalTally>;

export const ProposalResult = z.object({
  id: Id,
  title: z.string(),
  /** Accounts and ballot-code holders: one ballot per identity. Null while results are hidden. */
  counted: ProposalTally.nullable(),
  /** Guests, always apart. Null while results are hidden. */
  guests: ProposalTally.nullable(),
});
export type ProposalResult = z.infer<typeof ProposalResult>;

export const Turnout = z.object({ accounts: z.number().int(), codes: z.number().int(), guests: z.number().int() });
export type Turnout = z.infer<typeof Turnout>;

export const NamedBallot = z.object({
  name: z.string(),
  voterClass: VoterClass,
  /** Host, moderator, curator or admin of the space: always named. */
  staff: z.boolean(),
  votes: Votes,
  credits: z.number().int(),
});
export type NamedBallot = z.infer<typeof NamedBallot>;

/** A ballot's results: open data (JSON, and CSV at results.csv). */
export const BallotResults = z.object({
  ballot: BallotView,
  /** Results are hidden until the ballot closes: only the turnout is given. */
  hidden: z.boolean(),
  turnout: Turnout,
  creditsSpent: z.object({ counted: z.number().int(), guests: z.number().int() }).nullable(),
  proposals: z.array(ProposalResult),
  /** Named ballots (staff always; everyone's on a named ballot). Empty while hidden. */
  namedBallots: z.array(NamedBallot),
}).meta({ id: 'BallotResults' });
export type BallotResults = z.infer<typeof BallotResults>;

/** A space's ballots with their tallies (no named ballots): GET .../ballots, and what rooms send when one changes. */
export const BallotsLive = z.object({
  spaceId: SpaceId,
  ballots: z.array(BallotResults.omit({ namedBallots: true })),
}).meta({ id: 'SpaceBallots' });
export type BallotsLive = z.infer<typeof BallotsLive>;

export const CodesRequest = z.strictObject({
  count: z.number().int().min(1, 'Ask for at least one code.').max(BALLOT_CODES_MAX, `At most ${BALLOT_CODES_MAX} codes at a time.`),
});
/** How many codes a ballot has had issued, and how many of them have been used. */
export const CodeCounts = z.object({ ballotId: Id, issued: z.number().int(), used: z.number().int() }).meta({ id: 'BallotCodeCounts' });
export type CodeCounts = z.infer<typeof CodeCounts>;
export const CodesIssued = z.object({
  ballotId: Id,
  /** Shown once: only their hashes are stored. Each works once. */
  codes: z.array(z.string()),
});
export type CodesIssued = z.infer<typeof CodesIssued>;

export const BallotParams = z.strictObject({ id: SpaceId, ballotId: Id });
