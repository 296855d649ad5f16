import { Protocol, Room, ServerError, type AuthContext, type Client, type ClientPrivate, type RoomException } from '@colyseus/core';
import { NAME_MAX_LENGTH, TICK_MS } from '../../shared/constants.js';
import { CloseCode, ErrorCode, joinErrorMessage, type ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, JoinOptions, MESSAGE_ACTIONS, MoveInput, RemoveMessage, ServerMessage, type PortalMessage } from '../../shared/protocol/messages.js';
import { allows, badgeFor } from '../../shared/access.js';
import type { z } from 'zod';
import { Avatar } from '../../shared/schema/Avatar.js';
import { SpaceState } from '../../shared/schema/SpaceState.js';
import { HallState } from '../../shared/schema/Hall.js';
import { DraftState } from '../../shared/schema/Draft.js';
import { portalAt } from '../../shared/spaces/collision.js';
import { SpaceId, voiceModeOf, type SpaceLayout } from '../../shared/spaces/layout.js';
import type { VoiceToken } from '../../shared/protocol/api.js';
import { stepAvatar } from '../../shared/spaces/movement.js';
import { MoveIntents } from '../domain/moveIntents.js';
import { uniqueName } from '../domain/names.js';
import { chooseSpawn } from '../domain/spawn.js';
import { FloodGuard, TokenBucket } from '../domain/tokenBucket.js';
import { actorOf, AuthError, toGrants, type Identity, type Sessions } from '../auth/sessions.js';
import type { ChangeFeed } from '../changeFeed.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { firstLine, withOffender, type OffenderLog } from '../socketGuard.js';
import type { Repos } from '../store/repos.js';
import type { HallDeps, HallHost } from './hallContext.js';
import { Refusal, sanctionTarget, type Occupant } from './occupant.js';
import { RoomVoice, type RoomVoiceDeps } from './roomVoice.js';
import { Curation } from './curation.js';
import { TownHall } from './townHall.js';
import { VrRelay } from './vrRelay.js';
import { dropSlowClients } from '../slowClients.js';
import { TeleportMessage, VrPoseMessage } from '../../shared/protocol/vr.js';

export interface SpaceRoomDeps {
  log: Logger;
  sessions: Sessions;
  metrics: Metrics;
  /** The store: layouts in, audit entries out (rooms never build SQL). */
  repos: Pick<Repos, 'spaces' | 'accounts' | 'roles' | 'audit' | 'sessions' | 'events' | 'questions' | 'floorTurns' | 'sanctions' | 'exhibits' | 'assets' | 'transaction'>;
  events: ChangeFeed;
  /** Words that send a question to the moderators flagged. */
  flagWords: readonly string[];
  /** A keyed hash of a client address (bans of guests). */
  hashAddress: (address: string) => string;
  reconnectSeconds: number;
  maxClients: number;
  /** Unsent bytes a client may have queued before it is dropped (0: no limit). */
  sendBufferLimitBytes: number;
  /** LiveKit, when voice runs (one LiveKit room per space instance). */
  voice: RoomVoiceDeps;
  /** Rate-limited log lines: misbehaving connections, and room methods that failed. */
  offenders: OffenderLog;
  roomFaults: OffenderLog;
}

/**
 * Colyseus' own fallback for message types without a handler, kept under this name in the
 * room's handler table: a client naming it would reach it directly (with its payload where
 * the type should be), so it is registered as an unknown type like any other.
 */
const RESERVED_FALLBACK = '__no_message_handler';

/** Messages per second a client may send on average, and the burst it may save up. */
const MESSAGE_RATE = 30;
const MESSAGE_BURST = 45;
/** How long someone a moderator removed stays out of this room instance. */
const REMOVED_FOR_MS = 15 * 60_000;
/** Refused messages within the window before the server ends the connection. */
const FLOOD_STRIKES = 90;
const FLOOD_WINDOW_MS = 5000;

interface Auth { options: JoinOptions; identity: Identity; address: string }

/**
 * One instance of a space. Thin: it validates, hands intents to the domain rules, and runs the
 * fixed-step tick that is the single place deciding the order of per-tick work.
 */
