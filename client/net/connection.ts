import { Client, getStateCallbacks, type Room } from 'colyseus.js';
import { allows, Role } from '../../shared/access.js';
import { CloseCode, ErrorCode, parseJoinError, type ErrorPayload } from '../../shared/protocol/errors.js';
import { ClientMessage, PortalMessage, ServerMessage, type MoveInput, type RemoveMessage } from '../../shared/protocol/messages.js';
import type { Avatar } from '../../shared/schema/Avatar.js';
import type { MotionPose } from '../../shared/protocol/motion.js';
import type { SpaceState } from '../../shared/schema/SpaceState.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { pathForSpace } from '../route.js';
import { pushSnapshot } from '../state/interpolation.js';
import { initSelf, reconcileSelf } from '../state/selfMotion.js';
import { showToast, useUi, type Person } from '../state/ui.js';
import { resetWorld, world, type RemoteAvatar } from '../state/world.js';
import { resetHall } from '../state/hall.js';
import { ApiCallError } from '../../shared/protocol/apiClient.js';
import { accountToken, refreshAccount } from './account.js';
import { principalOf, useAccount } from '../state/account.js';
import { clearToken, forgetSession, guestSession, rememberName, rememberedName, storedToken, storeToken } from './session.js';
import { apiOrigin, loadSpace, prefetchSpace } from './spaces.js';
import { noteRefusal, sit, stand, unwatchHall, updateSelfLock, watchHall } from './townhall.js';
import { unwatchExhibits, watchExhibits } from './exhibits.js';
import { watchConsensus } from './consensus.js';
import { noteEditRefusal, unwatchEditor, watchEditor } from './editor.js';
import { unwatchVr, watchVr } from './vr.js';
import { unwatchBallots, watchBallots } from './ballots.js';
import { MotionFeed } from './motion.js';
import { returnOptions, type FormerPlace } from './sections.js';

/**
 * The one connection to the server: joins, leaves, portals and reconnection. It writes to the
 * stores (ui for people and status, world for poses) and never touches React.
 */

const ROOM_NAME = 'space';
const RECONNECT_EVERY_MS = 1500;
/** How long to keep trying while the server does not answer at all (a restart, a network blip). */
const RECONNECT_FOR_MS = 120_000;

let client: Client | null = null;
let room: Room<SpaceState> | null = null;
/** Bumped by every join, leave or reconnect attempt; late answers to older ones are dropped. */
let generation = 0;
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

function getClient(): Client {
  const configured: unknown = import.meta.env.VITE_SERVER_URL;
  client ??= new Client(typeof configured === 'string' && configured ? configured : location.origin.replace(/^http/, 'ws'));
  return client;
}

/** The synchronised state of the room we are in, if any (read by the test hook). */
export function currentState(): SpaceState | null {
  return room ? room.state : null;
}

/** The room we are in, as asking for its voice needs it (client/voice); null outside one. */
export function currentRoomIds(): { roomId: string; sessionId: string } | null {
  return room ? { roomId: room.roomId, sessionId: room.sessionId } : null;
}

/** Send one step of movement input, if a room is open. */
export function sendInput(input: MoveInput): void {
  if (room?.connection.isOpen) room.send(ClientMessage.Input, input);
}

/** Ask the server to remove someone from this space (moderators; a refusal comes back as a toast). */
export function removePerson(sessionId: string): void {
  const message: RemoveMessage = { sessionId };
  if (room?.connection.isOpen) room.send(ClientMessage.Remove, message);
}

/** Signed in, the account's name is the one the server uses; otherwise the typed one. */
function nameToUse(typed: string): string {
  return useAccount.getState().session?.me.name ?? typed;
}

function describeJoinError(err: unknown): string {
  if (err instanceof TypeError) return 'Could not reach the server. Please check your connection and try again.';
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  if (!message) return 'Could not enter the space. Please try again.';
  return parseJoinError(message).message;
}

/**
 * Into a space through the matchmaker. A section link (`?section=2`, a friend's) asks for that
 * section of an event; when it is full or closed the server says where there is room, and the
 * page enters without the link (the lowest-numbered section with room). `back`: the place the
 * server lost when its process stopped (the seat and section are asked for again).
 */
