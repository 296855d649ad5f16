import { z } from 'zod';
import type { Action } from '../access.js';
import { NAME_MAX_LENGTH } from '../constants.js';
import { SpaceId } from '../spaces/layout.js';

/**
 * Message names and schemas. Client -> server messages are intents, never results: the server
 * checks each against its schema here before it touches any state.
 */
export const ClientMessage = {
  /** One fixed step of movement input. */
  Input: 'input',
  /** A moderator removes someone from the space: RemoveMessage. */
  Remove: 'remove',
  // The town hall (schemas in townhall.ts).
  Sit: 'sit',
  Stand: 'stand',
  Ask: 'ask',
  Vote: 'vote',
  ModerateQuestion: 'moderateQuestion',
  Hand: 'hand',
  FloorCall: 'floorCall',
  FloorEnd: 'floorEnd',
  FloorExtend: 'floorExtend',
  FloorRelease: 'floorRelease',
  EventRun: 'eventRun',
  /** The host's closing note on the stage screen: EventThanksMessage (townhall.ts). */
  EventThanks: 'eventThanks',
  /** Staff who may run the event go straight to the stage, facing the audience (GoToStageMessage). */
  GoToStage: 'goToStage',
  React: 'react',
  Mute: 'mute',
  Ban: 'ban',
  /** A moderator lifts a ban (of a person, or of an address): UnbanMessage. */
  Unban: 'unban',
  // Curation (schemas in curation.ts).
  EditMode: 'editMode',
  ExhibitCreate: 'exhibitCreate',
  ExhibitUpdate: 'exhibitUpdate',
  ExhibitMove: 'exhibitMove',
  ExhibitLock: 'exhibitLock',
  ExhibitUnlock: 'exhibitUnlock',
  ExhibitDelete: 'exhibitDelete',
  ExhibitDuplicate: 'exhibitDuplicate',
  EditUndo: 'editUndo',
  EditRedo: 'editRedo',
  // VR (schemas in vr.ts).
  VrPose: 'vrPose',
  Teleport: 'teleport',
} as const;

export type ClientMessage = (typeof ClientMessage)[keyof typeof ClientMessage];

/** The permission action of each client message (shared/access.ts): the table covers every type. */
export const MESSAGE_ACTIONS = {
  [ClientMessage.Input]: 'space.move',
  [ClientMessage.Remove]: 'space.remove',
  [ClientMessage.Sit]: 'seat.sit',
  [ClientMessage.Stand]: 'seat.stand',
  [ClientMessage.Ask]: 'question.ask',
  [ClientMessage.Vote]: 'question.vote',
  [ClientMessage.ModerateQuestion]: 'question.moderate',
  [ClientMessage.Hand]: 'hand.raise',
  [ClientMessage.FloorCall]: 'floor.call',
  [ClientMessage.FloorEnd]: 'floor.manage',
  [ClientMessage.FloorExtend]: 'floor.manage',
  [ClientMessage.FloorRelease]: 'floor.release',
  [ClientMessage.EventRun]: 'event.run',
  [ClientMessage.EventThanks]: 'event.run',
  [ClientMessage.GoToStage]: 'event.run',
  [ClientMessage.React]: 'reaction.send',
  [ClientMessage.Mute]: 'space.mute',
  [ClientMessage.Ban]: 'space.ban',
  [ClientMessage.Unban]: 'space.ban',
  [ClientMessage.EditMode]: 'exhibit.edit',
  [ClientMessage.ExhibitCreate]: 'exhibit.edit',
  [ClientMessage.ExhibitUpdate]: 'exhibit.edit',
  [ClientMessage.ExhibitMove]: 'exhibit.edit',
  [ClientMessage.ExhibitLock]: 'exhibit.edit',
  [ClientMessage.ExhibitUnlock]: 'exhibit.edit',
  [ClientMessage.ExhibitDelete]: 'exhibit.edit',
  [ClientMessage.ExhibitDuplicate]: 'exhibit.edit',
  [ClientMessage.EditUndo]: 'exhibit.edit',
  [ClientMessage.EditRedo]: 'exhibit.edit',
  // Where one's head and hands are, and a teleport, are movement like walking.
  [ClientMessage.VrPose]: 'space.move',
  [ClientMessage.Teleport]: 'space.move',
} as const satisfies Record<ClientMessage, Action>;

