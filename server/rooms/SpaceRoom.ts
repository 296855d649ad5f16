import { Room, ServerError, type AuthContext, type Client, type ClientPrivate, type RoomException } from '@colyseus/core';
import { TICK_MS } from '../../shared/constants.js';
import { CloseCode, ErrorCode, joinErrorMessage } from '../../shared/protocol/errors.js';
import { ServerMessage, type MoveInput, type PortalMessage } from '../../shared/protocol/messages.js';
import { SpaceState } from '../../shared/schema/SpaceState.js';
import { portalAt } from '../../shared/spaces/collision.js';
import { SpaceId, voiceModeOf, type SpaceLayout } from '../../shared/spaces/layout.js';
import type { VoiceToken } from '../../shared/protocol/api.js';
import { roomLimiters } from '../domain/rateLimits.js';
import { chooseSpawn } from '../domain/spawn.js';
import type { Identity } from '../auth/sessions.js';
import { authenticate, type Auth } from './roomAuth.js';
import { wearLook } from '../looks.js';
import { newOccupant, type Occupant } from './occupant.js';
import { mayUseConsole } from '../domain/console.js';
import { RoomVoice } from './roomVoice.js';
import { runTick } from './roomTick.js';
import { refuseIfFull, RoomCrowd } from './roomCrowd.js';
import { claimSection, SECTIONS_EVERY_MS } from './roomSections.js';
import { takesVisitors } from '../domain/sections.js';
import type { SpaceRoomDeps } from './spaceRoomDeps.js';
import type { Curation } from './curation.js';
import { guardFrame, reportRoomFault, type MessageGuard } from './messageGuard.js';
import type { RoomPeople } from './roomPeople.js';
import type { TownHall } from './townHall.js';
import type { VrRelay } from './vrRelay.js';
import { startCore, startCuration, startHall } from './roomFeatures.js';
import { dropSlowClients } from '../slowClients.js';
import { TickWrites } from '../socketBatch.js';

export type { SpaceRoomDeps } from './spaceRoomDeps.js';

/**
 * One instance of a space. Thin: connections and their lifecycle; the message guard, the tick
 * (roomTick.ts), showing people out (roomPeople.ts) and the features (curation, the town hall,
 * VR) are their own parts, and the rules they follow live in server/domain.
 */
export class SpaceRoom extends Room<InstanceType<typeof SpaceState>, unknown, Auth> {
  /** Set by the app when it defines the room (see app.ts). */
  protected deps!: SpaceRoomDeps;
  layout!: SpaceLayout;
  readonly occupants = new Map<string, Occupant>();
  readonly limits = roomLimiters();
  private arrivals = 0;
  /** Bytes sent since the last tick; added to the counter once per tick rather than once per send. */
  private bytesSent = 0;
  /** Each connection's writes of one tick, as one (socketBatch.ts). */
  private readonly tickWrites = new TickWrites();
  /** The process is stopping: nobody's place is held for a reconnection. */
  private stopping = false;
  readonly cleanups: (() => void)[] = [];
  /** Set in spaces with a stage: the event, seats, questions, floor mic. */
  hall: TownHall | undefined;
  voice!: RoomVoice;
  curation!: Curation;
  guard!: MessageGuard;
  people!: RoomPeople;
  vr!: VrRelay;
  crowd!: RoomCrowd;
  /** Counted in the rooms gauge (created all the way through). */
  private counted = false;

  /** This room's section of its event (0: a space without a stage). */
  private section = 0;
  /** Seats taken and reserved, as the matchmaker counts them (listing.clients). */
  private seatsTaken = 0;

  get roomDeps(): SpaceRoomDeps {
    return this.deps;
  }

