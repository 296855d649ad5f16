import { describe, expect, it } from 'vitest';
import { BallotResults } from '../../shared/protocol/ballots.js';
import { formatCode, normalizeCode } from './ballotCodes.js';
import { resultsToCsv, tallyBallots, type CastBallot } from './ballotTally.js';

const proposals = [{ id: 'p1', title: 'More parks' }, { id: 'p2', title: 'Night buses' }];

// Worked by hand (budget 100, votes against allowed):
//   Ana (account, anonymous):  p1 +6 (36), p2 -8 (64)  = 100 credits
//   Ben (code, anonymous):     p1 +3 (9)               =   9
//   Cy  (account, staff):      p1 +1 (1),  p2 +2 (4)   =   5
//   Gus (guest):               p2 +5 (25)              =  25
// counted p1: for 6+3+1 = 10, against 0, net 10, credits 36+9+1 = 46, voters 3
// counted p2: for 2, against 8, net -6, credits 64+4 = 68, voters 2
// guests  p1: nothing;  guests p2: for 5, net 5, credits 25, voters 1
const ballots: CastBallot[] = [
  { voterClass: 'account', named: false, staff: false, name: null, votes: { p1: 6, p2: -8 }, credits: 100 },
  { voterClass: 'code', named: false, staff: false, name: null, votes: { p1: 3 }, credits: 9 },
  { voterClass: 'account', named: true, staff: true, name: 'Cy Curator', votes: { p1: 1, p2: 2 }, credits: 5 },
  { voterClass: 'guest', named: false, staff: false, name: null, votes: { p2: 5 }, credits: 25 },
];

describe('tallying quadratic ballots', () => {
  it('adds votes for and against, net, credits and voters per proposal, guests apart', () => {
    const tally = tallyBallots(proposals, ballots, true);
    expect(tally.turnout).toEqual({ accounts: 2, codes: 1, guests: 1 });
    expect(tally.creditsSpent).toEqual({ counted: 114, guests: 25 });
    expect(tally.proposals).toEqual([
      { id: 'p1', title: 'More parks', counted: { for: 10, against: 0, net: 10, credits: 46, voters: 3 }, guests: { for: 0, against: 0, net: 0, credits: 0, voters: 0 } },
      { id: 'p2', title: 'Night buses', counted: { for: 2, against: 8, net: -6, credits: 68, voters: 2 }, guests: { for: 5, against: 0, net: 5, credits: 25, voters: 1 } },
    ]);
    expect(tally.namedBallots).toEqual([{ name: 'Cy Curator', voterClass: 'account', staff: true, votes: { p1: 1, p2: 2 }, credits: 5 }]);
  });

  it('gives only the turnout while results are hidden', () => {
    const tally = tallyBallots(proposals, ballots, false);
    expect(tally.hidden).toBe(true);
    expect(tally.turnout).toEqual({ accounts: 2, codes: 1, guests: 1 });
    expect(tally.creditsSpent).toBeNull();
    expect(tally.proposals.map((p) => [p.counted, p.guests])).toEqual([[null, null], [null, null]]);
    expect(tally.namedBallots).toEqual([]);
  });

  it('writes the CSV: proposal rows per group, turnout rows, a row per vote of each named ballot', () => {
    const results = BallotResults.omit({ ballot: true }).parse(tallyBallots(proposals, ballots, true));
    const csv = resultsToCsv({ ...results, ballot: {} as BallotResults['ballot'] });
    expect(csv.split('\r\n')).toEqual([
      'section,group,proposal_id,proposal,votes_for,votes_against,net,credits,voters,name,voter_class,staff,votes',
      '"proposal","counted","p1","More parks",10,0,10,46,3,,,,',
      '"proposal","guests","p1","More parks",0,0,0,0,0,,,,',
      '"proposal","counted","p2","Night buses",2,8,-6,68,2,,,,',
      '"proposal","guests","p2","Night buses",5,0,5,25,1,,,,',
      '"turnout","accounts",,,,,,,2,,,,',
      '"turnout","codes",,,,,,,1,,,,',
      '"turnout","guests",,,,,,,1,,,,',
      '"named_ballot",,"p1","More parks",,,,5,,"Cy Curator","account","yes",1',
      '"named_ballot",,"p2","Night buses",,,,5,,"Cy Curator","account","yes",2',
      '',
    ]);
  });
});

describe('one-time ballot codes', () => {
  it('formats 8 random bytes as 12 base32 characters in three groups', () => {
    expect(formatCode(new Uint8Array(8))).toBe('0000-0000-0000');
    // 0x...01: the lowest 5 bits come first.
    expect(formatCode(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1]))).toBe('1000-0000-0000');
    expect(formatCode(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 33]))).toBe('1100-0000-0000');
    expect(formatCode(Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ-ZZZZ');
  });

  it('reads a code however it is typed, and refuses what cannot be one', () => {
    expect(normalizeCode('7kqx-m2pd-9f3a')).toBe('7KQXM2PD9F3A');
    expect(normalizeCode(' 7KQX M2PD 9F3A ')).toBe('7KQXM2PD9F3A');
    expect(normalizeCode('OIL0-0000-0000')).toBe('011000000000');
    expect(normalizeCode('7KQX-M2PD-9F3')).toBeUndefined();
    expect(normalizeCode('7KQX-M2PD-9F3U')).toBeUndefined();
    expect(normalizeCode('')).toBeUndefined();
  });
});