export class SpaceRoom extends Room<InstanceType<typeof SpaceState>, unknown, Auth> {
  /** Set by the app when it defines the room (see app.ts). */
  protected deps!: SpaceRoomDeps;
  private layout!: SpaceLayout;
  private readonly occupants = new Map<string, Occupant>();
  private arrivals = 0;
  /** Bytes sent since the last tick; added to the counter once per tick rather than once per send. */
  private bytesSent = 0;
  /** Accounts (or, for guests, auth sessions) removed by a moderator, until when. */
  private readonly removedUntil = new Map<string, number>();
  private readonly cleanups: (() => void)[] = [];
  /** Set in spaces with a stage: the event, seats, questions, floor mic. */
  private hall: TownHall | undefined;
  private voice!: RoomVoice;
  private curation!: Curation;
  private vr!: VrRelay;

  override async onCreate(options: { spaceId?: unknown }): Promise<void> {
    const layout = typeof options.spaceId === 'string' && SpaceId.safeParse(options.spaceId).success
      ? await this.deps.repos.spaces.get(options.spaceId)
      : undefined;
    if (!layout) throw new ServerError(404, joinErrorMessage(ErrorCode.NOT_FOUND, 'There is no space with that name.'));
    this.layout = layout;
    this.voice = new RoomVoice(this.deps.voice, layout.id, this.roomId, voiceModeOf(layout));
    this.maxClients = this.deps.maxClients;
    this.setState(new SpaceState());
    this.state.spaceId = layout.id;
    void this.setMetadata({ spaceId: layout.id });
    // Patches go out at the end of each tick, not on a separate timer.
    this.setPatchRate(null);
    this.setSimulationInterval(() => this.tick(), TICK_MS);

    // Every message type, its permission action and its schema: the room's one choke point.
    this.handle(ClientMessage.Input, MoveInput,
      'Movement must be an input intent (seq, forward, strafe, run, yaw) with numbers in range; positions are not accepted.',
      (client, occupant, input) => this.onInput(client, occupant, input));
    this.handle(ClientMessage.Remove, RemoveMessage,
      'A removal names the session id of someone in this space.',
      (client, occupant, message) => this.onRemove(client, occupant, message));
    this.vr = new VrRelay({
      layout,
      occupants: this.occupants,
      send: (sessionId, type, payload) => this.clients.getById(sessionId)?.send(type, payload),
      holdsStill: (occupant) => this.hall?.holdsStill(occupant) ?? false,
      mayTakeStage: (occupant) => this.hall?.mayTakeStage(occupant) ?? false,
      afterMove: (sessionId, occupant) => this.checkPortal(sessionId, occupant),
    });
    this.handle(ClientMessage.VrPose, VrPoseMessage,
      'A VR pose is a head and two hands (or null), each a position [x, y, z] and a quaternion [x, y, z, w], relative to your avatar.',
      (_client, occupant, message) => this.vr.onPose(occupant, message, Date.now()),
      (occupant, now) => this.vr.poseBucket(occupant, now));
    this.handle(ClientMessage.Teleport, TeleportMessage,
      'A teleport names a floor point {x, z} in metres.',
      (client, occupant, message) => this.vr.onTeleport(client.sessionId, occupant, message, Date.now()));
    const unknownType = (client: Client, type: string) => this.guard(client, type, undefined, () => {
      this.refuse(client, 'unknown_type', { code: ErrorCode.INVALID_INPUT, message: 'That message type is not part of the protocol.', ref: type.slice(0, 64) });
    });
    this.onMessage('*', (client, type) => unknownType(client, String(type)));
    this.onMessage(RESERVED_FALLBACK, (client) => unknownType(client, RESERVED_FALLBACK));
    this.cleanups.push(this.deps.events.onAccountChanged((accountId) => void this.refreshAccount(accountId)));

    this.state.exhibitsVersion = 0;
    this.state.draft = new DraftState();
    this.state.draft.dirty = false;
    this.state.draft.rev = 0;
    this.curation = new Curation({
      layout,
      draft: this.state.draft,
      setPublishedVersion: (version) => { this.state.exhibitsVersion = version; },
      client: (sessionId) => this.clients.getById(sessionId),
      occupant: (sessionId) => this.occupants.get(sessionId),
      send: (sessionId, type, payload) => this.clients.getById(sessionId)?.send(type, payload),
    }, { repos: this.deps.repos, log: this.deps.log });
    await this.curation.loadPublished();
    this.curation.register((type, schema, invalid, handler) => this.handle(type, schema, invalid, (client, o, m) => handler(client.sessionId, o, m)));
    this.cleanups.push(this.deps.events.onExhibitsChanged((spaceId, what) => {
      if (spaceId !== layout.id) return;
      const reload = what === 'published' ? this.curation.loadPublished() : this.curation.reloadDraft();
      reload.catch((err: unknown) => this.deps.log.error({ err }, 'reloading exhibits failed'));
    }));

    if (layout.stage) {
      this.state.hall = new HallState();
      this.state.hall.event.state = 'none';
      this.state.hall.answering = '';
      this.state.hall.present = 0;
      this.state.hall.floor.holder = '';
      this.state.hall.floor.name = '';
      this.state.hall.floor.endsAt = 0;
      this.hall = new TownHall(this.hallHost(), this.hallDeps());
      await this.hall.load();
      this.hall.register((type, schema, invalid, handler) => this.handle(type, schema, invalid, (client, o, m) => handler(client.sessionId, o, m)));
      this.cleanups.push(this.deps.events.onEventsChanged((spaceId) => {
        if (spaceId === layout.id) void this.hall?.loadEvent().catch((err: unknown) => this.deps.log.error({ err }, 'reloading the event failed'));
      }));
    }

    this.deps.metrics.rooms.inc();
    this.deps.log.info({ roomId: this.roomId, spaceId: layout.id }, 'space room created');
  }

