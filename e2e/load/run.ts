/**
 * npm run load -- [--scenario plaza|townhall|sections] --clients N --seconds S [--url ws://host:port] [--ramp 30]
 *
 * Starts its own server on a free port (unless --url is given; sections: Redis, PostgreSQL and
 * --servers processes), joins N bots, measures for S seconds and prints, as its last line, one
 * JSON object with the figures. See USAGE.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getSpace } from '../../shared/spaces/catalog.js';
import { SpaceId, SpaceLayout } from '../../shared/spaces/layout.js';
import { botsFellBehind, runPlaza } from './plaza.js';
import { printReport } from './report.js';
import { createAdmin, startServer, stopServer, type LoadServer } from './server.js';
import { Teardown, teardownOnExit } from './sectionCluster.js';
import { sectionsFellBehind } from './sectionFigures.js';
import { runSections } from './sections.js';
import { runTownHall } from './townhall.js';

const USAGE = `Usage: npm run load -- [options]

  --scenario plaza|townhall|sections
                             plaza (default): bots walk about a space.
                             townhall: a staff bot runs a live event; visitors sit in their own
                             seats, ask, upvote, react and now and then raise a hand.
                             sections: the town hall as a big event over several server processes
                             (Redis and PostgreSQL started here, stopped after, also on Ctrl+C):
                             bots in --workers processes enter through every server process, the
                             servers place them in sections; a moderator in section 1 approves,
                             answers and calls raised hands from every section to the floor; the
                             figure is the time from its send to each visitor in every section
                             seeing the effect (fanoutP99Ms). Exit 3 when the bots fell behind.
  --clients N                bots (default 10); the town hall needs a seat for each
  --seconds S                measured window (default 20), after the bots joined
  --ramp R                   bots joining per second (default 30; sections: 10, since faster
                             arrivals make several rooms open as the same section, see README)
  --space ID                 plaza: the space to walk (default plaza); townhall: default townhall
  --seed N                   seeds the bots' choices (default 1)
  --workers W                plaza: bot processes (default: one per 125 bots, at least 2);
                             sections: default one per 250 bots, at least 2
  --servers N                sections: server processes (default 2)
  --section-size N           sections: people per section room, MAX_CLIENTS_PER_SPACE (default:
                             the hall's seats, 432, so everyone sits); MAX_SECTIONS is set to fit
                             --clients and the moderator
  --floor-every S            sections: the moderator calls the next raised hand every S seconds
                             (default 10; sections in turn) and ends the turn --floor-hold S
                             seconds later (default 4)
  --bot-nice N               plaza, sections: niceness of the bot processes (default 0; 10 lets the
                             server on a shared machine take the CPU it needs first)
  --pause S                  plaza: the longest pause (seconds) at a spot before walking on
                             (default 0: everyone keeps moving; 5 is a browsing crowd)
  --url ws://host:port       use that server instead of starting one (export its METRICS_TOKEN)
  Town hall habits, per visitor: --asks 2 (questions over the window, on average),
  --vote-every 8 (mean seconds between upvotes), --react-every 20 (mean seconds between
  spontaneous reactions), --applaud 0.7 (chance of applause for each new answer),
  --hands 0.05 (chance of raising a hand). Sections' defaults are lighter, for thousands of
  bots on a small machine: --asks 0.3 --vote-every 60 --react-every 60 --applaud 0.1
  --hands 0.03 (the run prints them). The moderator: every --moderate-every 5 seconds a
  pass decides up to 40 pending questions, a click every 100 ms (one in ten dismissed); half-way
  between passes it puts the most-voted approved question on the stage screen ('answer').

Without --url the tool starts the server itself (plaza: DATA_DIR data/load; townhall: a fresh
temporary DATA_DIR with an admin account made by the admin CLI, removed afterwards).
With --url and --scenario townhall, the staff bot signs in with an account that may run the
event and moderate questions there (a moderator of that space, or an admin), taken from the
environment: LOAD_STAFF_EMAIL and LOAD_STAFF_PASSWORD. It starts the scheduled event (or creates one) if none
is live, and ends it afterwards if it started it.`;

const TOWNHALL_HABITS = { asks: '2', voteEvery: '8', reactEvery: '20', applaud: '0.7', hands: '0.05' };
const SECTION_HABITS = { asks: '0.3', voteEvery: '60', reactEvery: '60', applaud: '0.1', hands: '0.03' };

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'plaza' },
    space: { type: 'string' },
    clients: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    url: { type: 'string' },
    ramp: { type: 'string' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string' },
    pause: { type: 'string', default: '0' },
    'bot-nice': { type: 'string', default: '0' },
    asks: { type: 'string' },
    'vote-every': { type: 'string' },
    'react-every': { type: 'string' },
    applaud: { type: 'string' },
    hands: { type: 'string' },
    servers: { type: 'string', default: '2' },
    'section-size': { type: 'string' },
    'floor-every': { type: 'string', default: '10' },
    'floor-hold': { type: 'string', default: '4' },
    'moderate-every': { type: 'string', default: '5' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scenario = values.scenario;
if (scenario !== 'plaza' && scenario !== 'townhall' && scenario !== 'sections') fail(`--scenario must be plaza, townhall or sections (got "${scenario}")`);
if (scenario === 'sections' && (values.url || values.space)) fail('--scenario sections starts its own servers in the town hall: no --url or --space');
const spaceId = values.space ?? (scenario === 'plaza' ? 'plaza' : 'townhall');
const clients = positiveInt('clients', values.clients);
const seconds = positiveInt('seconds', values.seconds);
const ramp = positiveInt('ramp', values.ramp ?? (scenario === 'sections' ? '10' : '30'));
const seed = Number(values.seed);
const workers = values.workers ? positiveInt('workers', values.workers) : Math.max(2, Math.ceil(clients / (scenario === 'sections' ? 250 : 125)));
const pauseSeconds = number('pause', values.pause, 0, 600);
const botNice = Math.round(number('bot-nice', values['bot-nice'], 0, 19));
if (!SpaceId.safeParse(spaceId).success) fail(`--space: "${spaceId}" is not a space id`);
const habitDefaults = scenario === 'sections' ? SECTION_HABITS : TOWNHALL_HABITS;
const habits = {
  asks: number('asks', values.asks ?? habitDefaults.asks, 0, 50),
  voteEverySeconds: number('vote-every', values['vote-every'] ?? habitDefaults.voteEvery, 0.5, 3600),
  reactEverySeconds: number('react-every', values['react-every'] ?? habitDefaults.reactEvery, 0.5, 3600),
  applaud: number('applaud', values.applaud ?? habitDefaults.applaud, 0, 1),
  hand: number('hands', values.hands ?? habitDefaults.hands, 0, 1),
};
const servers = positiveInt('servers', values.servers);
const seats = getSpace('townhall')?.seats.length ?? 0;
const sectionSize = values['section-size'] ? positiveInt('section-size', values['section-size']) : seats;
const floorEverySeconds = number('floor-every', values['floor-every'], 2, 600);
const floorHoldSeconds = number('floor-hold', values['floor-hold'], 1, 600);
if (scenario === 'sections' && floorHoldSeconds >= floorEverySeconds) fail('--floor-hold must be shorter than --floor-every');
const moderateEverySeconds = number('moderate-every', values['moderate-every'], 1, 600);

function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number above 0 (got "${v}")`);
  return n;
}
function number(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number from ${min} to ${max} (got "${v}")`);
  return n;
}
function fail(message: string): never {
  console.error(`load: ${message}`);
  process.exit(2);
}
const say = (message: string) => console.error(`[load] ${message}`);

const maxClients = Math.max(clients + 10, 500);
let server: LoadServer = { url: values.url ?? '', child: undefined };
let staff = { email: process.env.LOAD_STAFF_EMAIL ?? '', password: process.env.LOAD_STAFF_PASSWORD ?? '' };
let tempDir: string | undefined;

const teardown = new Teardown(say);
if (scenario === 'sections') teardownOnExit(teardown, say);

try {
  if (scenario === 'sections') {
    // Everyone placed, plus the moderator: the sections that takes, and no more.
    const maxSections = Math.ceil((clients + 1) / sectionSize);
    say(`sections: ${clients} visitors over ${servers} server processes, ${sectionSize} a section (up to ${maxSections} sections), ${workers} bot processes, joining ${ramp} a second`);
    say(`per visitor over the ${seconds} s window: ${habits.asks} questions on average, an upvote every ${habits.voteEverySeconds} s, a reaction every ${habits.reactEverySeconds} s, applause for an answer with chance ${habits.applaud}, a hand with chance ${habits.hand}`);
    say(`moderator: a pass over the queue every ${moderateEverySeconds} s (up to 40 decisions, 100 ms apart), an answer between passes, a floor call every ${floorEverySeconds} s ended after ${floorHoldSeconds} s`);
    const result = await runSections({
      clients, seconds, ramp, seed, servers, workers, botNice, sectionSize, maxSections, habits, moderateEverySeconds, floorEverySeconds, floorHoldSeconds, say,
    }, teardown);
    // Everything stopped first, so the servers' last log lines cannot come after the JSON line.
    await teardown.run();
    printReport(result);
    console.log(JSON.stringify(result));
    const shared = result.sectionNumbersShared as Record<string, number>;
    if (Object.keys(shared).length > 0) say(`NOTE: more than one room took the same section number: ${JSON.stringify(shared)} (rooms per number)`);
    const behind = sectionsFellBehind(result);
    if (behind.length > 0) {
      console.error(`load: THE RUN DOES NOT MEASURE THE SERVERS: ${behind.join('; ')}`);
      process.exitCode = 3;
    }
  } else if (values.url) {
    if (scenario === 'townhall' && (!staff.email || !staff.password)) {
      fail('--scenario townhall with --url needs a staff account: set LOAD_STAFF_EMAIL and LOAD_STAFF_PASSWORD (see --help)');
    }
  } else if (scenario === 'townhall') {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-load-'));
    staff = { email: 'load-staff@example.org', password: randomBytes(18).toString('base64url') };
    await createAdmin(tempDir, { ...staff, name: 'Load Chair' });
    server = await startServer(tempDir, maxClients);
  } else {
    server = await startServer('data/load', maxClients);
  }
  if (scenario !== 'sections') await runOneServer();
} catch (err) {
  console.error(`load: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await stopServer(server);
  await teardown.run();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  // Everything started is stopped; a socket still closing must not keep the tool from exiting.
  if (scenario === 'sections') setTimeout(() => process.exit(), 3000).unref();
}

/** The plaza and town hall scenarios, on one server (started here, or --url). */
async function runOneServer(): Promise<void> {
  let result: Record<string, unknown>;
  if (scenario === 'townhall') {
    result = await runTownHall({
      url: server.url, spaceId, clients, seconds, ramp, seed, staff, endEvent: values.url !== undefined,
      habits, moderateEverySeconds, say,
    });
    printReport(result);
  } else {
    // Bots walk the layout the server actually has (spaces live in its database).
    const layoutResponse = await fetch(`${server.url.replace(/^ws/, 'http')}/api/spaces/${spaceId}`);
    if (!layoutResponse.ok) throw new Error(`--space: the server has no space "${spaceId}" (${layoutResponse.status})`);
    const layout = SpaceLayout.parse(((await layoutResponse.json()) as { space: unknown }).space);
    result = await runPlaza({ url: server.url, layout, clients, seconds, ramp, seed, workers, pauseSeconds, botNice, say });
    printReport(result);
  }
  console.log(JSON.stringify(result));
  const behind = scenario === 'plaza' ? botsFellBehind(result, pauseSeconds) : [];
  if (behind.length > 0) {
    console.error(`load: THE RUN DOES NOT MEASURE THE SERVER: ${behind.join('; ')}`);
    process.exitCode = 3;
  }
}
