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
  /** The interpolated pose drawn for a remote avatar this frame. */
  remote(id: string): HustingsPose | undefined;
  renderInfo(): { calls: number; triangles: number; frame: number };
  /** Viewport CSS pixel coordinates of a world point (for page.mouse.click), if drawn yet. */
  project(x: number, y: number, z: number): { x: number; y: number } | undefined;
}