export const ServerMessage = {
  /** A refusal of something the client sent: ErrorPayload. */
  Error: 'error',
  /** The avatar stepped into a portal: go to another space. */
  Portal: 'portal',
  /** An intent worked: Ack (townhall.ts). */
  Ack: 'ack',
  /** To those who may moderate questions (moderators, admins): ModerationQueue. */
  Queue: 'queue',
  /** To those who may ban here: the bans in force in this space, BanList (townhall.ts). */
  Bans: 'bans',
  /** To one person: MyQuestions. */
  Mine: 'mine',
  /** To everyone, a few times a second while people react: ReactionBurst. */
  Reactions: 'reactions',
  /** To a curator after each of their edit operations: EditHistory (curation.ts). */
  EditHistory: 'editHistory',
  /** To people near VR visitors, about VR_POSE_HZ a second: VrPosesMessage (vr.ts). */
  VrPoses: 'vrPoses',
  /** To everyone, when a ballot of the space changes (a few times a second at most): BallotsLive (ballots.ts). */
  Ballots: 'ballots',
  /** To everyone in a space, after each analysis of its consensus question: ConsensusAnalysisView (consensus.ts). */
  Consensus: 'consensus',
  /** To everyone in a space, when a statement of its consensus question is accepted or rejected: ConsensusStatementChange (consensus.ts). */
  ConsensusStatement: 'consensusStatement',
  /** To the space's moderators there, when a statement is added or moderated: ConsensusPending (consensus.ts), the whole list waiting. */
  ConsensusPending: 'consensusPending',
  /** To one person the server moved (to the stage): PlacedMessage. Their view turns with them. */
  Placed: 'placed',
} as const;

/** Where the server put someone, and the way they now face. */
export const PlacedMessage = z.object({ x: z.number().finite(), z: z.number().finite(), yaw: z.number().finite() });
export type PlacedMessage = z.infer<typeof PlacedMessage>;

const axis = z.number().finite().min(-1).max(1);

/** Movement intent for exactly one simulation step. No positions: the server integrates. */
export const MoveInput = z.strictObject({
  /** Increases by one for each step the client simulates; used to acknowledge and reconcile. */
  seq: z.number().int().min(0).max(2 ** 31),
  forward: axis,
  strafe: axis,
  run: z.boolean(),
  yaw: z.number().finite().min(-100).max(100),
});
export type MoveInput = z.infer<typeof MoveInput>;

export const RemoveMessage = z.strictObject({
  /** The Colyseus session id of the person to remove (the key of their avatar in the state). */
  sessionId: z.string().min(1).max(64),
  reason: z.string().trim().max(200).optional(),
});
export type RemoveMessage = z.infer<typeof RemoveMessage>;

export const PortalMessage = z.object({ to: SpaceId, spawn: z.string() });
export type PortalMessage = z.infer<typeof PortalMessage>;

/**
 * Characters we never accept in a display name: C0/C1 controls, zero-width and bidi controls,
 * the BOM and other invisible formatting characters.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- these are exactly the characters we refuse
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/u;

export const DisplayName = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim())
  .pipe(
    z.string()
      .min(1, 'Please type a display name.')
      .max(NAME_MAX_LENGTH, `Display names can be at most ${NAME_MAX_LENGTH} characters.`)
      .refine((s) => !INVISIBLE.test(s), 'Display names cannot contain control or invisible characters.'),
  );

/** Options a client passes when it joins a space. Who it is comes from the signed session token. */
export const JoinOptions = z.object({
  spaceId: SpaceId,
  /** Absent: refused with NOT_ALLOWED (everyone in a space has a session). */
  token: z.string().max(4096).optional(),
  /** Arriving through a portal: the spawn point named by that portal. */
  spawn: z.string().max(40).optional(),
  /**
   * The moderator console (/events/<id>/moderate): a connection with no avatar, for those who
   * may moderate or run the event here; refused with NOT_ALLOWED for anyone else.
   */
  console: z.boolean().optional(),
  /**
   * Coming back after the server lost this person's place (its process stopped): the town-hall
   * seat they had, taken again if it is still free (otherwise they arrive as anyone does).
   */
  seat: z.number().int().min(0).max(100_000).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptions>;
