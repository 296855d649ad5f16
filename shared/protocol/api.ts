import { z } from 'zod';
import { GrantableRole, Role, type Action } from '../access.js';
import { SpaceId, SpaceLayout, VoiceMode } from '../spaces/layout.js';
import { ErrorCode } from './errors.js';
import { DisplayName } from './messages.js';
import { AssetKind, AssetType, Exhibit, Sha256 } from '../exhibits/exhibit.js';
import { TwinModels } from './twins.js';
import { AvatarLook } from './look.js';
import { AllocationRequest, BallotCreateRequest, BallotParams, BallotResults, BallotsLive, BallotUpdateRequest, BallotView, CodeCounts, CodesIssued, CodesRequest, MyAllocation } from './ballots.js';
import { MemberInvitesRequest, MemberInvitesResult } from './members.js';
import {
  ConsensusImportRequest, ConsensusMine, ImportProblems, ConsensusResponse, ConsensusVoteRequest, ConversationCreateRequest, ConversationView,
  PendingStatements, StatementModerateRequest, StatementSubmitRequest, StatementView,
} from './consensus.js';

/**
 * The HTTP API as data: every endpoint with its method, path, permission action and the zod
 * schemas of its input and output. The server mounts exactly these (server/http/api.ts), the
 * OpenAPI document at /api/openapi.json is generated from them, and clients call them through
 * shared/protocol/apiClient.ts. Paths use Express syntax (`:id`).
 */

export const ApiError = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  /** Only when one request has several faults: each of them (so far, each unreadable row of a consensus import). */
  problems: ImportProblems.optional(),
}).meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;

export const Email = z.string().trim().toLowerCase()
  .max(254, 'Email addresses can be at most 254 characters.')
  .pipe(z.email('Please type a valid email address.'));

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** New passwords: long enough to resist guessing, short enough that hashing stays cheap. */
export const NewPassword = z.string()
  .min(PASSWORD_MIN, `Passwords need at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Passwords can be at most ${PASSWORD_MAX} characters.`);
/** A password being checked: any length up to the cap (older rules may have allowed shorter). */
const GivenPassword = z.string().min(1, 'Please type your password.').max(PASSWORD_MAX, `Passwords can be at most ${PASSWORD_MAX} characters.`);

const Id = z.string().min(1).max(64);
const Timestamp = z.string().describe('ISO-8601 UTC, e.g. 2026-11-25T06:30:00.000Z');

export const GrantView = z.object({
  id: Id,
  accountId: Id,
  role: Role,
  spaceId: SpaceId.nullable(),
  grantedBy: Id.nullable(),
  createdAt: Timestamp,
}).meta({ id: 'Grant' });
export type GrantView = z.infer<typeof GrantView>;

export const AccountView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  createdAt: Timestamp,
  disabledAt: Timestamp.nullable(),
}).meta({ id: 'Account' });
export type AccountView = z.infer<typeof AccountView>;

/** Who the current session speaks for. */
export const Me = z.object({
  kind: z.enum(['guest', 'account']),
  name: z.string(),
  account: AccountView.nullable(),
  grants: z.array(z.object({ role: Role, spaceId: SpaceId.nullable() })),
  expiresAt: Timestamp,
}).meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const GuestSessionRequest = z.strictObject({ name: DisplayName });
export type GuestSessionRequest = z.infer<typeof GuestSessionRequest>;
export const GuestSessionResponse = z.object({ token: z.string(), name: z.string(), expiresAt: Timestamp });
export type GuestSessionResponse = z.infer<typeof GuestSessionResponse>;

export const LoginRequest = z.strictObject({ email: Email, password: GivenPassword });
export type LoginRequest = z.infer<typeof LoginRequest>;
/** A signed-in session: the bearer token and who it is. */
export const SessionResponse = z.object({ token: z.string(), me: Me }).meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const PasswordChangeRequest = z.strictObject({ currentPassword: GivenPassword, newPassword: NewPassword });
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

