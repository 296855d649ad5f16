import { z } from 'zod';

/**
 * Consensus (issue 20): a question per space, short statements people agree or disagree with,
 * and the opinion map the analysis (shared/consensus) makes of the votes. Schemas and types
 * share a name.
 */

export const VOTE_AGREE = 1;
export const VOTE_DISAGREE = -1;
export const VOTE_PASS = 0;
export const ConsensusVoteValue = z.union([z.literal(1), z.literal(-1), z.literal(0)], { message: 'A vote is 1 (agree), -1 (disagree) or 0 (pass).' });
export type ConsensusVoteValue = z.infer<typeof ConsensusVoteValue>;

export const STATEMENT_MIN = 5;
export const STATEMENT_MAX = 280;
export const StatementText = z.string().trim()
  .min(STATEMENT_MIN, `A statement needs at least ${STATEMENT_MIN} characters.`)
  .max(STATEMENT_MAX, `A statement can be at most ${STATEMENT_MAX} characters.`);
export const ConsensusQuestion = z.string().trim()
  .min(5, 'Write the question in at least 5 characters.')
  .max(300, 'A question can be at most 300 characters.');
const StatementNumber = z.number().int().min(0).max(1_000_000);

export const ConversationCreateRequest = z.strictObject({
  question: ConsensusQuestion,
  /** Seed statements, accepted at once. */
  statements: z.array(StatementText).max(200, 'Start with at most 200 statements.').default([]),
});
export type ConversationCreateRequest = z.input<typeof ConversationCreateRequest>;

export const StatementSubmitRequest = z.strictObject({ text: StatementText });
export const StatementModerateRequest = z.strictObject({ state: z.enum(['accepted', 'rejected']) });
export const ConsensusVoteRequest = z.strictObject({ statement: StatementNumber, vote: ConsensusVoteValue });
export type ConsensusVoteRequest = z.infer<typeof ConsensusVoteRequest>;

/** Largest file an import takes (each of comments.csv, votes.csv, participants-votes.csv). */
export const CSV_MAX = 4_000_000;
const Csv = (file: string) => z.string().max(CSV_MAX, `${file} can be at most ${CSV_MAX / 1e6} MB here.`);
/** The Pol.is open-data layout: comments.csv, and votes.csv or participants-votes.csv. */
export const ConsensusImportRequest = z.strictObject({
  question: ConsensusQuestion,
  comments: Csv('comments.csv'),
  votes: Csv('votes.csv').optional(),
  participantsVotes: Csv('participants-votes.csv').optional(),
}).refine((r) => r.votes !== undefined || r.participantsVotes !== undefined, { message: 'Send votes.csv or participants-votes.csv with comments.csv.' });

/** One row (or file) of an import that could not be read: sent with an INVALID_INPUT refusal as `problems`. */
export const ImportProblem = z.object({
  file: z.enum(['comments.csv', 'votes.csv', 'participants-votes.csv']),
  /** The line in the file (1 is the header); 0 for the file as a whole. */
  line: z.number().int(),
  /** NOT_CSV, MISSING_COLUMN, NOT_A_NUMBER, BAD_VOTE, DUPLICATE_COMMENT, UNKNOWN_COMMENT, BAD_TEXT or TOO_MANY. */
  code: z.string(),
  message: z.string(),
}).meta({ id: 'ConsensusImportProblem' });
export type ImportProblem = z.infer<typeof ImportProblem>;
export const ImportProblems = z.array(ImportProblem);

export const StatementView = z.object({
  number: z.number().int(),
  text: z.string(),
  state: z.enum(['accepted', 'pending', 'rejected']),
  agrees: z.number().int(),
  disagrees: z.number().int(),
  passes: z.number().int(),
}).meta({ id: 'ConsensusStatement' });
export type StatementView = z.infer<typeof StatementView>;

export const ConversationView = z.object({
  id: z.string(),
  spaceId: z.string(),
  question: z.string(),
  source: z.enum(['here', 'imported']),
  createdAt: z.string(),
  /** Accepted statements (the public ones). */
  statements: z.array(StatementView),
  /** Statements waiting for a moderator. */
  pendingCount: z.number().int(),
}).meta({ id: 'ConsensusConversation' });
export type ConversationView = z.infer<typeof ConversationView>;

const Representative = z.object({
  statement: z.number().int(),
  direction: z.enum(['agree', 'disagree']),
  p: z.number(),
  ratio: z.number(),
  pTest: z.number(),
  ratioTest: z.number(),
  agree: z.number().int(),
  disagree: z.number().int(),
  seen: z.number().int(),
});
export const OpinionGroupView = z.object({
  id: z.number().int(),
  size: z.number().int(),
  centre: z.tuple([z.number(), z.number()]),
  representative: z.array(Representative),
});
export type OpinionGroupView = z.infer<typeof OpinionGroupView>;