async function joinSection(spaceId: string, token: string, spawn: string | undefined, back?: FormerPlace): Promise<Room<SpaceState>> {
  const { seat, section } = spawn ? {} : returnOptions(back, window.location.search);
  const options = { spaceId, token, ...(spawn ? { spawn } : {}), ...(seat !== undefined ? { seat } : {}) };
  if (section === undefined) return getClient().joinOrCreate<SpaceState>(ROOM_NAME, options);
  try {
    return await getClient().joinOrCreate<SpaceState>(ROOM_NAME, { ...options, section });
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    if (parseJoinError(message).code !== ErrorCode.ROOM_FULL) throw err;
    return getClient().joinOrCreate<SpaceState>(ROOM_NAME, options);
  }
}

/**
 * Join a space: as the signed-in account if there is one, otherwise as a guest with this
 * display name. Resolves true once inside. `back`: coming back after the server lost our place.
 */
export async function enterSpace(spaceId: string, typedName: string, spawn?: string, back?: FormerPlace): Promise<boolean> {
  const name = nameToUse(typedName);
  stopReconnecting();
  const gen = ++generation;
  const previous = room;
  room = null;
  world.sink = null;
  world.seats = null;
  unwatchHall();
  unwatchExhibits();
  unwatchEditor();
  unwatchVr();
  unwatchBallots();
  if (previous) void previous.leave(true).catch(() => undefined);
  useUi.setState({ status: 'connecting', name: typedName, error: null });
  let layout: SpaceLayout;
  try {
    // Usually already cached: the join form loads it, and portal targets are fetched on arrival.
    layout = await loadSpace(spaceId);
  } catch (err) {
    if (gen !== generation) return false;
    resetWorld(null, false);
    useUi.setState({
      status: 'idle', phase: 'landing', spaceId, layout: null, people: [], selfId: '',
      error: err instanceof Error ? err.message : 'Could not enter the space. Please try again.',
    });
    return false;
  }
  if (gen !== generation) return false;
  resetWorld(layout, false);
  useUi.setState({ spaceId, layout });
  let joined: Room<SpaceState>;
  const account = accountToken();
  try {
    const token = account ?? await guestSession(name, apiOrigin());
    if (gen !== generation) return false;
    joined = await joinSection(spaceId, token, spawn, back);
  } catch (err) {
    if (gen !== generation) return false;
    // A refused token (expired, signed out) is not worth keeping: the next try asks afresh.
    // An account session is checked with the server, and forgotten if it is no longer good.
    if (account) void refreshAccount();
    else if (!(err instanceof ApiCallError)) forgetSession();
    useUi.setState({ status: 'idle', phase: 'landing', people: [], selfId: '', error: err instanceof ApiCallError ? err.message : describeJoinError(err) });
    return false;
  }
  if (gen !== generation) {
    void joined.leave(true).catch(() => undefined);
    return false;
  }
  if (!account) rememberName(name);
  attach(joined, layout, false);
  return true;
}

/**
 * On page load: if this tab was in this space a moment ago, take its place back; otherwise, if
 * it was in the space with a remembered name, join afresh. Resolves false if neither applies.
 */
export async function resumeSpace(spaceId: string): Promise<boolean> {
  const saved = storedToken();
  const name = rememberedName();
  if (!saved || saved.spaceId !== spaceId || !nameToUse(name)) return false;
  const gen = ++generation;
  useUi.setState({ status: 'connecting', spaceId, name, error: null });
  let layout: SpaceLayout;
  try {
    layout = await loadSpace(spaceId);
  } catch (err) {
    if (gen !== generation) return false;
    // Unknown space or no server: stay on the form and say why (the form shows the same error).
    useUi.setState({ status: 'idle', error: err instanceof Error ? err.message : null });
    return false;
  }
  if (gen !== generation) return false;
  try {
    const resumed = await getClient().reconnect<SpaceState>(saved.token);
    if (gen !== generation) {
      void resumed.leave(true).catch(() => undefined);
      return false;
    }
    attach(resumed, layout, true);
    return true;
  } catch {
    if (gen !== generation) return false;
    clearToken();
    return enterSpace(spaceId, name);
  }
}

