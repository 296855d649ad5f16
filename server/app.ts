import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { LocalPresence, matchMaker, Server } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import express, { type Express } from 'express';
import type { DestinationStream } from 'pino';
import { SPACES } from '../shared/spaces/catalog.js';
import type { Config } from './config.js';
import { gatePolicy, guardHttpServer, restrictMatchmakingCors } from './http/gate.js';
import { mountRoutes } from './http/routes.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { SpaceRoom, type SpaceRoomDeps } from './rooms/SpaceRoom.js';
import { openDatabase } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';
import { createRepos, type Repos } from './store/repos.js';
import { seedDemoEvent, seedExampleExhibition } from './store/seed.js';
import { attachLivekitProxy } from './voice/proxy.js';
import { startVoice, type VoiceService } from './voice/startVoice.js';
import { AssetFiles } from './assets/files.js';
import { loadSessionSecret } from './auth/secret.js';
import { createSessions } from './auth/sessions.js';
import { createLoginLimiter, createSharedLoginLimiter } from './auth/loginLimiter.js';
import { ChangeFeed } from './changeFeed.js';
import { checkSharedSetup, RECORD_SECONDS } from './clusterChecks.js';
import { joinCluster } from './cluster.js';
import { markVisitors } from './rooms/roomSections.js';
import { ConsensusAnalyst } from './consensus/analyst.js';
import { mendSchemaStringEncoding } from './schemaStrings.js';
import { colyseusLogger, GuardedTransport, installCloseGuard, OffenderLog } from './socketGuard.js';

export interface App {
  port: number;
  log: Logger;
  /** The store the server uses (tests seed accounts through it, as the admin CLI does). */
  repos: Repos;
  /** The Express application (tests list its mounted routes). */
  express: Express;
  /** Voice (LiveKit), as configured. */
  voice: VoiceService;
  close(): Promise<void>;
}

// A full state of a few hundred avatars is larger than the default 8 KB encode buffer.
Encoder.BUFFER_SIZE = 128 * 1024;
// Strings of exactly 255 bytes would corrupt every client's state (see schemaStrings.ts).
mendSchemaStringEncoding();

/** An external LiveKit's signalling origin (ws/wss) and its http(s) twin, for the page's connect-src. */
function livekitOrigins(publicUrl: string): string[] {
  const socket = new URL(publicUrl);
  return [`${socket.protocol}//${socket.host}`, new URL(publicUrl.replace(/^ws/, 'http')).origin];
}

export interface StartOptions {
  /** Where log lines go (default stdout); tests capture them. */
  logDestination?: DestinationStream;
}

/** Listeners per presence channel: three channels a section, up to 64 sections a space, some spaces. */
const MAX_SECTIONS_LISTENERS = 1000;

