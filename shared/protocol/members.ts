import { z } from 'zod';

/**
 * Bringing members in bulk: a curator or admin sends a CSV of email addresses and each good row
 * becomes an invitation link that makes an account with no staff role (an account may vote on
 * ballots that take accounts). Rows that cannot be used are reported one by one with a stable
 * code and a sentence. No email is sent: the answer holds the links, shown once.
 */

/** At most this many rows (after a header) in one upload. */
export const MEMBER_ROWS_MAX = 1000;
/** The largest CSV text accepted, in characters (about 1,000 rows of long addresses and names). */
export const MEMBER_CSV_MAX_CHARS = 200_000;
/** Member invitations last two weeks unless the curator says otherwise (at most 30 days). */
export const MEMBER_INVITE_HOURS_DEFAULT = 24 * 14;

/** Why a row of the CSV made no invitation. */
export const MemberRowCode = z.enum([
  /** The cell is not an email address. */
  'INVALID_EMAIL',
  /** The cell starts like a spreadsheet formula (=, +, -, @): it is not read at all. */
  'FORMULA_CELL',
  /** The row has no cell in the email column. */
  'MISSING_EMAIL',
  /** The same address is on an earlier row of this file. */
  'DUPLICATE',
  /** An account with this address exists: its holder can sign in and vote already. */
  'ALREADY_MEMBER',
  /** An invitation to this address is still pending. */
  'ALREADY_INVITED',
]);
export type MemberRowCode = z.infer<typeof MemberRowCode>;

export const MemberInvitesRequest = z.strictObject({
  /** The CSV text: one address a row, or a header row with a column named "email". */
  csv: z.string().max(MEMBER_CSV_MAX_CHARS, `The CSV can be at most ${MEMBER_CSV_MAX_CHARS.toLocaleString('en')} characters; split it into smaller files.`),
  expiresInHours: z.number().int().min(1).max(24 * 30).default(MEMBER_INVITE_HOURS_DEFAULT),
  /** Withdraw pending member invitations to these addresses and issue new links (the old ones stop working). */
  reissue: z.boolean().default(false),
  /** Check only: report what would happen, create nothing. */
  dryRun: z.boolean().default(false),
});
export type MemberInvitesRequest = z.input<typeof MemberInvitesRequest>;

export const MemberRowProblem = z.object({
  /** The row's line in the file, counting from 1 (the header, if any, is row 1). */
  row: z.number().int(),
  /** What the cell held, cut to 80 characters, control characters removed. Text only: never a formula. */
  value: z.string(),
  code: MemberRowCode,
  message: z.string(),
});
export type MemberRowProblem = z.infer<typeof MemberRowProblem>;

export const MemberInvitation = z.object({
  row: z.number().int(),
  email: z.string(),
  /** Null on a dry run. */
  invitationId: z.string().nullable(),
  /** The accept page, relative to the site: `/invite/<token>`. Shown once; null on a dry run. */
  path: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** A pending member invitation to this address was withdrawn for this one. */
  replaced: z.boolean(),
});
export type MemberInvitation = z.infer<typeof MemberInvitation>;

export const MemberInvitesResult = z.object({
  spaceId: z.string(),
  dryRun: z.boolean(),
  /** Rows read (without the header). */
  rows: z.number().int(),
  invited: z.array(MemberInvitation),
  problems: z.array(MemberRowProblem),
}).meta({ id: 'MemberInvitations' });
export type MemberInvitesResult = z.infer<typeof MemberInvitesResult>;