/** The analysis as published: open data, and what rooms push to everyone in the space. */
export const ConsensusAnalysisView = z.object({
  conversationId: z.string(),
  /** The analysis's number for this conversation (1, 2, ...): a later run has a larger one, on every process. */
  run: z.number().int().min(1),
  computedAt: z.string(),
  /** Milliseconds the analysis took in the worker thread. */
  tookMs: z.number(),
  statementCount: z.number().int(),
  /** Votes the analysis read (a run that includes a vote has at least as many as were cast by then). */
  votesAnalysed: z.number().int(),
  participantCount: z.number().int(),
  clusteredCount: z.number().int(),
  /** Participants on the map: [participant number, x, y, group (-1: not clustered yet)]. */
  points: z.array(z.tuple([z.number().int(), z.number(), z.number(), z.number().int()])),
  /** Groups by label (id 0 = Group A): a group keeps its label from run to run while most of its people stay in it. */
  groups: z.array(OpinionGroupView),
  majority: z.object({
    agree: z.array(z.object({ statement: z.number().int(), p: z.number(), pTest: z.number() })),
    disagree: z.array(z.object({ statement: z.number().int(), p: z.number(), pTest: z.number() })),
  }),
  /** The statements that bridge the groups: highest group-informed consensus first (top 10). */
  bridging: z.array(z.object({ statement: z.number().int(), agree: z.number(), disagree: z.number() })),
  groupCount: z.object({ k: z.number().int(), candidate: z.number().int(), streak: z.number().int() }),
  silhouettes: z.array(z.object({ k: z.number().int(), score: z.number() })),
}).meta({ id: 'ConsensusAnalysis' });
export type ConsensusAnalysisView = z.infer<typeof ConsensusAnalysisView>;

/**
 * A pushed analysis replaces the one shown only if it is not older: two processes can publish
 * runs of the same conversation, and their messages can cross on the way.
 */
export function isNewerAnalysis(view: Pick<ConsensusAnalysisView, 'conversationId' | 'run'>, shown: Pick<ConsensusAnalysisView, 'conversationId' | 'run'> | undefined | null): boolean {
  return !shown || shown.conversationId !== view.conversationId || view.run >= shown.run;
}

export const ConsensusResponse = z.object({
  conversation: ConversationView.nullable(),
  analysis: ConsensusAnalysisView.nullable(),
}).meta({ id: 'Consensus' });
export type ConsensusResponse = z.infer<typeof ConsensusResponse>;

/** What one person sees next: statements in the order the analysis needs them, their votes and place. */
export const ConsensusMine = z.object({
  conversationId: z.string(),
  /** Accepted statements they have not voted on: the least-voted first. */
  next: z.array(z.object({ number: z.number().int(), text: z.string() })),
  votes: z.array(z.object({ statement: z.number().int(), vote: ConsensusVoteValue })),
  /** Their participant number (null before their first vote or statement). */
  participant: z.number().int().nullable(),
  /** Votes needed to be placed in a group: min(7, statements). */
  votesNeeded: z.number().int(),
  /** Their place on the latest map, if they are on it. */
  place: z.object({ x: z.number(), y: z.number(), group: z.number().int() }).nullable(),
}).meta({ id: 'ConsensusMine' });
export type ConsensusMine = z.infer<typeof ConsensusMine>;

const PendingStatement = z.object({ number: z.number().int(), text: z.string(), createdAt: z.string() });
export type PendingStatement = z.infer<typeof PendingStatement>;
export const PendingStatements = z.object({
  statements: z.array(PendingStatement),
});

/** Pushed to moderators in the space: every statement of the conversation waiting for a moderator, oldest first. */
export const ConsensusPending = z.object({ conversationId: z.string(), statements: z.array(PendingStatement) });
export type ConsensusPending = z.infer<typeof ConsensusPending>;

/**
 * Pushed to everyone in the space when a statement is accepted (with its text) or rejected
 * (without: a rejected statement's words are not spread), as the database has it when sent.
 */
export const ConsensusStatementChange = z.object({
  conversationId: z.string(),
  number: z.number().int(),
  state: z.enum(['accepted', 'rejected']),
  text: z.string().nullable(),
  pendingCount: z.number().int(),
});
export type ConsensusStatementChange = z.infer<typeof ConsensusStatementChange>;