/** Leave on purpose: back to the join form. */
export async function leaveSpace(): Promise<void> {
  stopReconnecting();
  generation++;
  const leaving = room;
  room = null;
  world.sink = null;
  world.seats = null;
  unwatchHall();
  unwatchExhibits();
  unwatchEditor();
  unwatchVr();
  unwatchBallots();
  clearToken();
  resetWorld(null, false);
  resetHall();
  useUi.setState({ phase: 'landing', status: 'idle', layout: null, people: [], selfId: '', error: null });
  if (leaving) await leaving.leave(true).catch(() => undefined);
}

/** Try again after "Disconnected": a fresh join of the same space with the same name. */
export function rejoin(): void {
  const { spaceId, name } = useUi.getState();
  void enterSpace(spaceId, name);
}

/**
 * Through a door to another space, arriving where the door leads (its `toSpawn`): walked
 * through in the world (the server's Portal message) or chosen in the accessible view.
 */
export function goThroughDoor(to: string, spawn: string): void {
  history.pushState(null, '', pathForSpace(to));
  void enterSpace(to, useUi.getState().name, spawn);
}

/** The address bar changed (back/forward): follow it if we are in a space. */
export function followLocation(spaceId: string): void {
  const ui = useUi.getState();
  if (ui.phase === 'world' && spaceId !== ui.spaceId) void enterSpace(spaceId, ui.name);
}

function attach(r: Room<SpaceState>, layout: SpaceLayout, resumed: boolean): void {
  room = r;
  resetWorld(layout, resumed);
  world.selfId = r.sessionId;
  world.frame = 0;
  world.sink = sendInput;
  world.seats = { sit, stand };
  resetHall();
  watchHall(r, layout.kind === 'townhall');
  watchExhibits(r, layout.id);
  watchConsensus(r, layout.id);
  watchEditor(r, resumed);
  watchVr(r);
  watchBallots(r, layout.id);
  storeToken({ spaceId: layout.id, token: r.reconnectionToken });
  useUi.setState({ phase: 'world', status: 'connected', spaceId: layout.id, layout, selfId: r.sessionId, error: null, people: [] });
  // Fetch the layouts behind this space's doorways now, so walking through one does not wait.
  for (const portal of layout.portals) prefetchSpace(portal.to);

  // Poses while people move come in motion frames; the room state says who is there.
  const motion = new MotionFeed(r.sessionId, (pose) => {
    if (r === room && world.selfReady) reconcileSelf(pose.x, pose.z, pose.yaw, pose.ack);
  }, (id, pose) => {
    const remote = world.remotes.get(id);
    if (remote && r === room) pushSnapshot(remote, performance.now(), pose.x, pose.z, pose.yaw, pose.gait);
  });
  motion.listen(r);
  const $ = getStateCallbacks(r);
  $(r.state).avatars.onAdd((avatar: Avatar, id: string) => {
    const early = motion.arrived(avatar.slot, id);
    if (id === r.sessionId) watchSelf(r, avatar);
    else watchRemote(r, avatar, id, early);
    queuePeople(r);
  });
  $(r.state).avatars.onRemove((avatar: Avatar, id: string) => {
    motion.left(avatar.slot, id);
    world.remotes.delete(id);
    queuePeople(r);
  });
  r.onMessage(ServerMessage.Error, (payload: ErrorPayload) => {
    if (typeof payload?.message !== 'string' || r !== room) return;
    // Answers to a form are shown beside it; everything else as a passing notice.
    if (!noteRefusal(payload) && !noteEditRefusal(payload)) showToast(payload.message);
  });
  r.onMessage(ServerMessage.Portal, (message: unknown) => {
    const parsed = PortalMessage.safeParse(message);
    if (!parsed.success || r !== room) return;
    goThroughDoor(parsed.data.to, parsed.data.spawn);
  });
  r.onLeave((code: number, reason?: string) => onRoomLeft(r, code, reason));
}

