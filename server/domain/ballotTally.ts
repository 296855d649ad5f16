import type { BallotResults, NamedBallot, ProposalTally, Turnout, Votes, VoterClass } from '../../shared/protocol/ballots.js';
import { csvCell } from '../../shared/csv.js';
import { isCounted } from './ballots.js';

/** One voter's ballot as the tally reads it. `name` is kept only for named ballots. */
export interface CastBallot {
  voterClass: VoterClass;
  named: boolean;
  staff: boolean;
  name: string | null;
  votes: Votes;
  credits: number;
}

export type Tally = Omit<BallotResults, 'ballot'>;

function emptyTally(): ProposalTally {
  return { for: 0, against: 0, net: 0, credits: 0, voters: 0 };
}

/**
 * Adds up the ballots: per proposal, votes for and against, net, credits spent on it and how many
 * voters put any vote on it, for the counted voters (accounts and code holders) and for guests
 * apart; the turnout per class; and the named ballots. Hidden (results after close, still
 * open): the turnout only.
 */
export function tallyBallots(proposals: readonly { id: string; title: string }[], ballots: readonly CastBallot[], visible: boolean): Tally {
  const turnout: Turnout = { accounts: 0, codes: 0, guests: 0 };
  const counted = new Map(proposals.map((p) => [p.id, emptyTally()]));
  const guests = new Map(proposals.map((p) => [p.id, emptyTally()]));
  const spent = { counted: 0, guests: 0 };
  const named: NamedBallot[] = [];
  for (const b of ballots) {
    if (b.voterClass === 'account') turnout.accounts++;
    else if (b.voterClass === 'code') turnout.codes++;
    else turnout.guests++;
    const group = isCounted(b.voterClass) ? counted : guests;
    spent[isCounted(b.voterClass) ? 'counted' : 'guests'] += b.credits;
    for (const [id, n] of Object.entries(b.votes)) {
      const t = group.get(id);
      if (!t || n === 0) continue;
      if (n > 0) t.for += n;
      else t.against -= n;
      t.net += n;
      t.credits += n * n;
      t.voters++;
    }
    if (b.named && b.name !== null) named.push({ name: b.name, voterClass: b.voterClass, staff: b.staff, votes: b.votes, credits: b.credits });
  }
  named.sort((a, b) => a.name.localeCompare(b.name));
  return {
    hidden: !visible,
    turnout,
    creditsSpent: visible ? spent : null,
    proposals: proposals.map((p) => ({
      id: p.id, title: p.title,
      counted: visible ? counted.get(p.id)! : null,
      guests: visible ? guests.get(p.id)! : null,
    })),
    namedBallots: visible ? named : [],
  };
}

const COLUMNS = ['section', 'group', 'proposal_id', 'proposal', 'votes_for', 'votes_against', 'net', 'credits', 'voters', 'name', 'voter_class', 'staff', 'votes'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

/**
 * The results as one CSV table (RFC 4180; text quoted and defused as in the event record): a
 * `proposal` row per proposal and group (counted, guests), a `turnout` row per voter class, and a
 * `named_ballot` row per vote of each named ballot (one row with no proposal if it cast none).
 */
export function resultsToCsv(results: BallotResults): string {
  const rows: Row[] = [];
  for (const p of results.proposals) {
    for (const group of ['counted', 'guests'] as const) {
      const t = p[group];
      if (!t) continue;
      rows.push({ section: 'proposal', group, proposal_id: p.id, proposal: p.title, votes_for: t.for, votes_against: t.against, net: t.net, credits: t.credits, voters: t.voters });
    }
  }
  for (const group of ['accounts', 'codes', 'guests'] as const) rows.push({ section: 'turnout', group, voters: results.turnout[group] });
  const titles = new Map(results.proposals.map((p) => [p.id, p.title]));
  for (const b of results.namedBallots) {
    const base: Row = { section: 'named_ballot', name: b.name, voter_class: b.voterClass, staff: b.staff ? 'yes' : 'no', credits: b.credits };
    const votes = Object.entries(b.votes).filter(([, n]) => n !== 0);
    if (votes.length === 0) rows.push(base);
    for (const [id, n] of votes) rows.push({ ...base, proposal_id: id, proposal: titles.get(id) ?? null, votes: n });
  }
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
