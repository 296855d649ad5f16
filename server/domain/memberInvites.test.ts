import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../shared/csv.js';
import { MEMBER_ROWS_MAX } from '../../shared/protocol/members.js';
import { planMemberInvites, readMemberCsv, shownValue, type KnownAddresses } from './memberInvites.js';
import { Refusal } from './refusal.js';

const NONE: KnownAddresses = { accounts: new Set(), pending: new Map() };

function refusalOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof Refusal) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('reading a members CSV', () => {
  it('reads one address a row without a header, trimmed and lower-cased, numbering rows as the file has them', () => {
    const read = readMemberCsv(' Ana@Example.org \n\nben@example.org\r\n');
    expect(read).toEqual({ rows: 2, addresses: [{ row: 1, email: 'ana@example.org' }, { row: 3, email: 'ben@example.org' }], problems: [] });
  });

  it('finds the email column by its header, or by the @ on the first row', () => {
    const named = readMemberCsv('Name,E-mail,Ward\nAna,ana@example.org,North\n"Ben, Jr.",ben@example.org,South\n');
    expect(named.addresses).toEqual([{ row: 2, email: 'ana@example.org' }, { row: 3, email: 'ben@example.org' }]);
    expect(named.rows).toBe(2);
    const guessed = readMemberCsv('Ana,ana@example.org\nBen,ben@example.org\n');
    expect(guessed.addresses.map((a) => a.email)).toEqual(['ana@example.org', 'ben@example.org']);
  });

  it('reports each bad row with a stable code and a sentence, and keeps the good ones', () => {
    const read = readMemberCsv([
      'email,name',
      'ana@example.org,Ana',
      'not an address,Bob',
      '=HYPERLINK("http://evil.example","click"),Eve',
      ',Nobody',
      'ANA@example.org,Ana again',
      ' +cmd|calc,Plus',
      '@SUM(A1),At',
      'cy@example.org,Cy',
    ].join('\n'));
    expect(read.addresses).toEqual([{ row: 2, email: 'ana@example.org' }, { row: 9, email: 'cy@example.org' }]);
    expect(read.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'INVALID_EMAIL'], [4, 'FORMULA_CELL'], [5, 'MISSING_EMAIL'], [6, 'DUPLICATE'], [7, 'FORMULA_CELL'], [8, 'FORMULA_CELL'],
    ]);
    expect(read.problems.find((p) => p.row === 6)?.message).toBe('This address is already on row 2; one invitation is made for it.');
    expect(read.problems.find((p) => p.row === 4)?.message).toMatch(/spreadsheet formula/);
    for (const p of read.problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('echoes a cell only as short plain text: control characters gone, at most 80 characters', () => {
    expect(shownValue('a\u0000b\tc\u2028d')).toBe('a b c d');
    const long = shownValue('x'.repeat(500));
    expect(long.length).toBe(80);
    expect(long.endsWith('…')).toBe(true);
    const read = readMemberCsv(`${'y'.repeat(300)}@example.org\n`);
    expect(read.problems[0]).toMatchObject({ code: 'INVALID_EMAIL' });
    expect(read.problems[0]!.value.length).toBeLessThanOrEqual(80);
  });

  it('refuses the whole upload when it is empty, unreadable or over the row limit', () => {
    expect(refusalOf(() => readMemberCsv('  \n,, \n'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/no rows/) });
    expect(refusalOf(() => readMemberCsv('email\n'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/header but no rows/) });
    expect(refusalOf(() => readMemberCsv('"ana@example.org\n'))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/could not be read/) });
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `m${i}@example.org`).join('\n');
    expect(readMemberCsv(rows(MEMBER_ROWS_MAX)).addresses).toHaveLength(MEMBER_ROWS_MAX);
    expect(refusalOf(() => readMemberCsv(rows(MEMBER_ROWS_MAX + 1)))).toEqual({
      code: 'INVALID_INPUT', message: 'At most 1,000 rows at a time; this CSV has 1,001. Split it into smaller files.',
    });
  });

  it('numbers rows by the line they start on, counting blank lines and line breaks inside quotes', () => {
    expect(parseCsvRecords('a\n\n"b\nc",d\r\ne\r\n').map((r) => [r.line, r.cells])).toEqual([[1, ['a']], [3, ['b\nc', 'd']], [5, ['e']]]);
  });
});

describe('planning member invitations', () => {
  const read = readMemberCsv('old@example.org\nnew@example.org\nasked@example.org\nstaff@example.org\n');
  const known: KnownAddresses = {
    accounts: new Set(['old@example.org']),
    pending: new Map([
      ['asked@example.org', [{ member: true, expiresAt: '2026-12-20T10:00:00.000Z' }]],
      ['staff@example.org', [{ member: false, expiresAt: '2026-12-20T10:00:00.000Z' }]],
    ]),
  };

  it('invites only addresses with no account and no pending invitation', () => {
    const plan = planMemberInvites(read, known, false);
    expect(plan.invite).toEqual([{ row: 2, email: 'new@example.org', replaces: false }]);
    expect(plan.problems.map((p) => [p.row, p.code])).toEqual([[1, 'ALREADY_MEMBER'], [3, 'ALREADY_INVITED'], [4, 'ALREADY_INVITED']]);
    expect(plan.problems[1]!.message).toBe('An invitation to this address is pending until 2026-12-20 10:00 UTC. Choose "issue new links" to withdraw it and make a new one.');
  });

  it('with reissue, replaces pending member invitations but never a staff one', () => {
    const plan = planMemberInvites(read, known, true);
    expect(plan.invite).toEqual([{ row: 2, email: 'new@example.org', replaces: false }, { row: 3, email: 'asked@example.org', replaces: true }]);
    expect(plan.problems.map((p) => [p.row, p.code, p.message])).toEqual([
      [1, 'ALREADY_MEMBER', 'An account with this address exists: its holder can sign in and vote already.'],
      [4, 'ALREADY_INVITED', 'An invitation with a staff role is pending for this address; an admin can withdraw it.'],
    ]);
  });

  it('keeps the problems of reading, in row order with the others', () => {
    const plan = planMemberInvites(readMemberCsv('old@example.org\nnope\nfresh@example.org\n'), known, false);
    expect(plan.problems.map((p) => p.code)).toEqual(['ALREADY_MEMBER', 'INVALID_EMAIL']);
    expect(planMemberInvites(readMemberCsv('x@example.org'), NONE, false).invite).toHaveLength(1);
  });
});
