/**
 * npm run bench:restart -- [--rounds 5] [--restart-delay 1000]
 *
 * How long visitors are away when the server dies: a real server process with a visitor in the
 * plaza is killed with SIGKILL and started again on the same port and data after
 * --restart-delay ms (systemd's RestartSec=1 in deploy/hustings.service). Measured from the
 * kill: /healthz answering again; the visitor's reconnect with its reconnection token (what the
 * browser tries first, every 1.5 s); and a fresh join with the same session token.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'colyseus.js';
import { requestGuestSession } from '../../shared/protocol/apiClient.js';
import { healthy, startServerProcess, stopServerProcess, type ServerProcess } from './serverProcess.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, 'restart-delay': { type: 'string', default: '1000' } } });
const say = (m: string) => console.error(`[restart] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-restart-'));
const rounds: { healthzMs: number; reconnectWithToken: boolean; rejoinMs: number }[] = [];
let server: ServerProcess = await startServerProcess({ dataDir });
try {
  const { token } = await requestGuestSession(server.http, 'Returning visitor');
  for (let round = 1; round <= Number(values.rounds); round++) {
    const room = await new Client(server.url).joinOrCreate('space', { spaceId: 'plaza', token });
    room.onMessage('*', () => undefined);
    const reconnectionToken = room.reconnectionToken;
    const left = new Promise<void>((resolve) => room.onLeave(() => resolve()));
    const port = server.port;
    const killedAt = performance.now();
    await stopServerProcess(server, 'SIGKILL');
    await left;
    await sleep(Number(values['restart-delay']));
    server = await startServerProcess({ dataDir, port });
    while (!await healthy(server.http, 1000)) await sleep(20);
    const healthzMs = performance.now() - killedAt;
    // The browser first retries its reconnection token (the room it was in lived in the dead process).
    const resumed = await new Client(server.url).reconnect(reconnectionToken).then((r) => r, () => undefined);
    if (resumed) await resumed.leave(true);
    let again;
    while (!again) {
      again = await new Client(server.url).joinOrCreate('space', { spaceId: 'plaza', token }).catch(() => undefined);
      if (!again) await sleep(100);
    }
    const rejoinMs = performance.now() - killedAt;
    await again.leave(true);
    rounds.push({ healthzMs: Math.round(healthzMs), reconnectWithToken: resumed !== undefined, rejoinMs: Math.round(rejoinMs) });
    say(JSON.stringify(rounds.at(-1)));
  }
} finally {
  await stopServerProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
console.log(JSON.stringify({
  rounds: rounds.length, restartDelayMs: Number(values['restart-delay']),
  healthzMedianMs: median(rounds.map((r) => r.healthzMs)), healthzMaxMs: Math.max(...rounds.map((r) => r.healthzMs)),
  rejoinMedianMs: median(rounds.map((r) => r.rejoinMs)), rejoinMaxMs: Math.max(...rounds.map((r) => r.rejoinMs)),
  reconnectWithTokenWorked: rounds.filter((r) => r.reconnectWithToken).length,
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))), results: rounds,
}));
