import { z } from 'zod';

/**
 * Who may do what: the one permissions table. The server enforces it at one choke point for
 * room messages (SpaceRoom) and one for HTTP routes (server/http/api.ts); the client reads it
 * only to hide controls a person could not use. Every room message type and every HTTP route
 * names its action here, and server/access.test.ts tries every action as every role.
 */

export const Role = z.enum(['visitor', 'host', 'moderator', 'curator', 'admin']);
export type Role = z.infer<typeof Role>;

/** Roles that can be granted for one space or for all; admin is always global. */
export const SCOPED_ROLES = ['host', 'moderator', 'curator'] as const satisfies readonly Role[];
/** Roles that are granted (everyone is a visitor without a grant). */
export const GrantableRole = z.enum(['host', 'moderator', 'curator', 'admin']);
export type GrantableRole = z.infer<typeof GrantableRole>;

export const ROLE_LABEL: Record<Role, string> = {
  visitor: 'Visitor',
  host: 'Host',
  moderator: 'Moderator',
  curator: 'Curator',
  admin: 'Admin',
};

/** A role held by an account: everywhere (spaceId null) or in one space. */
export interface Grant {
  role: Role;
  spaceId: string | null;
}

/**
 * Where the grants that count for an action come from:
 * - `space`: grants for the space the action happens in, and global grants;
 * - `global`: global grants only (administration);
 * - `any`: a grant for any space, or a global one.
 */
export type Scope = 'space' | 'global' | 'any';

/** Someone with a session: a guest (no account) or an account, and the roles it was granted. */
export interface Principal {
  kind: 'guest' | 'account';
  grants: readonly Grant[];
}

export interface ActionRule {
  /** `anyone` includes people without a session (signing in, public data). */
  roles: 'anyone' | readonly Role[];
  /** Only for accounts: a guest holds the visitor role but cannot do this. */
  accountsOnly?: boolean;
  scope: Scope;
  /** One line for the OpenAPI document and the admin page. */
  summary: string;
}