  override async onCreate(options: { spaceId?: unknown; section?: unknown; visitors?: unknown }): Promise<void> {
    const { deps } = this;
    const layout = typeof options.spaceId === 'string' && SpaceId.safeParse(options.spaceId).success
      ? await deps.repos.spaces.get(options.spaceId)
      : undefined;
    if (!layout) throw new ServerError(404, joinErrorMessage(ErrorCode.NOT_FOUND, 'There is no space with that name.'));
    this.layout = layout;
    // A space with a stage opens sections when full (roomSections.ts); any other space refuses.
    const placed = layout.stage
      ? await claimSection(this.presence, this.roomId, layout.id, options, { maxSections: deps.maxSections, staffReserve: deps.staffReserve })
      : undefined;
    if (!placed) await refuseIfFull(this.roomId, layout, deps.repos.spaces, deps.maxClients);
    // The matchmaker filters and sorts on the listing's section (a friend's link, lowest first),
    // and sends visitors only where `visitors` holds (section 1 keeps places for staff).
    if (placed) this.listing.section = placed.section;
    else delete this.listing.section;
    this.section = placed?.section ?? 0;
    this.listing.visitors = takesVisitors(this.section, 0, deps.maxClients, deps.staffReserve);
    if (placed) {
      const { claim } = placed;
      const renewing = this.clock.setInterval(() => void claim.renew().catch((err: unknown) => deps.log.error({ err }, 'renewing the section number failed')), SECTIONS_EVERY_MS);
      this.cleanups.push(() => { renewing.clear(); void claim.release().catch((err: unknown) => deps.log.error({ err }, 'releasing the section number failed')); });
    }
    this.crowd = new RoomCrowd(deps.metrics);
    // An event's sections share one LiveKit room: the stage and the floor mic are heard in all of them.
    this.voice = new RoomVoice(deps.voice, layout.id, placed ? 'sections' : this.roomId, voiceModeOf(layout));
    this.maxClients = deps.maxClients;
    this.setState(new SpaceState());
    this.state.spaceId = layout.id;
    void this.setMetadata(placed ? { spaceId: layout.id, section: placed.section } : { spaceId: layout.id });
    // Patches go out at the end of each tick, not on a separate timer.
    this.setPatchRate(null);
    this.setSimulationInterval(() => runTick(this.tickParts(), Date.now()), TICK_MS);

    startCore(this);
    this.curation = await startCuration(this);
    this.hall = await startHall(this, placed ?? { section: 0, alone: true });
    deps.metrics.rooms.inc();
    this.counted = true;
    deps.log.info({ roomId: this.roomId, spaceId: layout.id }, 'space room created');
  }

  override onAuth(_client: Client, options: unknown, context?: AuthContext): Promise<Auth> {
    return authenticate(this.deps.sessions, options, context, {
      removed: (identity) => this.people.isRemoved(identity, Date.now()),
      banned: async (identity, address) => (await this.hall?.isBanned(identity, address)) ?? false,
      console: (identity) => this.hall !== undefined && mayUseConsole(identity, this.layout.id),
    });
  }

  override onJoin(client: Client, _options: unknown, auth: Auth): void {
    const present = Array.from(this.occupants.values(), (o) => o.avatar).filter((a) => a.connected);
    const spot = chooseSpawn(this.layout, auth.options.spawn, auth.options.console ? 0 : this.arrivals++, present);
    const occupant = newOccupant(auth, spot, Array.from(this.occupants.values(), (o) => o.avatar.name), this.layout.id);
    this.occupants.set(client.sessionId, occupant);
    // The moderator console sees the room and acts in it, but has no avatar in it.
    if (!occupant.console) {
      wearLook(occupant.avatar, auth.identity, this.deps.repos.looks, this.deps.log);
      this.state.avatars.set(client.sessionId, occupant.avatar);
      this.crowd.add(client.sessionId, occupant.avatar);
      this.crowd.connect(client);
    }
    if (auth.options.seat !== undefined) this.hall?.seatReturning(client.sessionId, occupant, auth.options.seat);
    this.hall?.onJoin(client.sessionId, occupant).catch((err: unknown) => this.deps.log.error({ err }, 'town hall join failed'));
    this.countBytes(client);
    this.deps.metrics.clients.inc();
    this.deps.log.info({ roomId: this.roomId, spaceId: this.layout.id, sessionId: client.sessionId }, 'joined');
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const occupant = this.occupants.get(client.sessionId);
    if (!occupant) return;
    this.crowd.disconnect(client.sessionId);
    this.deps.metrics.clients.dec();
    // Stopping (a restart), there is no place to hold: the room must empty so the process can exit.
    if (consented || occupant.removed || occupant.leaving || this.stopping || this.deps.reconnectSeconds <= 0) {
      this.remove(client.sessionId, consented ? 'left' : this.stopping ? 'server stopping' : 'removed');
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
      if (!occupant.console) this.crowd.connect(back);
      this.hall?.onConnectionChange();
      this.countBytes(back);
      this.deps.metrics.clients.inc();
      this.deps.log.info({ roomId: this.roomId, sessionId: client.sessionId }, 'reconnected');
    } catch {
      this.remove(client.sessionId, 'reconnection window expired');
    }
  }

  /** A seat is reserved: section 1 stops taking visitors once only the places kept for staff are left. */
  protected override async _incrementClientCount(): Promise<void> {
    this.seatsTaken++;
    await super._incrementClientCount();
    await this.listVisitors();
  }