/** Wires HTTP routes, Colyseus rooms and metrics into one server and starts listening. */
export async function startApp(config: Config, options: StartOptions = {}): Promise<App> {
  const log = createLogger(config.LOG_LEVEL, options.logDestination);
  const metrics = createMetrics();
  // Several processes (REDIS_URL): rooms, changes and limits are shared through Redis.
  const cluster = await joinCluster(config, log);

  const store = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  const applied = await migrateToLatest(store);
  const repos = createRepos(store.db);
  const seeded = await repos.spaces.seedIfEmpty(SPACES.values());
  log.info({ database: store.location, migrations: applied, seededSpaces: seeded }, 'store ready');
  if (await repos.accounts.count() === 0) {
    log.info('No accounts yet: create the first admin with `npm run admin -- create --email you@example.org`.');
  }
  const secret = loadSessionSecret(config.SESSION_SECRET, config.dataDir);
  // Several processes: the same session key and uploads directory everywhere, or no start.
  const renewShared = cluster ? await checkSharedSetup(cluster.keys, secret, config.assetsDir) : undefined;
  const renewing = renewShared && setInterval(() => {
    renewShared().catch((err: unknown) => log.warn({ err }, 'cluster: renewing the shared-setup records failed'));
  }, (RECORD_SECONDS * 1000) / 3).unref();
  const seededEvent = await seedDemoEvent(repos);
  if (seededEvent) log.info({ eventId: seededEvent.id, startsAt: seededEvent.startsAt }, 'seeded a demo event in the town hall');
  const seededExhibits = config.EXAMPLE_EXHIBITION === 'on' ? await seedExampleExhibition(repos) : 0;
  if (seededExhibits > 0) log.info({ exhibits: seededExhibits }, 'seeded the example exhibition in the exhibition hall');
  const sessions = createSessions(
    repos,
    secret,
    Math.round(config.SESSION_TTL_HOURS * 3600),
  );
  const events = cluster ? await ChangeFeed.over(cluster.presence) : ChangeFeed.local();
  // Consensus analyses run in a worker thread; each new one is pushed to the rooms of its space.
  const consensus = new ConsensusAnalyst({
    consensus: repos.consensus, log, debounceMs: 300,
    publish: (spaceId, view) => events.consensusAnalysed(spaceId, view),
  });
  // Every process keeps the latest analysis it hears of, whichever process computed it.
  events.onConsensusAnalysed((_spaceId, view) => consensus.heard(view));
  const loginLimits = {
    perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    perIp: config.LOGIN_MAX_FAILURES_PER_IP,
    windowSeconds: Math.round(config.LOGIN_WINDOW_MINUTES * 60),
  };
  const limiter = cluster ? createSharedLoginLimiter(loginLimits, cluster.limitStore) : createLoginLimiter(loginLimits);

  const voice = await startVoice(config, log);

  const app = express();
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  const httpServer = http.createServer(app);
  const sockets = trackSockets(httpServer);
  // Keep idle HTTP connections longer than clients' own pools do (Node's agent: 5 s, undici: 4 s,
  // browsers and proxies more): when the server closed first, at Node's default of 5 s, a client
  // that reused the socket at that moment got "socket hang up" (seen joining under load).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  // No single socket may end the process (socketGuard.ts): close reasons are cut in one place,
  // and what a hostile frame makes Colyseus or ws complain about is one line per offender.
  installCloseGuard(log);
  const offenders = new OffenderLog(log);
  const roomFaults = new OffenderLog(log, 'a room method failed; the room goes on', 'error');
  const transport = new GuardedTransport({ server: httpServer, maxPayload: 16 * 1024, pingInterval: 3000, pingMaxRetries: 3 }, offenders);
  // Every section room of an event subscribes to the event's stage, floor and reactions channels:
  // more than ten rooms on one process is expected, not a listener leak.
  const presence = cluster?.presence ?? new LocalPresence();
  presence.setMaxListeners(MAX_SECTIONS_LISTENERS);
  const gameServer = new Server({
    transport,
    logger: colyseusLogger(log, offenders),
    greet: false,
    // index.ts owns signal handling; tests start and stop several servers.
    gracefullyShutdown: false,
    presence,
    ...(cluster ? { driver: cluster.driver, publicAddress: cluster.publicAddress } : {}),
  });

  const deps: SpaceRoomDeps = {
    log, metrics, sessions, events, repos,
    flagWords: config.QUESTION_FLAG_WORDS,
    // Bans of guests match a keyed hash of their address; the address itself is never stored.
    hashAddress: (address) => createHmac('sha256', secret).update(`address:${address}`).digest('hex'),
    reconnectSeconds: config.RECONNECT_SECONDS,
    maxClients: config.MAX_CLIENTS_PER_SPACE,
    maxSections: config.MAX_SECTIONS,
    staffReserve: config.SECTION_STAFF_RESERVE,
    sendBufferLimitBytes: config.SEND_BUFFER_LIMIT_KB * 1024,
    voice: { voice: voice.voice, publicUrl: voice.publicUrl, log },
    offenders,
    roomFaults,
  };
  class BoundSpaceRoom extends SpaceRoom {
    protected override deps = deps;
  }
  // A section link (?section=2) joins that section of an event; otherwise the lowest-numbered with room.
  // `visitors`: set by markVisitors for everyone but hosts and moderators, whom section 1 keeps places for.
  gameServer.define('space', BoundSpaceRoom).filterBy(['spaceId', 'section', 'visitors']).sortBy({ section: 1 });
  const unmarkVisitors = markVisitors(sessions, log);

  if (voice.proxyPort !== undefined) attachLivekitProxy(app, httpServer, { port: voice.proxyPort }, log);
  mountRoutes(app, {
    clientDir: config.clientDir,
    // An external LiveKit: livekit-client also probes its https:// side when a connection fails.
    connectSources: [
      ...(voice.publicUrl ? livekitOrigins(voice.publicUrl) : []),
      // Other processes' rooms on other ports of this machine (no reverse proxy in front).
      ...config.CLUSTER_ADDRESSES.flatMap((address) => [`ws://${address}`, `wss://${address}`]),
    ],
    repos,
    sessions,
    limiter,
    events,
    nameBlocklist: config.NAME_BLOCKLIST,
    metricsToken: config.METRICS_TOKEN,
    voiceRunning: voice.voice !== undefined,
    consensus,
    assets: {
      files: new AssetFiles(config.assetsDir),
      maxBytes: {
        image: config.ASSET_MAX_IMAGE_MB * 1e6,
        video: config.ASSET_MAX_VIDEO_MB * 1e6,
        model: config.ASSET_MAX_MODEL_MB * 1e6,
        captions: config.ASSET_MAX_CAPTIONS_MB * 1e6,
      },
    },
    log,
    metrics,
    occupancy: async () => {
      const present: Record<string, number> = {};
      for (const listing of await matchMaker.query({ name: 'space' })) {
        const spaceId = (listing.metadata as { spaceId?: unknown } | undefined)?.spaceId;
        if (typeof spaceId === 'string') present[spaceId] = (present[spaceId] ?? 0) + listing.clients;
      }
      return present;
    },
    stats: async () => ({
      rooms: (await metrics.rooms.get()).values[0]?.value ?? 0,
      clients: (await metrics.clients.get()).values[0]?.value ?? 0,
    }),
  });

  // Last, so it stands in front of Express, matchmaking and the LiveKit proxy alike.
  restrictMatchmakingCors();
  guardHttpServer(httpServer, gatePolicy(config));
  await gameServer.listen(config.PORT, config.HOST);
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ port, host: config.HOST }, `Hustings listening on http://${config.HOST}:${port}`);

  return {
    port,
    log,
    repos,
    express: app,
    voice,
    async close() {
      clearInterval(renewing);
      unmarkVisitors();
      events.close();
      // Rooms first: each tells its visitors the server is restarting (4503) and saves nothing
      // half-done (this also shuts Colyseus' presence and driver, Redis, down). Then every socket
      // still open ends, upgraded ones included: a page's voice signalling through the LiveKit
      // proxy is invisible to closeAllConnections and would hold httpServer.close() open for as
      // long as the page stays (shutdown.test.ts).
      await gameServer.gracefullyShutdown(false);
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections?.();
      for (const socket of sockets) socket.destroy();
      await closed;
      await consensus.close();
      await store.close();
      await voice.stop();
      await cluster?.close();
    },
  };
}

/** Every socket the server accepted and that is still open, upgraded (WebSocket) ones included. */
function trackSockets(server: http.Server): Set<Duplex> {
  const open = new Set<Duplex>();
  server.on('connection', (socket: Duplex) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return open;
}