function watchSelf(r: Room<SpaceState>, avatar: Avatar): void {
  const $ = getStateCallbacks(r);
  initSelf(avatar.x, avatar.z, avatar.yaw, avatar.ack);
  world.self.name = avatar.name;
  world.self.role = roleOf(avatar);
  world.self.hue = avatar.hue;
  world.self.look = avatar.look;
  world.self.connected = avatar.connected;
  world.self.seat = seatOf(avatar);
  world.self.hand = handOf(avatar);
  world.self.onStage = mayTakeStage(avatar, r.state.spaceId);
  world.selfReady = true;
  updateSelfLock();
  $(avatar).onChange(() => {
    if (r !== room) return;
    world.self.hue = avatar.hue;
    world.self.look = avatar.look;
    world.self.connected = avatar.connected;
    if (avatar.name !== world.self.name || roleOf(avatar) !== world.self.role) {
      world.self.name = avatar.name;
      world.self.role = roleOf(avatar);
      world.self.onStage = mayTakeStage(avatar, r.state.spaceId);
      queuePeople(r);
    }
    if (seatOf(avatar) !== world.self.seat || handOf(avatar) !== world.self.hand) {
      world.self.seat = seatOf(avatar);
      world.self.hand = handOf(avatar);
      queuePeople(r);
    }
    // Our position comes in motion frames (sent before this patch): now, whether the server
    // holds us in place (a seat, the mic).
    updateSelfLock();
  });
}

function watchRemote(r: Room<SpaceState>, avatar: Avatar, id: string, early: MotionPose | undefined): void {
  const $ = getStateCallbacks(r);
  const pose = early ?? avatar;
  const remote: RemoteAvatar = {
    id, name: avatar.name, role: roleOf(avatar), hue: avatar.hue, look: avatar.look, connected: avatar.connected, phase: phaseOf(id), snaps: [],
    render: { x: pose.x, z: pose.z, yaw: pose.yaw, gait: pose.gait },
    seat: seatOf(avatar), hand: handOf(avatar), drawn: { x: pose.x, z: pose.z, base: 0, head: 1.4, body: pose.yaw },
  };
  world.remotes.set(id, remote);
  pushSnapshot(remote, performance.now(), pose.x, pose.z, pose.yaw, pose.gait);
  let rest = { x: avatar.x, z: avatar.z, yaw: avatar.yaw };
  $(avatar).onChange(() => {
    if (r !== room) return;
    const role = roleOf(avatar);
    if (avatar.name !== remote.name || avatar.connected !== remote.connected || role !== remote.role
      || seatOf(avatar) !== remote.seat || handOf(avatar) !== remote.hand) {
      remote.name = avatar.name;
      remote.connected = avatar.connected;
      remote.role = role;
      remote.seat = seatOf(avatar);
      remote.hand = handOf(avatar);
      queuePeople(r);
    }
    remote.hue = avatar.hue;
    remote.look = avatar.look;
    // The state's pose changes only when the avatar comes to rest (seated, stopped, teleported).
    if (avatar.x !== rest.x || avatar.z !== rest.z || avatar.yaw !== rest.yaw) {
      rest = { x: avatar.x, z: avatar.z, yaw: avatar.yaw };
      pushSnapshot(remote, performance.now(), avatar.x, avatar.z, avatar.yaw, avatar.gait);
    }
  });
}

/**
 * May our avatar walk onto the stage? The same rule the server applies (event.run), judged on
 * the signed-in account, or on the badge the server gave us if the account is not known yet.
 */
function mayTakeStage(avatar: Avatar, spaceId: string): boolean {
  const principal = principalOf(useAccount.getState().session?.me ?? null, true);
  const role = roleOf(avatar);
  return allows('event.run', principal, spaceId) || role === 'host' || role === 'moderator' || role === 'admin';
}

/** The seat an avatar sits in, or -1 (also outside town halls, where the field is never set). */
function seatOf(avatar: Avatar): number {
  const seat: unknown = avatar.seat;
  return typeof seat === 'number' ? seat : -1;
}

/** The avatar's raised hand's place in the order, or 0. */
function handOf(avatar: Avatar): number {
  const hand: unknown = avatar.hand;
  return typeof hand === 'number' ? hand : 0;
}

/** The badge the server gave an avatar; anything unknown shows none. */
function roleOf(avatar: Avatar): Role {
  const parsed = Role.safeParse(avatar.role);
  return parsed.success ? parsed.data : 'visitor';
}

function phaseOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return (Math.abs(h) % 628) / 100;
}