  override async onAuth(_client: Client, options: unknown, context?: AuthContext): Promise<Auth> {
    const parsed = JoinOptions.safeParse(options);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ServerError(400, joinErrorMessage(ErrorCode.INVALID_INPUT, first?.message ?? 'The join request was not understood.'));
    }
    if (!parsed.data.token) throw new ServerError(401, joinErrorMessage(ErrorCode.NOT_ALLOWED, 'Please sign in or enter your name first.'));
    let identity: Identity;
    try {
      identity = await this.deps.sessions.verify(parsed.data.token);
    } catch (err) {
      if (err instanceof AuthError) throw new ServerError(401, joinErrorMessage(ErrorCode.NOT_ALLOWED, err.message));
      throw err;
    }
    const until = this.removedUntil.get(actorOf(identity));
    if (until !== undefined && until > Date.now()) {
      throw new ServerError(403, joinErrorMessage(ErrorCode.NOT_ALLOWED, 'A moderator removed you from this space. Please try again later.'));
    }
    const ip = context?.ip;
    const address = (Array.isArray(ip) ? ip[0] : ip) ?? '';
    if (this.hall && await this.hall.isBanned(identity, address)) {
      throw new ServerError(403, joinErrorMessage(ErrorCode.NOT_ALLOWED, 'A moderator has banned you from this space.'));
    }
    return { options: parsed.data, identity, address };
  }

  override onJoin(client: Client, _options: unknown, auth: Auth): void {
    const spot = chooseSpawn(this.layout, auth.options.spawn, this.arrivals++);
    const names = Array.from(this.occupants.values(), (o) => o.avatar.name);
    const avatar = new Avatar();
    avatar.name = uniqueName(auth.identity.name, names, NAME_MAX_LENGTH);
    avatar.x = spot.x;
    avatar.z = spot.z;
    avatar.yaw = spot.yaw;
    avatar.gait = 0;
    avatar.ack = 0;
    avatar.hue = Math.floor(Math.random() * 360);
    avatar.connected = true;
    avatar.role = badgeFor(auth.identity.grants, this.layout.id);
    avatar.seat = -1;
    avatar.hand = 0;
    const now = Date.now();
    const occupant: Occupant = {
      avatar, identity: auth.identity, address: auth.address, muted: false, atMic: false, intents: new MoveIntents(),
      bucket: new TokenBucket(MESSAGE_BURST, MESSAGE_RATE, now),
      flood: new FloodGuard(FLOOD_STRIKES, FLOOD_WINDOW_MS, now),
      lastErrorAt: -Infinity, leaving: false, removed: false,
    };
    this.occupants.set(client.sessionId, occupant);
    this.state.avatars.set(client.sessionId, avatar);
    this.hall?.onJoin(client.sessionId, occupant).catch((err: unknown) => this.deps.log.error({ err }, 'town hall join failed'));
    this.countBytes(client);
    this.deps.metrics.clients.inc();
    this.deps.log.info({ roomId: this.roomId, spaceId: this.layout.id, sessionId: client.sessionId }, 'joined');
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const occupant = this.occupants.get(client.sessionId);
    if (!occupant) return;
    this.deps.metrics.clients.dec();
    if (consented || occupant.removed || occupant.leaving || this.deps.reconnectSeconds <= 0) {
      this.remove(client.sessionId, consented ? 'left' : 'removed');
      return;
    }
    // Hold the place: the same person can come back as the same avatar at the same spot.
    occupant.avatar.connected = false;
    occupant.avatar.gait = 0;
    occupant.intents.clear();
    this.hall?.onConnectionChange();
    try {
      const back = await this.allowReconnection(client, this.deps.reconnectSeconds);
      occupant.avatar.connected = true;
      this.hall?.onConnectionChange();
      this.countBytes(back);
      this.deps.metrics.clients.inc();
      this.deps.log.info({ roomId: this.roomId, sessionId: client.sessionId }, 'reconnected');
    } catch {
      this.remove(client.sessionId, 'reconnection window expired');
    }
  }

  /**
   * Every frame from a client: whatever its handling throws ends that connection, never the
   * process, and is logged once per offender (see socketGuard.ts).
   */
  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    withOffender(client.sessionId, () => {
      try {
        super._onMessage(client, buffer);
      } catch (err) {
        this.deps.offenders.report(client.sessionId, 'frame', firstLine(err));
        this.deps.metrics.disconnectsForced.inc({ reason: 'bad_frame' });
        client.leave(Protocol.WS_CLOSE_WITH_ERROR, 'INVALID_INPUT: The server could not read what your browser sent.');
      }
    });
  }

  /** A room method that threw (the tick, a timer, a handler): logged, and the room goes on. */
  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    const cause = (error as Error & { cause?: unknown }).cause ?? error;
    this.deps.roomFaults.report(`${this.roomId}:${methodName}`, methodName, firstLine(cause), cause);
  }

  override onDispose(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.hall?.dispose();
    this.voice?.dispose();
    this.deps.metrics.rooms.dec();
    this.deps.log.info({ roomId: this.roomId, spaceId: this.layout?.id }, 'space room disposed');
  }

  /** The fixed step: apply queued movement intents, detect portals, then send one patch. */
  private tick(): void {
    const started = performance.now();
    for (const [sessionId, occupant] of this.occupants) {
      const { avatar } = occupant;
      if (occupant.leaving || !avatar.connected) continue;
      const inputs = occupant.intents.drain();
      // Seated, or at the floor mic: the avatar stays put whatever the client sends.
      if (this.hall?.holdsStill(occupant)) continue;
      const onStage = this.hall?.mayTakeStage(occupant) ?? false;
      if (inputs.length === 0) {
        if (avatar.gait !== 0) avatar.gait = 0;
        continue;
      }
      let pose = { x: avatar.x, z: avatar.z, yaw: avatar.yaw };
      let gait: number = 0;
      for (const input of inputs) {
        const result = stepAvatar(pose, input, this.layout, undefined, onStage);
        pose = result.pose;
        gait = result.gait;
        avatar.ack = input.seq;
      }
      avatar.x = pose.x;
      avatar.z = pose.z;
      avatar.yaw = pose.yaw;
      avatar.gait = gait;
      this.checkPortal(sessionId, occupant);
    }
    const now = Date.now();
    this.hall?.tick(now);
    this.vr.tick(now);
    const speakers = this.state.hall?.speakers;
    this.voice.sync(now, this.occupants, (id) => speakers?.includes(id) ?? false);
    this.broadcastPatch();
    dropSlowClients(this.clients, this.deps.sendBufferLimitBytes, { metrics: this.deps.metrics, log: this.deps.log, roomId: this.roomId });
    this.deps.metrics.tickSeconds.observe((performance.now() - started) / 1000);
    if (this.bytesSent > 0) {
      this.deps.metrics.patchBytes.inc(this.bytesSent);
      this.bytesSent = 0;
    }
  }

  /** Standing in a doorway (after a step or a teleport): off to the space it leads to. */
  private checkPortal(sessionId: string, occupant: Occupant): void {
    const portal = portalAt(this.layout, occupant.avatar.x, occupant.avatar.z);
    if (!portal || occupant.leaving) return;
    occupant.leaving = true;
    const message: PortalMessage = { to: portal.to, spawn: portal.toSpawn };
    this.clients.getById(sessionId)?.send(ServerMessage.Portal, message);
  }

  /**
   * Registers a client message: rate limit, then the permissions table, then the schema, and
   * only then the handler. Nothing reaches room state any other way.
   */
  private handle<T>(type: ClientMessage, schema: z.ZodType<T>, invalid: string,
    handler: (client: Client, occupant: Occupant, message: T) => void | Promise<void>,
    bucket?: (occupant: Occupant, now: number) => TokenBucket): void {
    const action = MESSAGE_ACTIONS[type];
    this.onMessage(type, (client, message: unknown) => this.guard(client, type, bucket, (occupant) => {
      if (!allows(action, occupant.identity, this.layout.id)) {
        this.refuse(client, 'not_allowed', { code: ErrorCode.NOT_ALLOWED, message: 'Your role does not allow this here.', ref: type });
        return;
      }
      const parsed = schema.safeParse(message);
      if (!parsed.success) {
        // A rule the schema states in words (a lever's range, a refinement) says what is wrong;
        // a malformed shape gets the message's general description.
        const rule = parsed.error.issues.find((i) => i.code === 'custom');
        this.refuse(client, 'invalid', { code: ErrorCode.INVALID_INPUT, message: rule?.message ?? invalid, ref: type });
        return;
      }
      return handler(client, occupant, parsed.data);
    }));
  }

  private onInput(_client: Client, occupant: Occupant, input: MoveInput): void {
    if (occupant.leaving) return;
    if (occupant.intents.push(input) === 'stale') this.deps.metrics.messagesRejected.inc({ reason: 'stale' });
  }

  /** A moderator removes someone: written to the audit log first, then they are disconnected. */
  private async onRemove(client: Client, moderator: Occupant, message: RemoveMessage): Promise<void> {
    const target = sanctionTarget(this.occupants, message.sessionId, moderator, this.layout.id);
    target.removed = true;
    try {
      await this.deps.repos.audit.append({
        actorId: actorOf(moderator.identity),
        action: 'space.remove', targetType: 'session', targetId: target.identity.sessionId,
        detail: { spaceId: this.layout.id, name: target.avatar.name, accountId: target.identity.accountId, reason: message.reason ?? null },
      });
    } catch (err) {
      target.removed = false;
      throw err;
    }
    // An account stays out however often it signs in again; a guest session, until it enters anew.
    this.removedUntil.set(actorOf(target.identity), Date.now() + REMOVED_FOR_MS);
    this.deps.metrics.disconnectsForced.inc({ reason: 'removed' });
    this.deps.log.info({ roomId: this.roomId, by: client.sessionId, removed: message.sessionId }, 'removed by a moderator');
    this.disconnectPerson(target.identity, 'NOT_ALLOWED: A moderator removed you from this space.');
  }

  /**
   * A voice token for one connection in this instance, for the HTTP route: only the person
   * who holds that connection gets it (their auth session must match the one it joined with).
   */
  async voiceToken(sessionId: string, caller: Identity): Promise<VoiceToken | 'not-yours' | 'off'> {
    const occupant = this.occupants.get(sessionId);
    if (!occupant || occupant.removed || occupant.leaving || occupant.identity.sessionId !== caller.sessionId) return 'not-yours';
    if (!this.voice.available) return 'off';
    return this.voice.token(sessionId, occupant, this.state.hall?.speakers.includes(sessionId) ?? false);
  }

  get spaceId(): string {
    return this.layout.id;
  }

  /** Every connection of this person here goes (an account may be in on two devices). */
  private disconnectPerson(identity: Identity, reason: string): void {
    const who = actorOf(identity);
    for (const [sessionId, occupant] of [...this.occupants]) {
      if (actorOf(occupant.identity) !== who) continue;
      occupant.removed = true;
      const connection = this.clients.getById(sessionId);
      if (connection) connection.leave(CloseCode.REMOVED, reason);
      else this.remove(sessionId, 'removed while away');
    }
  }

  /** An account's roles or standing changed: update badges and permissions, or show a disabled account out. */
  private async refreshAccount(accountId: string): Promise<void> {
    const affected = [...this.occupants].filter(([, o]) => o.identity.accountId === accountId);
    if (affected.length === 0) return;
    const [account, grants] = await Promise.all([this.deps.repos.accounts.get(accountId), this.deps.repos.roles.listForAccount(accountId)]);
    const fresh = toGrants(grants);
    for (const [sessionId, occupant] of affected) {
      const session = await this.deps.repos.sessions.get(occupant.identity.sessionId);
      const ended = !account || account.disabledAt ? 'This account has been disabled.'
        : !session || session.revokedAt ? 'You were signed out (a sign-out or a password change elsewhere).'
          : null;
      if (ended) {
        occupant.removed = true;
        const connection = this.clients.getById(sessionId);
        if (connection) connection.leave(CloseCode.REMOVED, `NOT_ALLOWED: ${ended}`);
        else this.remove(sessionId, 'account disabled');
        continue;
      }
      occupant.identity = { ...occupant.identity, grants: fresh };
      occupant.avatar.role = badgeFor(fresh, this.layout.id);
      this.curation.onRolesChanged(sessionId, occupant);
    }
  }

  /**
   * Rate-limit every message before its handler runs (from the occupant's bucket, or the
   * message type's own: VR poses); flooding ends the connection.
   */
  private guard(client: Client, type: string, bucketOf: ((occupant: Occupant, now: number) => TokenBucket) | undefined,
    handle: (occupant: Occupant) => void | Promise<void>): void {
    const occupant = this.occupants.get(client.sessionId);
    if (!occupant || occupant.removed) return;
    const now = Date.now();
    const bucket = bucketOf ? bucketOf(occupant, now) : occupant.bucket;
    if (bucket.take(now)) {
      const failed = (err: unknown) => {
        if (err instanceof Refusal) {
          this.refuse(client, err.code.toLowerCase(), { code: err.code, message: err.message, ref: type });
          return;
        }
        this.deps.log.error({ err, sessionId: client.sessionId, type }, 'message handler failed');
        this.sendError(client, occupant, { code: ErrorCode.INTERNAL, message: 'Something went wrong handling that; nothing was changed.', ref: type }, true);
      };
      try {
        const pending = handle(occupant);
        if (pending) pending.catch(failed);
      } catch (err) {
        failed(err);
      }
      return;
    }
    this.deps.metrics.messagesRejected.inc({ reason: 'rate_limited' });
    const verdict = occupant.flood.strike(now);
    if (verdict === 'warn') {
      this.sendError(client, occupant, { code: ErrorCode.RATE_LIMITED, message: 'You are sending too fast; some of your actions were dropped.', ref: type }, true);
    } else if (verdict === 'disconnect') {
      occupant.removed = true;
      this.deps.metrics.disconnectsForced.inc({ reason: 'flooding' });
      this.deps.log.warn({ roomId: this.roomId, sessionId: client.sessionId }, 'disconnected for flooding');
      client.leave(CloseCode.FLOODING, 'RATE_LIMITED: Disconnected for sending far more messages than allowed.');
    }
  }

  private refuse(client: Client, reason: string, error: ErrorPayload): void {
    this.deps.metrics.messagesRejected.inc({ reason });
    const occupant = this.occupants.get(client.sessionId);
    if (occupant) this.sendError(client, occupant, error, false);
  }

  /** Errors are answered at most a few times a second so a bad client cannot make us amplify. */
  private sendError(client: Client, occupant: Occupant, error: ErrorPayload, force: boolean): void {
    const now = Date.now();
    if (!force && now - occupant.lastErrorAt < 250) return;
    occupant.lastErrorAt = now;
    client.send(ServerMessage.Error, error);
  }

  private remove(sessionId: string, why: string): void {
    const occupant = this.occupants.get(sessionId);
    this.occupants.delete(sessionId);
    this.curation.onGone(sessionId);
    if (occupant) this.hall?.onGone(sessionId, occupant).catch((err: unknown) => this.deps.log.error({ err }, 'town hall leave failed'));
    this.state.avatars.delete(sessionId);
    this.voice.drop(sessionId);
    this.deps.log.info({ roomId: this.roomId, sessionId, why }, 'avatar removed');
  }

  private hallHost(): HallHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host is a view of this room
    const room = this;
    return {
      get roomId() { return room.roomId; },
      layout: this.layout,
      get hall() { return room.state.hall; },
      occupants: this.occupants,
      send: (sessionId, type, payload) => this.clients.getById(sessionId)?.send(type, payload),
      broadcast: (type, payload) => this.broadcast(type, payload),
      disconnectPerson: (identity, reason) => this.disconnectPerson(identity, reason),
      refuse: (sessionId, error) => {
        const client = this.clients.getById(sessionId);
        if (client) this.refuse(client, 'refused', error);
      },
    };
  }

  private hallDeps(): HallDeps {
    return { repos: this.deps.repos, log: this.deps.log, flagWords: this.deps.flagWords, hashAddress: this.deps.hashAddress };
  }

  /** Count state bytes sent to this client for /metrics. */
  private countBytes(client: Client): void {
    const raw = client.raw.bind(client);
    client.raw = (data, options, cb) => {
      this.bytesSent += data.length;
      raw(data, options, cb);
    };
  }
}