const EVERYONE: readonly Role[] = ['visitor', 'host', 'moderator', 'curator', 'admin'];
const MODERATION: readonly Role[] = ['moderator', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const HOSTING: readonly Role[] = ['host', 'moderator', 'admin'];
const CURATION: readonly Role[] = ['curator', 'admin'];
/** Who sets up and runs ballots in a space: its curators and hosts (and admins). */
const BALLOTING: readonly Role[] = ['host', 'curator', 'admin'];
const STAFF: readonly Role[] = ['host', 'moderator', 'curator', 'admin'];

export const ACTIONS = {
  // Room messages.
  'space.move': { roles: EVERYONE, scope: 'space', summary: 'Walk around a space (movement input).' },
  'space.remove': { roles: MODERATION, scope: 'space', summary: 'Remove someone from a space.' },
  'space.mute': { roles: MODERATION, scope: 'space', summary: "Mute someone's questions and reactions in a space." },
  'space.ban': { roles: MODERATION, scope: 'space', summary: 'Ban someone from a space (account, or guest session and address).' },
  'seat.sit': { roles: EVERYONE, scope: 'space', summary: 'Sit in a free seat.' },
  'seat.stand': { roles: EVERYONE, scope: 'space', summary: 'Stand up from a seat.' },
  'question.ask': { roles: EVERYONE, scope: 'space', summary: 'Ask a question at an event.' },
  'question.vote': { roles: EVERYONE, scope: 'space', summary: 'Upvote a question, or take the vote back.' },
  'question.moderate': { roles: MODERATION, scope: 'space', summary: 'Approve, edit, dismiss, answer questions.' },
  'hand.raise': { roles: EVERYONE, scope: 'space', summary: 'Raise or lower a hand to speak from the floor.' },
  'floor.call': { roles: MODERATION, scope: 'space', summary: 'Call someone to the floor microphone.' },
  'floor.manage': { roles: MODERATION, scope: 'space', summary: "End or extend the floor microphone's turn." },
  'floor.release': { roles: EVERYONE, scope: 'space', summary: 'Give the floor microphone back (its holder).' },
  'event.run': { roles: HOSTING, scope: 'space', summary: 'Start or end the live event.' },
  'reaction.send': { roles: EVERYONE, scope: 'space', summary: 'React (applause, agree, disagree, laugh).' },
  'voice.join': { roles: EVERYONE, scope: 'space', summary: "A LiveKit token for the voice of the space instance you are in: listen always; talk when the space's voice mode and your place (stage, floor mic) allow." },
  'exhibit.edit': { roles: CURATION, scope: 'space', summary: "Edit a space's draft exhibits (add, change, move, lock, delete, duplicate, undo, redo, restore a version)." },

  // Sessions and accounts.
  'session.guest': { roles: 'anyone', scope: 'global', summary: 'Enter as a guest with a display name.' },
  'session.login': { roles: 'anyone', scope: 'global', summary: 'Sign in with email and password.' },
  'session.read': { roles: EVERYONE, scope: 'global', summary: 'Who am I: the current session, account and roles.' },
  'session.logout': { roles: EVERYONE, scope: 'global', summary: 'Sign out (revoke the current session).' },
  'look.read': { roles: EVERYONE, scope: 'global', summary: 'Your own look (clothing colours, skin tone, hair or hat), the same in every space.' },
  'look.write': { roles: EVERYONE, scope: 'global', summary: 'Choose or change your own look; people in the spaces you are in see it at once.' },
  'account.password': { roles: EVERYONE, accountsOnly: true, scope: 'global', summary: 'Change your own password (accounts only).' },

  // Operations and the API's own description.
  'ops.health': { roles: 'anyone', scope: 'global', summary: 'Liveness and load: rooms and clients.' },
  'ops.metrics': { roles: 'anyone', scope: 'global', summary: 'Prometheus metrics (bind the server to a private address or put it behind a proxy that hides this).' },
  'api.describe': { roles: 'anyone', scope: 'global', summary: 'This API as an OpenAPI 3.1 document.' },

  // Public data.
  'spaces.list': { roles: 'anyone', scope: 'global', summary: 'List spaces.' },
  'spaces.read': { roles: 'anyone', scope: 'global', summary: 'Read one space layout.' },

  // Invitations, seen from the invitee's side: holding the link is the permission.
  'invitation.read': { roles: 'anyone', scope: 'global', summary: 'Read an invitation by its link.' },
  'invitation.accept': { roles: 'anyone', scope: 'global', summary: 'Accept an invitation: create an account, or add the role to yours.' },

  // Administration.
  'admin.accounts.list': { roles: ADMIN, scope: 'global', summary: 'List accounts with their roles.' },
  'admin.accounts.update': { roles: ADMIN, scope: 'global', summary: 'Disable or re-enable an account.' },
  // Members in bulk: invitations that make accounts with no role (no staff role is ever granted this way).
  'members.invite': { roles: CURATION, scope: 'space', summary: 'Bring members in: a CSV of email addresses becomes invitation links (shown once, no email is sent) that make accounts with no role, able to vote on ballots that take accounts.' },
  'admin.invitations.list': { roles: ADMIN, scope: 'global', summary: 'List invitations.' },
  'admin.invitations.create': { roles: ADMIN, scope: 'global', summary: 'Invite someone by link with a role.' },
  'admin.invitations.revoke': { roles: ADMIN, scope: 'global', summary: 'Withdraw an unused invitation.' },
  'admin.grants.list': { roles: ADMIN, scope: 'global', summary: 'List role grants.' },
  'admin.grants.create': { roles: ADMIN, scope: 'global', summary: 'Grant a role to an account, in one space or everywhere.' },
  'admin.grants.revoke': { roles: ADMIN, scope: 'global', summary: 'Take a role grant away.' },
  // Events (town hall sessions) and their public record.
  'events.list': { roles: 'anyone', scope: 'global', summary: 'List events.' },
  'events.read': { roles: 'anyone', scope: 'global', summary: 'Read one event.' },
  'events.record': { roles: 'anyone', scope: 'global', summary: "An event's record: questions, votes, floor turns, equal time (JSON or CSV)." },
  'events.create': { roles: HOSTING, scope: 'space', summary: 'Schedule an event in a town hall.' },
  'events.update': { roles: HOSTING, scope: 'space', summary: 'Change a scheduled event.' },

  // Exhibitions: the published exhibits and files are open data; drafts are the curators'.
  'exhibits.read': { roles: 'anyone', scope: 'global', summary: "A space's published exhibits." },
  'exhibits.publish': { roles: CURATION, scope: 'space', summary: "Publish a space's draft as a new numbered version." },
  'exhibits.history': { roles: CURATION, scope: 'space', summary: "List a space's published versions." },
  'assets.upload': { roles: CURATION, scope: 'any', summary: 'Upload an image, video, captions file or glTF model (checked by content).' },
  'assets.read': { roles: 'anyone', scope: 'global', summary: 'Download an uploaded file by the SHA-256 of its content.' },
  'twins.read': { roles: 'anyone', scope: 'global', summary: 'The digital-twin models: levers, outcomes, assumptions and sources.' },

  // Quadratic ballots: results are open data; staff set them up and run them; everyone with a session may try to vote (the ballot says who counts).
  'ballots.read': { roles: 'anyone', scope: 'global', summary: "A space's ballots with their tallies, and each ballot's full results (JSON or CSV); tallies are hidden until close when the ballot says so." },
  'ballots.manage': { roles: BALLOTING, scope: 'space', summary: 'Set up and change a ballot, open and close it, put it on the stage screen, issue one-time ballot codes.' },
  'ballots.vote': { roles: EVERYONE, scope: 'space', summary: 'Read and change your own allocation of voice credits on a ballot (n votes on one proposal cost n^2 credits).' },
  // Consensus (issue 20): the question, statements, opinion map and open data are public.
  'consensus.read': { roles: 'anyone', scope: 'global', summary: "A space's consensus question, its statements, the opinion map and groups, and its open data (Pol.is layout CSV)." },
  'consensus.vote': { roles: EVERYONE, scope: 'space', summary: 'Agree, disagree or pass on statements, and see the ones you have not voted on yet.' },
  'consensus.submit': { roles: EVERYONE, scope: 'space', summary: "Add a statement to a space's consensus question (held for a moderator unless you run the space)." },
  'consensus.moderate': { roles: MODERATION, scope: 'space', summary: 'Accept or reject the statements people added.' },
  'consensus.manage': { roles: STAFF, scope: 'space', summary: 'Ask a consensus question in a space (with its first statements), or import one in the Pol.is open-data layout.' },

  'audit.read': { roles: MODERATION, scope: 'any', summary: 'Read the audit log of privileged actions.' },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;
export const ALL_ACTIONS = Object.keys(ACTIONS) as Action[];

/**
 * The roles someone holds for an action's scope. `who` null means nobody is signed in (no
 * session); a session without grants (a guest, or an account without roles) is a visitor.
 */
export function rolesFor(who: Principal | null, scope: Scope, spaceId?: string | null): Set<Role> {
  const roles = new Set<Role>();
  if (who === null) return roles;
  roles.add('visitor');
  for (const g of who.grants) {
    const counts = g.spaceId === null
      || scope === 'any'
      || (scope === 'space' && spaceId !== undefined && spaceId !== null && g.spaceId === spaceId);
    if (counts) roles.add(g.role);
  }
  return roles;
}

/** May this person (null: no session) do this action, in this space? */
export function allows(action: Action, who: Principal | null, spaceId?: string | null): boolean {
  const rule: ActionRule = ACTIONS[action];
  if (rule.roles === 'anyone') return true;
  if (who === null || (rule.accountsOnly && who.kind !== 'account')) return false;
  const held = rolesFor(who, rule.scope, spaceId);
  return rule.roles.some((r) => held.has(r));
}

/**
 * Whose audit entries someone may read: admins and global moderators every entry ('all'); a
 * moderator of some spaces only the entries about those spaces (issue 17, finding 12).
 */
export function auditSpaces(who: Principal): 'all' | string[] {
  const spaces = new Set<string>();
  for (const g of who.grants) {
    if (g.role !== 'admin' && g.role !== 'moderator') continue;
    if (g.spaceId === null) return 'all';
    spaces.add(g.spaceId);
  }
  return [...spaces];
}

/** The badge shown on a name tag in a space: the role visitors most need to recognise. */
const BADGE_ORDER: readonly Role[] = ['host', 'moderator', 'curator', 'admin'];
export function badgeFor(grants: readonly Grant[], spaceId: string): Role {
  const held = rolesFor({ kind: 'account', grants }, 'space', spaceId);
  return BADGE_ORDER.find((r) => held.has(r)) ?? 'visitor';
}
