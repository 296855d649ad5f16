// The shape of `window.__hustings`, defined only in `--mode test` builds (client/testHook.ts).
// The Window property itself is declared by the e2e fixtures (e2e/fixtures.ts); declaring it
// here too would clash, so the client defines it with Object.defineProperty.

interface HustingsPose { x: number; z: number; yaw: number }

interface HustingsAvatarInfo {
  id: string;
  name: string;
  x: number;
  z: number;
  connected: boolean;
  /** The badge the server gave this avatar (a Role; 'visitor' shows none). */
  role: string;
  /** Town hall: the seat index (-1 standing) and the raised hand's place (0 for none). */
  seat: number;
  hand: number;
}

/** shared/protocol/townhall.ts ModerationQueue (a global script cannot import it). */
interface HustingsQueue {
  pending: { id: string; text: string; originalText: string | null; author: string; anonymous: boolean; flagged: boolean; createdAt: number; state: 'pending' }[];
  muted: string[];
}

/** shared/protocol/townhall.ts MyQuestions. */
interface HustingsMine {
  pending: { id: string; text: string; createdAt: number }[];
  dismissed: { id: string; text: string }[];
  votes: string[];
}

/** The town hall's state as this client last received it (client/state/hall.ts). */
interface HustingsHall {
  eventId: string;
  eventState: 'none' | 'scheduled' | 'live' | 'ended';
  title: string;
  /** The text of the question being answered, or ''. */
  answering: string;
  questions: { id: string; text: string; votes: number; state: 'approved' | 'answering' | 'answered' }[];
  floor: { holder: string; name: string; endsAt: number };
  speakers: string[];
  present: number;
}

/** The signed-in account, as GET /api/session last described it (shared/protocol/api.ts `Me`). */
interface HustingsMe {
  kind: 'guest' | 'account';
  name: string;
  account: { id: string; email: string; displayName: string; createdAt: string; disabledAt: string | null } | null;
  grants: { role: 'visitor' | 'host' | 'moderator' | 'curator' | 'admin'; spaceId: string | null }[];
  expiresAt: string;
}

interface HustingsTestHook {
  /** True once joined, our avatar is in the state and a frame has been drawn since. */
  readonly ready: boolean;
  readonly selfId: string | undefined;
  readonly spaceId: string | undefined;
  readonly status: 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
  /** Our avatar as the server last acknowledged it (from room state). */
  self(): HustingsPose | undefined;
  /** Our locally predicted pose. */
  predicted(): HustingsPose | undefined;
  /** Every avatar in the room state. */
  avatars(): HustingsAvatarInfo[];
  /** The signed-in account on this browser, or null (guests). */
  me(): HustingsMe | null;
  /** The town hall's state (undefined outside town halls). */
  hall(): HustingsHall | undefined;
  /** The last moderation queue received (moderators), or null. */
  queue(): HustingsQueue | null;
  /** The last word on this person's own questions and votes, or null. */
  mine(): HustingsMine | null;
  /** The interpolated pose drawn for a remote avatar this frame. */
  remote(id: string): HustingsPose | undefined;
  renderInfo(): { calls: number; triangles: number; frame: number };
  /** Viewport CSS pixel coordinates of a world point (for page.mouse.click), if drawn yet. */
  project(x: number, y: number, z: number): { x: number; y: number } | undefined;
}