let peopleQueued = false;

/** Rebuild the people list at most once per burst of changes (never per movement patch). */
function queuePeople(r: Room<SpaceState>): void {
  if (peopleQueued) return;
  peopleQueued = true;
  queueMicrotask(() => {
    peopleQueued = false;
    if (r !== room) return;
    const people: Person[] = [];
    r.state.avatars.forEach((avatar: Avatar, id: string) => {
      people.push({ id, name: avatar.name, connected: avatar.connected, role: roleOf(avatar), seat: seatOf(avatar), hand: handOf(avatar) });
    });
    people.sort((a, b) => a.name.localeCompare(b.name));
    useUi.setState({ people });
  });
}

function onRoomLeft(r: Room<SpaceState>, code: number, reason?: string): void {
  if (r !== room) return; // a room we already left on purpose
  world.sink = null;
  world.seats = null;
  if (code === CloseCode.FLOODING || code === CloseCode.REMOVED) {
    room = null;
    clearToken();
    const why = code === CloseCode.FLOODING
      ? 'You were removed from the space for sending too many messages.'
      : 'You were removed from the space.';
    // The reason is "CODE: sentence"; a moderator's removal says it all in its sentence.
    const detail = reason ? parseJoinError(reason).message : '';
    const error = !detail ? why : code === CloseCode.REMOVED ? detail : `${why} ${detail}`;
    useUi.setState({ status: 'disconnected', error });
    return;
  }
  if (code === CloseCode.CONSENTED) {
    room = null;
    useUi.setState({ status: 'disconnected', error: 'The space closed your connection.' });
    return;
  }
  startReconnecting(r);
}

/**
 * A dropped connection: take our place back with the reconnection token while the server still
 * holds it. If the server answers but no longer knows the token (it restarted: rooms live in
 * memory; or the hold expired), join the same space afresh with the same session, so a visitor
 * is back within a second of the server. While nothing answers at all, keep trying for a while.
 */
function startReconnecting(dropped: Room<SpaceState>): void {
  stopReconnecting();
  const token = dropped.reconnectionToken;
  // Where we were, asked for again if the server has lost our place (its process stopped).
  const me = dropped.state.avatars?.get(dropped.sessionId);
  const place: FormerPlace = { seat: me?.seat ?? -1, section: dropped.state.hall?.section ?? 0 };
  const gen = ++generation;
  const deadline = Date.now() + RECONNECT_FOR_MS;
  useUi.setState({ status: 'reconnecting', error: null });
  const retry = () => {
    if (Date.now() + RECONNECT_EVERY_MS > deadline) {
      room = null;
      clearToken();
      useUi.setState({ status: 'disconnected', error: 'The connection was lost.' });
      return;
    }
    reconnectTimer = setTimeout(() => void attempt(), RECONNECT_EVERY_MS);
  };
  const attempt = async () => {
    if (gen !== generation) return;
    let layout: SpaceLayout;
    try {
      // Cached since we were just in this space; a failure here is retried like a failed reconnect.
      layout = await loadSpace(useUi.getState().spaceId);
    } catch {
      if (gen === generation) retry();
      return;
    }
    if (gen !== generation) return;
    try {
      const resumed = await getClient().reconnect<SpaceState>(token);
      if (gen !== generation) {
        void resumed.leave(true).catch(() => undefined);
        return;
      }
      attach(resumed, layout, true);
    } catch (err) {
      if (gen !== generation) return;
      if (!placeGone(err)) {
        retry(); // nothing answered, or a proxy said the server is not there yet
        return;
      }
      // The server answered, without our place: enter again as the same person.
      clearToken();
      const { spaceId, name } = useUi.getState();
      void enterSpace(spaceId, name, undefined, place);
    }
  };
  reconnectTimer = setTimeout(() => void attempt(), RECONNECT_EVERY_MS);
}

/**
 * Colyseus' matchmaker answers a reconnection it cannot honour with its own error code (4211
 * room not found, 4212 token expired; HTTP 200 with {code, error}); a network failure or a
 * proxy's 5xx has no such code.
 */
function placeGone(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 4000 && code < 5000;
}

function stopReconnecting(): void {
  if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
  reconnectTimer = undefined;
}
