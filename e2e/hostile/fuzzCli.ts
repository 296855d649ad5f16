/**
 * npm run fuzz -- [--hostile 20] [--walkers 50] [--seconds 30] [--seeds 1,2,3] [--space plaza]
 *
 * For each seed: starts a real server (fresh data directory, voice off), lets the walkers walk,
 * then sets the hostile clients on it; prints each run's figures and, last, one JSON line.
 * Exits 1 if the server died or a walking bot was dropped in any run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz, type FuzzResult } from './fuzz.js';
import { startServerProcess, stopServerProcess } from './serverProcess.js';

const { values } = parseArgs({
  options: {
    hostile: { type: 'string', default: '20' },
    walkers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    seeds: { type: 'string', default: '1' },
    space: { type: 'string', default: 'plaza' },
    echo: { type: 'boolean', default: false },
  },
});
const say = (m: string) => console.error(`[fuzz] ${m}`);
const results: FuzzResult[] = [];
for (const seed of values.seeds.split(',').map(Number)) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-fuzz-'));
  const server = await startServerProcess({ dataDir, echo: values.echo });
  try {
    const result = await runFuzz({
      server, seed, hostile: Number(values.hostile), walkers: Number(values.walkers), seconds: Number(values.seconds), spaceId: values.space, say,
    });
    results.push(result);
    say(`seed ${seed}: ${result.messagesSent} sent, server ${result.serverAlive ? 'alive' : 'DEAD'} (${result.healthFailures}/${result.healthChecks} health checks failed), `
      + `walkers dropped ${result.walkersDropped}/${result.walkers}, moved ${result.walkersMoved}, close codes ${JSON.stringify(result.offenderCloseCodes)}, `
      + `RSS ${result.rssBeforeMB} -> ${result.rssAfterMB} MB (peak ${result.rssPeakMB}), tick p99 ${result.tickP99BeforeMs} -> ${result.tickP99DuringMs} ms (x${result.tickP99Ratio}), `
      + `server stderr ${result.serverStderrBytes} B, server CPU ${result.serverCpuPercent} %, generator CPU ${result.generatorCpuPercent} %`);
    if (!result.serverAlive) say(`server's last words: ${server.stderrTail().slice(-1200)}`);
  } finally {
    await stopServerProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
const failed = results.some((r) => !r.serverAlive || r.walkersDropped > 0);
console.log(JSON.stringify(results.length === 1 ? results[0] : { runs: results, failed }));
process.exitCode = failed ? 1 : 0;
