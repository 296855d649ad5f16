/**
 * npm run bench:voice -- [--scenario crowd|stage|floor|all] [--bots N] ...
 *
 * Voice benchmarks (issue 7) against a server started here with VOICE=on and its embedded
 * livekit-server: bots join a space with colyseus.js and LiveKit (@livekit/rtc-node, audio
 * only) and subscribe by the shared hearing rules. Prints tables, then one JSON line. See USAGE.
 */
// First: quiets rtc-node's debug log before it loads.
import { restoreNodeEnv } from './voiceQuiet.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispose } from '@livekit/rtc-node';
import { callApi } from '../../shared/protocol/apiClient.js';
import { SpaceLayout } from '../../shared/spaces/layout.js';
import { printReport } from './report.js';
import { createAdmin, startServer, stopServer, type LoadServer } from './server.js';
import { findLivekitChild, machineNote } from './voiceCpu.js';
import { runCrowd } from './voiceCrowd.js';
import { runFloorCalls, type FloorCallTiming } from './voiceFloor.js';
import { VoiceHall } from './voiceHall.js';
import { tolerateInvalidHandleDrops } from './voicePeer.js';
import { runStage } from './voiceStage.js';

const USAGE = `Usage: npm run bench:voice -- [options]

  --scenario crowd|stage|floor|all  (default all)
      crowd: N bots walk about the plaza (open voice); --talkers of them publish a tone; all
             subscribe by the hearing rules. Subscriptions per listener, LiveKit totals, CPU.
      stage: the town hall, event live; the host on the stage and a visitor at the floor mic
             publish; N seated listeners subscribe to both. CPU of the Node server, of
             livekit-server and of the bots' process; audio received per listener.
      floor: in the same hall, --rounds times: a visitor raises a hand, the moderator calls them
             to the floor, they publish once LiveKit lets them; time until the host hears them.
  --bots N          crowd size, or seated listeners in the hall (default 100)
  --talkers N       crowd: bots that talk (default 10)
  --seconds S       measured window (default 20)
  --settle S        crowd: seconds for the crowd to spread out before measuring (default 15)
  --rounds N        floor: calls to the floor (default 5)
  --ramp R          bots joining per second (default 10)
  --per-worker N    bots per worker process (default 20): rtc-node gives every FFI event to
                    every Room in a process, so a hundred in one process swamps it
  --seed N          positions and choices (default 1)

Starts its own server (fresh temporary DATA_DIR, an admin made with the admin CLI, VOICE=on,
the embedded livekit-server on free ports) and stops it afterwards. Bots connect to LiveKit
directly, not through the app's /livekit proxy. Everything runs on this machine: the bots'
CPU is reported next to the server's so readers can tell them apart.`;

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'all' },
    bots: { type: 'string', default: '100' },
    talkers: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    settle: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '5' },
    ramp: { type: 'string', default: '10' },
    'per-worker': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scenario = values.scenario;
if (!['crowd', 'stage', 'floor', 'all'].includes(scenario)) fail(`--scenario must be crowd, stage, floor or all (got "${scenario}")`);
const bots = whole('bots', values.bots, 1);
const talkers = whole('talkers', values.talkers, 0);
const seconds = whole('seconds', values.seconds, 1);
const settleSeconds = whole('settle', values.settle, 0);
const rounds = whole('rounds', values.rounds, 1);
const ramp = whole('ramp', values.ramp, 1);
const seed = whole('seed', values.seed, 0);
const workers = Math.ceil(bots / whole('per-worker', values['per-worker'], 1));

