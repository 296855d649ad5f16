import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  /** postgres://... selects PostgreSQL; unset keeps the embedded SQLite file under DATA_DIR. */
  DATABASE_URL: z.string().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//i.test(v), 'must start with postgres:// or postgresql:// (or be unset for SQLite)'),
  /** Signs session tokens; unset: a random key generated once under DATA_DIR. */
  SESSION_SECRET: z.string().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters (or unset)'),
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(24 * 90).default(12),
  CLIENT_DIR: z.string().min(1).default('dist/client'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long the server keeps the place of someone whose connection dropped. */
  RECONNECT_SECONDS: z.coerce.number().min(0).max(600).default(20),
  /** A client whose unsent backlog grows past this is dropped (server/slowClients.ts); 0 turns it off. */
  SEND_BUFFER_LIMIT_KB: z.coerce.number().int().min(0).max(1_048_576).default(4096),
  MAX_CLIENTS_PER_SPACE: z.coerce.number().int().min(1).max(5000).default(500),
  /** Rooms one event's town hall may open when it is full (sections, on any process); other spaces keep one. */
  MAX_SECTIONS: z.coerce.number().int().min(1).max(64).default(4),
  /** Places section 1 (the stage's) keeps for hosts and moderators: visitors fill it up to MAX_CLIENTS_PER_SPACE minus this. */
  SECTION_STAFF_RESERVE: z.coerce.number().int().min(0).max(1000).default(10),
  /** Failed sign-ins allowed per account, and per client address, within LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  /**
   * Words display names may not contain (comma-separated, case-insensitive, whole words).
   * Default: words that would let a guest pass as staff.
   */
  NAME_BLOCKLIST: z.string().default('admin,administrator,moderator,mod,host,official,staff,hustings,system')
    .transform((v) => v.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0)),
  /** Voice: 'on' (the default) uses LIVEKIT_URL, or starts the embedded livekit-server; 'off' disables it. */
  VOICE: z.enum(['on', 'off']).default('on'),
  /** A first start seeds the exhibition hall with a small, marked example exhibition (server/store/exampleExhibition.ts). */
  EXAMPLE_EXHIBITION: z.enum(['on', 'off']).default('on'),
  /** An external LiveKit (all three, or none for the embedded one). */
  LIVEKIT_URL: z.string().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^wss?:\/\//.test(v), 'must start with ws:// or wss:// (or be unset)'),
  /** The address browsers use for an external LiveKit when it differs from LIVEKIT_URL (e.g. wss://voice.example.org). */
  LIVEKIT_PUBLIC_URL: z.string().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^wss?:\/\//.test(v), 'must start with ws:// or wss:// (or be unset)'),
  LIVEKIT_API_KEY: z.string().optional().transform((v) => (v ? v : undefined)),
  LIVEKIT_API_SECRET: z.string().optional().transform((v) => (v ? v : undefined)),
  /** Another livekit-server binary for the embedded LiveKit than the one scripts/livekit.sh installs. */
  LIVEKIT_BINARY: z.string().optional().transform((v) => (v ? v : undefined)),
  /** The embedded livekit-server's signalling port; it also uses the next two (TCP and UDP media). */
  LIVEKIT_PORT: z.coerce.number().int().min(1024).max(65533).default(7880),
  /** Where uploaded files are kept (content-addressed); unset: DATA_DIR/assets. */
  ASSETS_DIR: z.string().optional().transform((v) => (v ? v : undefined)),
  /** Upload size limits per kind, in megabytes. */
  ASSET_MAX_IMAGE_MB: z.coerce.number().min(0.01).max(1000).default(10),
  ASSET_MAX_VIDEO_MB: z.coerce.number().min(0.01).max(10_000).default(200),
  ASSET_MAX_MODEL_MB: z.coerce.number().min(0.01).max(1000).default(25),
  ASSET_MAX_CAPTIONS_MB: z.coerce.number().min(0.01).max(100).default(1),
  /** Words that send a question to the moderators flagged (comma-separated; never auto-approved). */
  QUESTION_FLAG_WORDS: z.string().default('')
    .transform((v) => v.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0)),
  /** Behind a reverse proxy: how many proxies to trust for the client address (X-Forwarded-For). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The address people reach the site at, for links the CLI prints (invitations). */
  PUBLIC_URL: z.string().optional().transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || /^https?:\/\//.test(v), 'must start with http:// or https:// (or be unset)'),
  /**
   * Host names the server answers to besides IP addresses, loopback names, PUBLIC_URL's host and
   * HOST (comma-separated). Any other Host header is refused (421), so a DNS-rebinding page
   * cannot read the API.
   */
  ALLOWED_HOSTS: z.string().default('')
    .transform((v) => v.split(',').map((w) => w.trim().toLowerCase().replace(/\.$/, '')).filter((w) => w.length > 0)),
  /**
   * Several processes (README, "Running a big event"): redis:// or rediss:// names the Redis they
   * share (Colyseus presence and room list, the change feed, sign-in limits). Unset: one process.
   */
  REDIS_URL: z.string().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^rediss?:\/\//i.test(v), 'must start with redis:// or rediss:// (or be unset for one process)'),
  /**
   * With REDIS_URL: where browsers reach this process's rooms, host[:port][/path] without a scheme
   * (e.g. events.example.org/4401 behind nginx, or 127.0.0.1:4401). Unset: the address the page came from.
   */
  PUBLIC_ADDRESS: z.string().optional().transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?(?:\/[A-Za-z0-9._~-]+)*$/i.test(v),
      'must be host[:port][/path] without a scheme, e.g. events.example.org/4401 (or be unset)'),
  /**
   * Every process's PUBLIC_ADDRESS that is on another host:port than the page (several ports on one
   * machine with no reverse proxy in front), comma-separated: the page may open sockets to them.
   */
  CLUSTER_ADDRESSES: z.string().default('')
    .transform((v) => v.split(',').map((w) => w.trim()).filter((w) => w.length > 0))
    .refine((list) => list.every((a) => /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(a)), 'must be host[:port] entries, comma-separated'),
  /** How many server processes scripts/start.sh runs on this machine (more than 1 needs DATABASE_URL). */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Unset: /metrics is off. Set (16+ characters): /metrics answers `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters (or unset)'),
});

export type Config = z.infer<typeof Env> & { dataDir: string; clientDir: string; assetsDir: string };

/** Parse the environment once at start-up; a wrong value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const livekit = [c.LIVEKIT_URL, c.LIVEKIT_API_KEY, c.LIVEKIT_API_SECRET].filter((v) => v !== undefined).length;
  if (livekit !== 0 && livekit !== 3) {
    throw new Error('Invalid configuration in the environment:\n  LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET: set all three (an external LiveKit) or none (the embedded one)');
  }
  const clusterProblem = clusterRefusal(c);
  if (clusterProblem) throw new Error(`Invalid configuration in the environment:\n  ${clusterProblem}`);
  return { ...c, dataDir: path.resolve(c.DATA_DIR), clientDir: path.resolve(c.CLIENT_DIR), assetsDir: path.resolve(c.ASSETS_DIR ?? path.join(c.DATA_DIR, 'assets')) };
}

/**
 * Several processes share everything through PostgreSQL and Redis, never a file of one process:
 * what is missing for that, named by its variables (undefined: nothing).
 */
export function clusterRefusal(c: Pick<z.infer<typeof Env>, 'REDIS_URL' | 'WORKERS' | 'DATABASE_URL' | 'VOICE' | 'LIVEKIT_URL'>): string | undefined {
  const several = c.WORKERS > 1 ? `WORKERS=${c.WORKERS}` : c.REDIS_URL ? 'REDIS_URL' : undefined;
  if (!several) return undefined;
  if (!c.DATABASE_URL) {
    return `DATABASE_URL: ${several} means several server processes, and they must share one PostgreSQL database (DATABASE_URL=postgres://...); the embedded SQLite file under DATA_DIR belongs to one process. Unset ${c.WORKERS > 1 ? 'WORKERS' : 'REDIS_URL'} to run one process on SQLite.`;
  }
  if (!c.REDIS_URL) {
    return `REDIS_URL: WORKERS=${c.WORKERS} needs a Redis the processes share (REDIS_URL=redis://...); scripts/start.sh starts a local one when REDIS_URL is unset.`;
  }
  if (c.VOICE === 'on' && !c.LIVEKIT_URL) {
    return `LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET: with ${several} every process must use one LiveKit (each would start its own embedded livekit-server on LIVEKIT_PORT); set all three, or VOICE=off. scripts/start.sh with WORKERS starts one for them.`;
  }
  return undefined;
}