  protected override async _decrementClientCount(): Promise<boolean> {
    this.seatsTaken = Math.max(0, this.seatsTaken - 1);
    const disposing = await super._decrementClientCount();
    if (!disposing) await this.listVisitors();
    return disposing;
  }

  private async listVisitors(): Promise<void> {
    const visitors = takesVisitors(this.section, this.seatsTaken, this.deps.maxClients, this.deps.staffReserve);
    if (this.listing.visitors !== visitors) await this.listing.updateOne({ $set: { visitors } });
  }

  /** Whatever handling a frame throws ends that connection, never the process (socketGuard.ts). */
  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    guardFrame(this.deps, client, () => super._onMessage(client, buffer));
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    reportRoomFault(this.deps, this.roomId, error, methodName);
  }

  /** The process is stopping: pages reconnect by themselves, not "the space closed your connection". */
  override onBeforeShutdown(): void {
    this.stopping = true;
    void this.disconnect(CloseCode.RESTARTING);
  }

  override onDispose(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.hall?.dispose();
    this.voice?.dispose();
    // A room refused while it was being created (full, a section elsewhere has room) was never counted.
    if (this.counted) this.deps.metrics.rooms.dec();
    this.deps.metrics.roomTickSeconds.remove({ room: this.roomId });
    this.deps.log.info({ roomId: this.roomId, spaceId: this.layout?.id }, 'space room disposed');
  }

  private tickParts() {
    return {
      layout: this.layout, occupants: this.occupants, hall: this.hall, vr: this.vr, voice: this.voice, metrics: this.deps.metrics, crowd: this.crowd, roomId: this.roomId,
      isSpeaker: (id: string) => this.state.hall?.speakers.includes(id) ?? false,
      checkPortal: (sessionId: string, occupant: Occupant) => this.checkPortal(sessionId, occupant),
      writes: { hold: () => this.tickWrites.hold(this.clients), release: () => this.tickWrites.release() },
      sendPatch: () => {
        this.broadcastPatch();
      },
      afterSend: () => {
        dropSlowClients(this.clients, this.deps.sendBufferLimitBytes, { metrics: this.deps.metrics, log: this.deps.log, roomId: this.roomId });
        const sent = this.bytesSent;
        this.bytesSent = 0;
        return sent;
      },
    };
  }

  /** Standing in a doorway (after a step or a teleport): off to the space it leads to. */
  checkPortal(sessionId: string, occupant: Occupant): void {
    const portal = portalAt(this.layout, occupant.avatar.x, occupant.avatar.z);
    if (!portal || occupant.leaving) return;
    occupant.leaving = true;
    const message: PortalMessage = { to: portal.to, spawn: portal.toSpawn };
    this.clients.getById(sessionId)?.send(ServerMessage.Portal, message);
  }

  onInput(occupant: Occupant, input: MoveInput): void {
    if (occupant.leaving || occupant.console) return;
    if (occupant.intents.push(input) === 'stale') this.deps.metrics.messagesRejected.inc({ reason: 'stale' });
  }

  /**
   * A voice token for one connection in this instance, for the HTTP route: only the person
   * who holds that connection gets it (their auth session must match the one it joined with).
   */
  async voiceToken(sessionId: string, caller: Identity): Promise<VoiceToken | 'not-yours' | 'off'> {
    const occupant = this.occupants.get(sessionId);
    if (!occupant || occupant.removed || occupant.leaving || occupant.console || occupant.identity.sessionId !== caller.sessionId) return 'not-yours';
    if (!this.voice.available) return 'off';
    return this.voice.token(sessionId, occupant, this.state.hall?.speakers.includes(sessionId) ?? false);
  }

  get spaceId(): string {
    return this.layout.id;
  }

  remove(sessionId: string, why: string): void {
    const occupant = this.occupants.get(sessionId);
    this.occupants.delete(sessionId);
    this.curation.onGone(sessionId);
    if (occupant) this.hall?.onGone(sessionId, occupant).catch((err: unknown) => this.deps.log.error({ err }, 'town hall leave failed'));
    this.state.avatars.delete(sessionId);
    this.crowd.remove(sessionId);
    this.crowd.disconnect(sessionId);
    this.voice.drop(sessionId);
    for (const name of ['message', 'flood', 'floodNotice', 'refusalReplies', 'vrPose', 'teleport', 'reaction'] as const) this.limits[name].forget(sessionId);
    this.deps.log.info({ roomId: this.roomId, sessionId, why }, 'avatar removed');
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