function whole(name: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number of at least ${min} (got "${v}")`);
  return n;
}
function fail(message: string): never {
  console.error(`bench:voice: ${message}`);
  process.exit(2);
}
const say = (message: string) => console.error(`[voice] ${message}`);
restoreNodeEnv();
tolerateInvalidHandleDrops();

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-bench-voice-'));
const staff = { email: 'voice-host@example.org', password: randomBytes(18).toString('base64url') };
let server: LoadServer = { url: '', child: undefined };
let livekitPid: number | undefined;
const results: Record<string, unknown>[] = [];

// If rtc-node takes this process down, or it is interrupted, the server (and its
// livekit-server, which it stops) must not outlive it.
process.on('exit', () => {
  server.child?.kill('SIGTERM');
  fs.rmSync(tempDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

try {
  await createAdmin(tempDir, { ...staff, name: 'Voice Host' });
  server = await startServer(tempDir, Math.max(bots + 20, 500), { voice: true });
  const serverPid = server.child?.pid;
  livekitPid = serverPid === undefined ? undefined : findLivekitChild(serverPid);
  if (!server.livekitUrl || livekitPid === undefined) throw new Error('the server started without its embedded livekit-server (is it built? scripts/livekit.sh install)');
  say(`server pid ${serverPid} on ${server.url}; livekit-server pid ${livekitPid} on ${server.livekitUrl}`);
  const pids = { server: serverPid, livekit: livekitPid };
  console.log(`machine: ${machineNote()}.`);
  console.log('CPU % below: 100 = one core busy; machineBusyPct is the whole machine, every process on it (100 = all cores busy).\n');

  if (scenario === 'crowd' || scenario === 'all') {
    const { space } = await callApi('getSpace', { baseUrl: server.url.replace(/^ws/, 'http'), params: { id: 'plaza' } });
    const result = await runCrowd({
      url: server.url, livekitUrl: server.livekitUrl, layout: SpaceLayout.parse(space), bots, talkers, settleSeconds, seconds, ramp, seed, workers, pids, say,
    });
    print(`crowd: ${bots} bots walking in the plaza, ${talkers} talking`, result);
  }
  if (scenario !== 'crowd') {
    const hall = new VoiceHall({ url: server.url, livekitUrl: server.livekitUrl, spaceId: 'townhall', listeners: bots, workers, seed, candidates: rounds, ramp, staff, say });
    try {
      await hall.open();
      if (scenario === 'stage' || scenario === 'all') {
        print(`stage: 2 voices heard by ${hall.listenersJoined} seated listeners`, await runStage(hall, { seconds, pids, say }));
      } else {
        await hall.hostTakesStage();
      }
      if (scenario === 'floor' || scenario === 'all') {
        const { result, calls } = await runFloorCalls(hall, rounds, { pids, say });
        print(`floor: called to the floor → first audio at the host (${hall.listenersJoined} listeners in the hall)`, result);
        printCalls(calls);
      }
    } finally {
      await hall.close();
    }
  }
  console.log(JSON.stringify(results));
} catch (err) {
  console.error(`bench:voice: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await stopServer(server);
  if (livekitPid !== undefined && fs.existsSync(`/proc/${livekitPid}`)) {
    say(`livekit-server (pid ${livekitPid}) outlived the server; stopping it`);
    process.kill(livekitPid, 'SIGKILL');
  }
  fs.rmSync(tempDir, { recursive: true, force: true });
  await dispose();
}

function print(title: string, result: Record<string, unknown>): void {
  results.push(result);
  console.log(`== ${title}`);
  printReport(result);
  console.log('');
}

function printCalls(calls: readonly FloorCallTiming[]): void {
  const columns = ['ackMs', 'permittedMs', 'publishedMs', 'hostSeesTrackMs', 'hostRequestedMs', 'hostSubscribedMs', 'firstFrameMs', 'firstAudibleMs'] as const;
  console.log(`${'who'.padEnd(13)}${columns.map((c) => c.replace(/Ms$/, '').padStart(16)).join('')}`);
  for (const c of calls) console.log(`${c.who.padEnd(13)}${columns.map((k) => String(c[k] ?? '-').padStart(16)).join('')}`);
  console.log('(ms after the moderator sent the call. permitted: the visitor saw its LiveKit grant; published: its publishTrack resolved;');
  console.log(' hostSeesTrack: TrackPublished at the host; hostRequested: the host\'s 250 ms hearing tick asked for it; firstAudible: first frame with the tone)\n');
}
