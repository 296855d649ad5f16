import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from '../e2e/hostile/fuzz.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../e2e/hostile/serverProcess.js';

/**
 * The hostile suite's short run (issue 17): a real server process, walking bots, and offenders
 * sending every message type malformed, reserved and unknown types (Colyseus' own
 * `__no_message_handler` with a 200-character payload ended the process before it was fixed),
 * binary garbage, broken WebSocket frames and floods. `npm run fuzz` is the long version.
 */
describe('hostile clients', () => {
  let server: ServerProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-hostile-'));
    server = await startServerProcess({ dataDir });
  }, 90_000);
  afterAll(async () => {
    if (server) await stopServerProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the server up and the walkers walking while offenders are refused and shown out', async () => {
    const result = await runFuzz({ server, seed: 17, hostile: 4, walkers: 6, seconds: 4, warmupSeconds: 1 });
    const lastWords = result.serverExit ? server.stderrTail().slice(-600) : '';
    expect({ alive: result.serverAlive, exit: result.serverExit, dropped: result.walkersDropped, lastWords }).toEqual({ alive: true, exit: null, dropped: 0, lastWords: '' });
    expect(result.walkersMoved).toBeGreaterThan(0);
    expect(result.messagesSent).toBeGreaterThan(300);
    const codes = result.offenderCloseCodes;
    // Flooding ends with the app's own code; a 1 MB message with 1009; broken frames with ws's protocol codes.
    expect(codes['4429']).toBeGreaterThan(0);
    expect(codes['1009']).toBeGreaterThan(0);
    expect((codes['1002'] ?? 0) + (codes['1007'] ?? 0)).toBeGreaterThan(0);
    expect(result.offenderErrorCodes.INVALID_INPUT).toBeGreaterThan(0);
    expect(result.offenderErrorCodes.RATE_LIMITED).toBeGreaterThan(0);
  }, 90_000);
});
