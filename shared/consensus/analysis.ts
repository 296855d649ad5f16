import { groupInformedConsensus, majorityConsensus, type GroupInformed, type MajorityStatement } from './consensusStatements.js';
import type { GroupCountState } from './groupChoice.js';
import { groupLabels, type PreviousGroup } from './groupIdentity.js';
import { baseClusters, chooseGroups } from './groups.js';
import { buildMatrix } from './matrix.js';
import { selectParticipants } from './participants.js';
import { pca2, project } from './pca.js';
import { representativeStatements, type RepresentativeStatement } from './representative.js';
import { tally } from './tallies.js';
import type { VoteTable } from './votes.js';

export interface AnalysisInput {
  /** The statements analysed (accepted ones), by number; columns follow this order. */
  statements: readonly number[];
  votes: VoteTable;
  seed: number;
  /** The previous run's group count state (hysteresis); undefined for the first run. */
  previous?: GroupCountState;
  /** The previous run's groups (labels, members, centres): a group keeps its label from run to run. */
  previousGroups?: readonly PreviousGroup[];
}

export interface MapPoint {
  participant: number;
  x: number;
  y: number;
  /** The group index, or -1 for someone not (yet) clustered. */
  group: number;
}

export interface OpinionGroup {
  /** Its label (0 = Group A), kept from run to run by groupLabels. */
  id: number;
  size: number;
  centre: [number, number];
  /** Statement numbers (not columns). */
  representative: RepresentativeStatement[];
}

export interface ConsensusAnalysis {
  statementCount: number;
  /** Votes given to the analysis (on any statement). */
  votesAnalysed: number;
  participantCount: number;
  clusteredCount: number;
  points: MapPoint[];
  groups: OpinionGroup[];
  majority: { agree: MajorityStatement[]; disagree: MajorityStatement[] };
  /** Every statement's group-informed consensus, highest agreement first. */
  groupInformed: GroupInformed[];
  groupCount: GroupCountState;
  silhouettes: { k: number; score: number }[];
}

/**
 * The whole analysis of one conversation, a pure function of its votes and the seed (and the
 * previous run's group count): same input, same output, in Node and in every browser.
 */
export function analyse(input: AnalysisInput): ConsensusAnalysis {
  const m = buildMatrix(input.votes, input.statements);
  const rows = selectParticipants(m.counts, m.participants, m.cols);
  const pca = pca2(m, rows, input.seed);
  const places = m.participants.map((_, r) => project(m, r, pca));
  const xs = Float64Array.from(rows, (r) => places[r]![0]);
  const ys = Float64Array.from(rows, (r) => places[r]![1]);

  const bases = baseClusters(xs, ys, input.seed);
  const choice = chooseGroups(bases.points, input.seed, input.previous);
  const rawMembers: number[][] = Array.from({ length: choice.k }, () => []);
  bases.members.forEach((list, b) => {
    for (const i of list) rawMembers[choice.assignment[b]!]!.push(rows[i]!);
  });
  // Groups are ordered by size (largest first), then by where their centre lies; on the first run that order is their label.
  const centreOf = (list: number[]): [number, number] => {
    let x = 0;
    let y = 0;
    for (const r of list) {
      x += places[r]![0];
      y += places[r]![1];
    }
    return list.length > 0 ? [x / list.length, y / list.length] : [0, 0];
  };
  const ordered = rawMembers
    .filter((list) => list.length > 0)
    .map((list) => ({ list: list.sort((a, b) => a - b), centre: centreOf(list) }))
    .sort((a, b) => b.list.length - a.list.length || a.centre[0] - b.centre[0] || a.centre[1] - b.centre[1]);
  const members = ordered.map((o) => o.list);
  // Later runs: each group keeps the label of the previous group it shares most people with.
  const labels = groupLabels(ordered.map((o) => ({ members: o.list.map((r) => m.participants[r]!), centre: o.centre })), input.previousGroups ?? []);

  const groupOfRow = new Int32Array(m.rows).fill(-1);
  members.forEach((list, g) => list.forEach((r) => { groupOfRow[r] = labels[g]!; }));
  const t = tally(m, members);
  const number = (c: number) => m.statements[c]!;
  const majority = majorityConsensus(t);

  return {
    statementCount: m.cols,
    votesAnalysed: input.votes.vote.length,
    participantCount: m.rows,
    clusteredCount: rows.length,
    points: m.participants.map((participant, r) => ({ participant, x: places[r]![0], y: places[r]![1], group: groupOfRow[r]! })),
    groups: ordered.map((o, g) => ({
      id: labels[g]!,
      size: o.list.length,
      centre: o.centre,
      representative: representativeStatements(t, g).map((s) => ({ ...s, statement: number(s.statement) })),
    })).sort((a, b) => a.id - b.id),
    majority: {
      agree: majority.agree.map((s) => ({ ...s, statement: number(s.statement) })),
      disagree: majority.disagree.map((s) => ({ ...s, statement: number(s.statement) })),
    },
    groupInformed: members.length > 0 ? groupInformedConsensus(t).map((s) => ({ ...s, statement: number(s.statement) })) : [],
    groupCount: choice.state,
    silhouettes: choice.scores,
  };
}
