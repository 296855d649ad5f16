import type { Sessions } from '../auth/sessions.js';
import type { ChangeFeed } from '../changeFeed.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { OffenderLog } from '../socketGuard.js';
import type { Repos } from '../store/repos.js';
import type { RoomVoiceDeps } from './roomVoice.js';

export interface SpaceRoomDeps {
  log: Logger;
  sessions: Sessions;
  metrics: Metrics;
  /** The store: layouts in, audit entries out (rooms never build SQL). */
  repos: Pick<Repos, 'spaces' | 'accounts' | 'roles' | 'audit' | 'sessions' | 'events' | 'questions' | 'floorTurns' | 'sanctions' | 'exhibits' | 'assets' | 'looks' | 'ballots' | 'consensus' | 'transaction'>;
  events: ChangeFeed;
  /** Words that send a question to the moderators flagged. */
  flagWords: readonly string[];
  /** A keyed hash of a client address (a moderator's address bans). */
  hashAddress: (address: string) => string;
  reconnectSeconds: number;
  maxClients: number;
  /** Sections one event's town hall may open (server/rooms/roomSections.ts). */
  maxSections: number;
  /** Places section 1 keeps for hosts and moderators (server/domain/sections.ts, placesFor). */
  staffReserve: number;
  /** Unsent bytes a client may have queued before it is dropped (0: no limit; server/slowClients.ts). */
  sendBufferLimitBytes: number;
  /** LiveKit, when voice runs (one LiveKit room per space instance). */
  voice: RoomVoiceDeps;
  /** Rate-limited log lines: misbehaving connections, and room methods that failed. */
  offenders: OffenderLog;
  roomFaults: OffenderLog;
}
