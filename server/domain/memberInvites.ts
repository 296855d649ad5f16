import { Email } from '../../shared/protocol/api.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { MEMBER_ROWS_MAX, type MemberRowCode, type MemberRowProblem } from '../../shared/protocol/members.js';
import { CsvError, parseCsvRecords } from '../../shared/csv.js';
import { Refusal } from './refusal.js';

/**
 * Members in bulk, as rules: a CSV of email addresses read row by row (a header naming an
 * "email" column, or the column holding an @ on the first row), each row either an address to
 * invite or a problem with a stable code and a sentence; then what to do with each address given
 * the accounts and pending invitations that exist. No SQL, no sockets.
 */

/** Header cells that name the email column. */
const EMAIL_HEADERS = new Set(['email', 'e-mail', 'email address', 'e-mail address', 'mail']);
/** What makes a spreadsheet read a cell as a formula (a leading tab or CR too). */
const FORMULA = /^[=+\-@\t\r]/;
const SHOWN_MAX = 80;

export interface MemberRow { row: number; email: string }
export interface ReadMembers { rows: number; addresses: MemberRow[]; problems: MemberRowProblem[] }

/** A cell as it may be echoed back: control characters removed, at most 80 characters. Text only. */
export function shownValue(cell: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = cell.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim();
  return clean.length > SHOWN_MAX ? `${clean.slice(0, SHOWN_MAX - 1)}…` : clean;
}

function problem(row: number, cell: string, code: MemberRowCode, message: string): MemberRowProblem {
  return { row, value: shownValue(cell), code, message };
}

function emailColumn(first: readonly string[]): { column: number; header: boolean } {
  const named = first.findIndex((c) => EMAIL_HEADERS.has(c.trim().toLowerCase()));
  if (named >= 0) return { column: named, header: true };
  const withAt = first.findIndex((c) => c.includes('@'));
  return { column: Math.max(0, withAt), header: false };
}

/**
 * Reads the CSV. The whole upload is refused (INVALID_INPUT) when it cannot be read, has no rows,
 * or has more than MEMBER_ROWS_MAX; otherwise every row is an address or a problem. Addresses are
 * trimmed and lower-cased; a repeated address is a DUPLICATE of its first row.
 */
export function readMemberCsv(text: string): ReadMembers {
  let records;
  try {
    records = parseCsvRecords(text);
  } catch (err) {
    if (err instanceof CsvError) throw new Refusal(ErrorCode.INVALID_INPUT, `The CSV could not be read: ${err.message}`);
    throw err;
  }
  // Rows of nothing but spaces and commas (a spreadsheet's empty lines) are blank lines.
  records = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (records.length === 0) throw new Refusal(ErrorCode.INVALID_INPUT, 'The CSV has no rows: give one email address a row.');
  const { column, header } = emailColumn(records[0]!.cells);
  const body = header ? records.slice(1) : records;
  if (body.length === 0) throw new Refusal(ErrorCode.INVALID_INPUT, 'The CSV has a header but no rows under it.');
  if (body.length > MEMBER_ROWS_MAX) {
    throw new Refusal(ErrorCode.INVALID_INPUT, `At most ${MEMBER_ROWS_MAX.toLocaleString('en')} rows at a time; this CSV has ${body.length.toLocaleString('en')}. Split it into smaller files.`);
  }
  const addresses: MemberRow[] = [];
  const problems: MemberRowProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const { line, cells } of body) {
    const cell = cells[column] ?? '';
    if (cell.trim() === '') {
      problems.push(problem(line, cells.join(','), 'MISSING_EMAIL', 'This row has no email address in the email column.'));
      continue;
    }
    if (FORMULA.test(cell) || FORMULA.test(cell.trim())) {
      problems.push(problem(line, cell, 'FORMULA_CELL', 'This cell starts like a spreadsheet formula (=, +, - or @), so it was not read. Put the address alone in the cell.'));
      continue;
    }
    const parsed = Email.safeParse(cell);
    if (!parsed.success) {
      problems.push(problem(line, cell, 'INVALID_EMAIL', 'This is not an email address.'));
      continue;
    }
    const email = parsed.data;
    const earlier = firstRow.get(email);
    if (earlier !== undefined) {
      problems.push(problem(line, cell, 'DUPLICATE', `This address is already on row ${earlier}; one invitation is made for it.`));
      continue;
    }
    firstRow.set(email, line);
    addresses.push({ row: line, email });
  }
  return { rows: body.length, addresses, problems };
}

/** What exists already for an address. */
export interface KnownAddresses {
  /** Addresses of existing accounts (lower case). */
  accounts: ReadonlySet<string>;
  /** Pending invitations by address: whether each is a member invitation (no role), and until when. */
  pending: ReadonlyMap<string, readonly { member: boolean; expiresAt: string }[]>;
}

export interface MemberPlan {
  invite: (MemberRow & { replaces: boolean })[];
  problems: MemberRowProblem[];
}

/**
 * Which addresses get an invitation. An address with an account is ALREADY_MEMBER. One with a
 * pending invitation is ALREADY_INVITED, unless `reissue` is set and every pending invitation to
 * it is a member invitation: those are then withdrawn and a new link made (staff invitations are
 * an admin's to withdraw). Problems come out in row order.
 */
export function planMemberInvites(read: ReadMembers, known: KnownAddresses, reissue: boolean): MemberPlan {
  const invite: MemberPlan['invite'] = [];
  const problems = [...read.problems];
  for (const a of read.addresses) {
    if (known.accounts.has(a.email)) {
      problems.push(problem(a.row, a.email, 'ALREADY_MEMBER', 'An account with this address exists: its holder can sign in and vote already.'));
      continue;
    }
    const pending = known.pending.get(a.email) ?? [];
    if (pending.length === 0) {
      invite.push({ ...a, replaces: false });
      continue;
    }
    if (pending.some((p) => !p.member)) {
      problems.push(problem(a.row, a.email, 'ALREADY_INVITED', 'An invitation with a staff role is pending for this address; an admin can withdraw it.'));
      continue;
    }
    if (reissue) {
      invite.push({ ...a, replaces: true });
      continue;
    }
    const until = pending.map((p) => p.expiresAt).sort().at(-1)!;
    problems.push(problem(a.row, a.email, 'ALREADY_INVITED', `An invitation to this address is pending until ${until.slice(0, 16).replace('T', ' ')} UTC. Choose "issue new links" to withdraw it and make a new one.`));
  }
  problems.sort((x, y) => x.row - y.row);
  return { invite, problems };
}