export const InvitationStatus = z.enum(['pending', 'used', 'expired', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;
/** The role an invitation grants; `visitor` is a member invitation: an account with no role. */
export const InvitationRole = Role.describe('The role it grants; "visitor" is a member invitation (an account with no role, able to vote on ballots that take accounts).');
export const InvitationView = z.object({
  id: Id,
  role: InvitationRole,
  spaceId: SpaceId.nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  usedAt: Timestamp.nullable(),
  usedBy: Id.nullable(),
  revokedAt: Timestamp.nullable(),
  status: InvitationStatus,
}).meta({ id: 'Invitation' });
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationCreateRequest = z.strictObject({
  role: GrantableRole,
  /** Null or absent: the role applies everywhere. Admin is always global. */
  spaceId: SpaceId.nullable().default(null),
  /** Whom it is for (shown to the invitee, pre-fills the form); the link works for whoever holds it. */
  email: Email.nullable().default(null),
  note: z.string().trim().max(200, 'Notes can be at most 200 characters.').nullable().default(null),
  expiresInHours: z.number().int().min(1).max(24 * 30).default(24 * 7),
});
export type InvitationCreateRequest = z.input<typeof InvitationCreateRequest>;
export const InvitationCreated = z.object({
  invitation: InvitationView,
  /** The secret: shown once, never stored (only its hash is). */
  token: z.string(),
  /** Path of the page that accepts it, relative to the site: `/invite/<token>`. */
  path: z.string(),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

/** What the holder of an invitation link may see before accepting. */
export const InvitationPreview = z.object({
  role: InvitationRole,
  spaceId: SpaceId.nullable(),
  spaceName: z.string().nullable(),
  email: z.string().nullable(),
  expiresAt: Timestamp,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/**
 * Accepting: signed in, the role is added to your account (send `{}`); otherwise the three
 * fields create a new account.
 */
export const InvitationAcceptRequest = z.strictObject({
  email: Email.optional(),
  password: NewPassword.optional(),
  displayName: DisplayName.optional(),
});
export type InvitationAcceptRequest = z.input<typeof InvitationAcceptRequest>;

export const AccountWithGrants = AccountView.extend({ grants: z.array(GrantView) }).meta({ id: 'AccountWithGrants' });
export type AccountWithGrants = z.infer<typeof AccountWithGrants>;
export const AccountUpdateRequest = z.strictObject({ disabled: z.boolean() });

export const GrantCreateRequest = z.strictObject({
  accountId: Id,
  role: GrantableRole,
  spaceId: SpaceId.nullable().default(null),
});
export type GrantCreateRequest = z.input<typeof GrantCreateRequest>;

export const AuditEntryView = z.object({
  id: z.number().int(),
  at: Timestamp,
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.unknown(),
  /** The space the entry is about; null for site-wide entries (accounts, uploads), which only admins read. */
  spaceId: z.string().nullable(),
}).meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof AuditEntryView>;
export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

export const SpaceSummary = z.object({ id: SpaceId, name: z.string(), kind: z.string() });

export const EventStateName = z.enum(['scheduled', 'live', 'ended']);
export const EventView = z.object({
  id: Id,
  spaceId: SpaceId,
  title: z.string(),
  description: z.string(),
  state: EventStateName,
  startsAt: Timestamp,
  startedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  /** Questions go straight to everyone unless flagged (otherwise moderators approve each). */
  autoApprove: z.boolean(),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
}).meta({ id: 'Event' });
export type EventView = z.infer<typeof EventView>;

const EventTitle = z.string().trim().min(3, 'Give the event a title (at least 3 characters).').max(120, 'Titles can be at most 120 characters.');
const EventDescription = z.string().trim().max(2000, 'Descriptions can be at most 2000 characters.');
export const EventCreateRequest = z.strictObject({
  spaceId: SpaceId,
  title: EventTitle,
  description: EventDescription.default(''),
  startsAt: z.iso.datetime({ offset: true, message: 'Give the start as an ISO date and time, e.g. 2026-12-01T18:00:00Z.' }),
  autoApprove: z.boolean().default(false),
});
export type EventCreateRequest = z.input<typeof EventCreateRequest>;
export const EventUpdateRequest = z.strictObject({
  title: EventTitle.optional(),
  description: EventDescription.optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  autoApprove: z.boolean().optional(),
});
/** Events, and how many people are in each space right now (the front page shows it before anyone joins). */
export const EventList = z.object({
  events: z.array(EventView),
  present: z.record(z.string(), z.number().int().nonnegative()),
}).meta({ id: 'EventList' });
export type EventList = z.infer<typeof EventList>;

export const EventsQuery = z.strictObject({
  spaceId: SpaceId.optional(),
  state: EventStateName.optional(),
});

export const RecordQuestion = z.object({
  id: Id,
  text: z.string(),
  /** The text as asked, when a moderator edited it. */
  originalText: z.string().nullable(),
  /** The asker's display name, or "anonymous". */
  author: z.string(),
  votes: z.number().int(),
  /** 'merged': a duplicate a moderator folded into the question `mergedInto` (which is in the record too). */
  state: z.enum(['approved', 'answering', 'answered', 'merged']),
  askedAt: Timestamp,
  approvedAt: Timestamp.nullable(),
  answeringAt: Timestamp.nullable(),
  answeredAt: Timestamp.nullable(),
  /** A merged duplicate: the question it repeats; null for the others. */
  mergedInto: Id.nullable(),
  /** A merged duplicate: when it was merged. */
  mergedAt: Timestamp.nullable(),
  /** A merged duplicate: the backers it brought to that question (its asker and voters not already there), counted in that question's votes. */
  votesCarried: z.number().int(),
});
export const FloorTurnView = z.object({
  name: z.string(),
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  seconds: z.number(),
});
export const EventRecord = z.object({
  event: EventView,
  /**
   * Questions that were made public, and the duplicates merged into them (state 'merged');
   * other pending and dismissed ones are not part of the record, only counted.
   */
  questions: z.array(RecordQuestion),
  /** Questions moderators did not take up (dismissed, or merged into one that was never made public). */
  dismissedCount: z.number().int(),
  floorTurns: z.array(FloorTurnView),
  /** Speaking time from the floor per person, most first: the equal-time report. */
  equalTime: z.array(z.object({ name: z.string(), turns: z.number().int(), seconds: z.number() })),
}).meta({ id: 'EventRecord' });
export type EventRecord = z.infer<typeof EventRecord>;

/**
 * Asking for voice in the space instance you are in: the space, the Colyseus room id and your
 * connection's session id there (the avatar's key). The server checks that connection is yours.
 */
export const VoiceTokenRequest = z.strictObject({
  spaceId: SpaceId,
  roomId: z.string().min(1).max(64),
  sessionId: z.string().min(1).max(64),
});
export type VoiceTokenRequest = z.infer<typeof VoiceTokenRequest>;

/**
 * A LiveKit token for one room (one per space instance). `url` null means this site's own
 * origin at `/livekit` (the embedded LiveKit behind the app); otherwise the external LiveKit's
 * signalling URL. The LiveKit identity is your connection's session id, so each voice belongs
 * to an avatar. `canPublish` is what the token allows now; the server changes it live.
 */
export const VoiceToken = z.object({
  url: z.string().nullable(),
  room: z.string(),
  identity: z.string(),
  token: z.string(),
  mode: VoiceMode,
  canPublish: z.boolean(),
}).meta({ id: 'VoiceToken' });
export type VoiceToken = z.infer<typeof VoiceToken>;
/** A space's published exhibits: what every visitor sees (open data). */
export const PublishedExhibits = z.object({
  spaceId: SpaceId,
  /** 0 before the first publish. */
  version: z.number().int().min(0),
  publishedAt: Timestamp.nullable(),
  exhibits: z.array(Exhibit),
}).meta({ id: 'PublishedExhibits' });
export type PublishedExhibits = z.infer<typeof PublishedExhibits>;

export const SpaceVersion = z.object({
  version: z.number().int().min(1),
  publishedAt: Timestamp,
  publishedBy: z.string().describe('The display name of who published it.'),
  note: z.string(),
  exhibitCount: z.number().int(),
}).meta({ id: 'SpaceVersion' });
export type SpaceVersion = z.infer<typeof SpaceVersion>;

export const PublishRequest = z.strictObject({
  note: z.string().trim().max(200, 'Notes can be at most 200 characters.').default(''),
});
export type PublishRequest = z.input<typeof PublishRequest>;

export const VersionParams = z.strictObject({ id: SpaceId, version: z.coerce.number().int().min(1).max(1_000_000) });
export const Sha256Params = z.strictObject({ sha256: Sha256 });

/** Uploading: the file is the raw request body; what it is meant to be comes in the query. */
export const AssetUploadQuery = z.strictObject({
  kind: AssetKind,
  /** The file's name on the curator's machine (kept for the inspector; never used as a path). */
  name: z.string().max(200).default(''),
});
export const AssetView = z.object({
  sha256: Sha256,
  type: AssetType,
  kind: AssetKind,
  size: z.number().int(),
  name: z.string(),
}).meta({ id: 'Asset' });
export type AssetView = z.infer<typeof AssetView>;

/** A person's look, and whether they chose it (false: the one made from their id until they do). */
export const LookResponse = z.object({ look: AvatarLook.meta({ id: 'AvatarLook' }), chosen: z.boolean() }).meta({ id: 'Look' });
export type LookResponse = z.infer<typeof LookResponse>;

export const IdParams = z.strictObject({ id: Id });
export const SpaceParams = z.strictObject({ id: SpaceId });
export const StatementParams = z.strictObject({ id: SpaceId, number: z.coerce.number().int().min(0).max(1_000_000) });
export const TokenParams = z.strictObject({ token: z.string().min(16).max(128) });
const Empty = z.strictObject({});
const Ok = z.object({ ok: z.literal(true) });

export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  action: Action;
  status: 200 | 201;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Largest accepted JSON body; bodies are refused above it (413). Default 4 kB. */
  maxBody?: string;
  /** The sentence for a path parameter that cannot name anything (default: nothing at this address). */
  notFound?: string;
  /** The response's media type when it is not JSON. */
  produces?: string;
  /**
   * Where the space of a space-scoped action comes from: the body's `spaceId`, the space of
   * the event named by the path's `:id`, or the path's `:id` itself (a space). Grants for that
   * space (and global ones) count.
   */
  spaceFrom?: 'body' | 'event' | 'path';
  /** The body is the raw file (streamed by the handler, capped by its own limits), not JSON. */
  rawBody?: boolean;
  /** The response is a file the handler sends itself. */
  file?: boolean;
}

const BALLOT_NOT_FOUND = 'There is no such ballot in this space.';
const NO_SPACE = 'There is no space with that name.';
const INVITATION_NOT_FOUND = 'This invitation link is not valid. Please ask for a new one.';

function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

export const API = {
  health: endpoint({ method: 'GET', path: '/healthz', action: 'ops.health', status: 200, response: z.object({ ok: z.literal(true), rooms: z.number(), clients: z.number() }) }),
  metrics: endpoint({ method: 'GET', path: '/metrics', action: 'ops.metrics', status: 200, response: z.string(), produces: 'text/plain' }),
  openapi: endpoint({ method: 'GET', path: '/api/openapi.json', action: 'api.describe', status: 200, response: z.record(z.string(), z.unknown()) }),

  guestSession: endpoint({ method: 'POST', path: '/api/session/guest', action: 'session.guest', status: 201, body: GuestSessionRequest, response: GuestSessionResponse }),
  login: endpoint({ method: 'POST', path: '/api/session/login', action: 'session.login', status: 201, body: LoginRequest, response: SessionResponse }),
  me: endpoint({ method: 'GET', path: '/api/session', action: 'session.read', status: 200, response: Me }),
  logout: endpoint({ method: 'POST', path: '/api/session/logout', action: 'session.logout', status: 200, body: Empty, response: Ok }),
  getLook: endpoint({ method: 'GET', path: '/api/look', action: 'look.read', status: 200, response: LookResponse }),
  setLook: endpoint({ method: 'POST', path: '/api/look', action: 'look.write', status: 200, body: AvatarLook, response: LookResponse }),
  changePassword: endpoint({ method: 'POST', path: '/api/account/password', action: 'account.password', status: 200, body: PasswordChangeRequest, response: SessionResponse }),

  listSpaces: endpoint({ method: 'GET', path: '/api/spaces', action: 'spaces.list', status: 200, response: z.object({ spaces: z.array(SpaceSummary) }) }),
  getSpace: endpoint({ method: 'GET', path: '/api/spaces/:id', action: 'spaces.read', status: 200, params: SpaceParams, notFound: 'There is no space with that name.', response: z.object({ space: SpaceLayout }) }),

  previewInvitation: endpoint({ method: 'GET', path: '/api/invitations/:token', action: 'invitation.read', status: 200, params: TokenParams, notFound: INVITATION_NOT_FOUND, response: InvitationPreview }),
  acceptInvitation: endpoint({ method: 'POST', path: '/api/invitations/:token/accept', action: 'invitation.accept', status: 201, params: TokenParams, notFound: INVITATION_NOT_FOUND, body: InvitationAcceptRequest, response: SessionResponse }),

  listAccounts: endpoint({ method: 'GET', path: '/api/admin/accounts', action: 'admin.accounts.list', status: 200, response: z.object({ accounts: z.array(AccountWithGrants) }) }),
  updateAccount: endpoint({ method: 'PATCH', path: '/api/admin/accounts/:id', action: 'admin.accounts.update', status: 200, params: IdParams, body: AccountUpdateRequest, response: AccountView }),
  listInvitations: endpoint({ method: 'GET', path: '/api/admin/invitations', action: 'admin.invitations.list', status: 200, response: z.object({ invitations: z.array(InvitationView) }) }),
  createInvitation: endpoint({ method: 'POST', path: '/api/admin/invitations', action: 'admin.invitations.create', status: 201, body: InvitationCreateRequest, response: InvitationCreated }),
  revokeInvitation: endpoint({ method: 'DELETE', path: '/api/admin/invitations/:id', action: 'admin.invitations.revoke', status: 200, params: IdParams, response: InvitationView }),
  listGrants: endpoint({ method: 'GET', path: '/api/admin/grants', action: 'admin.grants.list', status: 200, response: z.object({ grants: z.array(GrantView) }) }),
  createGrant: endpoint({ method: 'POST', path: '/api/admin/grants', action: 'admin.grants.create', status: 201, body: GrantCreateRequest, response: GrantView }),
  revokeGrant: endpoint({ method: 'DELETE', path: '/api/admin/grants/:id', action: 'admin.grants.revoke', status: 200, params: IdParams, response: Ok }),
  listEvents: endpoint({ method: 'GET', path: '/api/events', action: 'events.list', status: 200, query: EventsQuery, response: EventList }),
  createEvent: endpoint({ method: 'POST', path: '/api/events', action: 'events.create', status: 201, body: EventCreateRequest, response: EventView, spaceFrom: 'body' }),
  getEvent: endpoint({ method: 'GET', path: '/api/events/:id', action: 'events.read', status: 200, params: IdParams, response: EventView, notFound: 'There is no such event.' }),
  updateEvent: endpoint({ method: 'PATCH', path: '/api/events/:id', action: 'events.update', status: 200, params: IdParams, body: EventUpdateRequest, response: EventView, spaceFrom: 'event', notFound: 'There is no such event.' }),
  eventRecord: endpoint({ method: 'GET', path: '/api/events/:id/record', action: 'events.record', status: 200, params: IdParams, response: EventRecord, notFound: 'There is no such event.' }),
  eventRecordCsv: endpoint({ method: 'GET', path: '/api/events/:id/record.csv', action: 'events.record', status: 200, params: IdParams, response: z.string(), produces: 'text/csv', notFound: 'There is no such event.' }),

  voiceToken: endpoint({ method: 'POST', path: '/api/voice/token', action: 'voice.join', status: 200, body: VoiceTokenRequest, response: VoiceToken, spaceFrom: 'body' }),
  publishedExhibits: endpoint({ method: 'GET', path: '/api/spaces/:id/exhibits', action: 'exhibits.read', status: 200, params: SpaceParams, notFound: 'There is no space with that name.', response: PublishedExhibits }),
  listVersions: endpoint({ method: 'GET', path: '/api/spaces/:id/versions', action: 'exhibits.history', status: 200, params: SpaceParams, spaceFrom: 'path', notFound: 'There is no space with that name.', response: z.object({ versions: z.array(SpaceVersion) }) }),
  publish: endpoint({ method: 'POST', path: '/api/spaces/:id/publish', action: 'exhibits.publish', status: 201, params: SpaceParams, spaceFrom: 'path', body: PublishRequest, notFound: 'There is no space with that name.', response: SpaceVersion }),
  restoreVersion: endpoint({ method: 'POST', path: '/api/spaces/:id/versions/:version/restore', action: 'exhibit.edit', status: 200, params: VersionParams, spaceFrom: 'path', notFound: 'There is no such version.', response: z.object({ restored: z.number().int(), exhibitCount: z.number().int() }) }),
  uploadAsset: endpoint({ method: 'POST', path: '/api/assets', action: 'assets.upload', status: 201, query: AssetUploadQuery, rawBody: true, response: AssetView }),
  twinModels: endpoint({ method: 'GET', path: '/api/twins/models', action: 'twins.read', status: 200, response: TwinModels }),
  getAsset: endpoint({ method: 'GET', path: '/api/assets/:sha256', action: 'assets.read', status: 200, params: Sha256Params, notFound: 'There is no such file.', response: z.string(), produces: 'application/octet-stream', file: true }),

  listBallots: endpoint({ method: 'GET', path: '/api/spaces/:id/ballots', action: 'ballots.read', status: 200, params: SpaceParams, notFound: 'There is no space with that name.', response: BallotsLive }),
  createBallot: endpoint({ method: 'POST', path: '/api/spaces/:id/ballots', action: 'ballots.manage', status: 201, params: SpaceParams, spaceFrom: 'path', body: BallotCreateRequest, maxBody: '64kb', notFound: 'There is no space with that name.', response: BallotView }),
  updateBallot: endpoint({ method: 'PATCH', path: '/api/spaces/:id/ballots/:ballotId', action: 'ballots.manage', status: 200, params: BallotParams, spaceFrom: 'path', body: BallotUpdateRequest, maxBody: '64kb', notFound: BALLOT_NOT_FOUND, response: BallotView }),
  ballotCodes: endpoint({ method: 'POST', path: '/api/spaces/:id/ballots/:ballotId/codes', action: 'ballots.manage', status: 201, params: BallotParams, spaceFrom: 'path', body: CodesRequest, notFound: BALLOT_NOT_FOUND, response: CodesIssued }),
  ballotCodeCounts: endpoint({ method: 'GET', path: '/api/spaces/:id/ballots/:ballotId/codes', action: 'ballots.manage', status: 200, params: BallotParams, spaceFrom: 'path', notFound: BALLOT_NOT_FOUND, response: CodeCounts }),
  inviteMembers: endpoint({ method: 'POST', path: '/api/spaces/:id/members/invitations', action: 'members.invite', status: 201, params: SpaceParams, spaceFrom: 'path', body: MemberInvitesRequest, maxBody: '512kb', notFound: NO_SPACE, response: MemberInvitesResult }),
  myAllocation: endpoint({ method: 'GET', path: '/api/spaces/:id/ballots/:ballotId/allocation', action: 'ballots.vote', status: 200, params: BallotParams, spaceFrom: 'path', notFound: BALLOT_NOT_FOUND, response: MyAllocation }),
  castAllocation: endpoint({ method: 'POST', path: '/api/spaces/:id/ballots/:ballotId/allocation', action: 'ballots.vote', status: 200, params: BallotParams, spaceFrom: 'path', body: AllocationRequest, maxBody: '8kb', notFound: BALLOT_NOT_FOUND, response: MyAllocation }),
  ballotResults: endpoint({ method: 'GET', path: '/api/spaces/:id/ballots/:ballotId/results', action: 'ballots.read', status: 200, params: BallotParams, notFound: BALLOT_NOT_FOUND, response: BallotResults }),
  ballotResultsCsv: endpoint({ method: 'GET', path: '/api/spaces/:id/ballots/:ballotId/results.csv', action: 'ballots.read', status: 200, params: BallotParams, notFound: BALLOT_NOT_FOUND, response: z.string(), produces: 'text/csv' }),
  consensus: endpoint({ method: 'GET', path: '/api/spaces/:id/consensus', action: 'consensus.read', status: 200, params: SpaceParams, notFound: NO_SPACE, response: ConsensusResponse }),
  askConsensus: endpoint({ method: 'POST', path: '/api/spaces/:id/consensus', action: 'consensus.manage', status: 201, params: SpaceParams, spaceFrom: 'path', notFound: NO_SPACE, body: ConversationCreateRequest, maxBody: '128kb', response: ConversationView }),
  importConsensus: endpoint({ method: 'POST', path: '/api/spaces/:id/consensus/import', action: 'consensus.manage', status: 201, params: SpaceParams, spaceFrom: 'path', notFound: NO_SPACE, body: ConsensusImportRequest, maxBody: '12mb', response: ConversationView }),
  consensusMine: endpoint({ method: 'GET', path: '/api/spaces/:id/consensus/mine', action: 'consensus.vote', status: 200, params: SpaceParams, spaceFrom: 'path', notFound: NO_SPACE, response: ConsensusMine }),
  consensusVote: endpoint({ method: 'POST', path: '/api/spaces/:id/consensus/votes', action: 'consensus.vote', status: 200, params: SpaceParams, spaceFrom: 'path', notFound: NO_SPACE, body: ConsensusVoteRequest, response: ConsensusMine }),
  submitStatement: endpoint({ method: 'POST', path: '/api/spaces/:id/consensus/statements', action: 'consensus.submit', status: 201, params: SpaceParams, spaceFrom: 'path', notFound: NO_SPACE, body: StatementSubmitRequest, response: StatementView }),
  pendingStatements: endpoint({ method: 'GET', path: '/api/spaces/:id/consensus/pending', action: 'consensus.moderate', status: 200, params: SpaceParams, spaceFrom: 'path', notFound: NO_SPACE, response: PendingStatements }),
  moderateStatement: endpoint({ method: 'POST', path: '/api/spaces/:id/consensus/statements/:number/moderate', action: 'consensus.moderate', status: 200, params: StatementParams, spaceFrom: 'path', notFound: 'There is no such statement.', body: StatementModerateRequest, response: StatementView }),
  consensusComments: endpoint({ method: 'GET', path: '/api/spaces/:id/consensus/comments.csv', action: 'consensus.read', status: 200, params: SpaceParams, notFound: NO_SPACE, response: z.string(), produces: 'text/csv' }),
  consensusVotes: endpoint({ method: 'GET', path: '/api/spaces/:id/consensus/votes.csv', action: 'consensus.read', status: 200, params: SpaceParams, notFound: NO_SPACE, response: z.string(), produces: 'text/csv' }),
  consensusParticipants: endpoint({ method: 'GET', path: '/api/spaces/:id/consensus/participants-votes.csv', action: 'consensus.read', status: 200, params: SpaceParams, notFound: NO_SPACE, response: z.string(), produces: 'text/csv' }),

  audit: endpoint({ method: 'GET', path: '/api/audit', action: 'audit.read', status: 200, query: AuditQuery, response: z.object({ entries: z.array(AuditEntryView) }) }),
} as const;

export type ApiName = keyof typeof API;
export type ApiResponse<N extends ApiName> = z.infer<(typeof API)[N]['response']>;
export type ApiBody<N extends ApiName> = (typeof API)[N] extends { body: infer B extends z.ZodType } ? z.input<B> : never;
