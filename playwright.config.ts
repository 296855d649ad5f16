import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ensureToneFile } from './e2e/voice/tone.js';

const PORT = Number(process.env.E2E_PORT ?? 8190);
// The embedded LiveKit the server starts uses this port and the next two (8191-8193 by default).
const LIVEKIT_PORT = Number(process.env.E2E_LIVEKIT_PORT ?? PORT + 1);
// A fresh database for every run: the suite starts from the seeded spaces. The config is
// evaluated again in each worker; the environment carries the first choice to them, so specs
// can reach the same database (e.g. to create an admin with server/cli/admin.ts).
process.env.HUSTINGS_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-e2e-'));
const DATA_DIR = process.env.HUSTINGS_E2E_DATA_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Software WebGL (ANGLE on SwiftShader): the machines that run this have no GPU.
const GL_ARGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
// Voice: every browser's microphone is a fake one playing a steady tone (written here, once per
// run, next to the database), permission prompts are accepted, and remote audio may play.
const VOICE_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-audio-capture=${ensureToneFile(DATA_DIR)}`,
  '--autoplay-policy=no-user-gesture-required',
];

const TALKING = ['**/voice.spec.ts', '**/vr.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 640, height: 400 },
    launchOptions: { executablePath: CHROMIUM, args: GL_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Chromium's fake microphone is chosen per browser launch, so the specs that talk get their own
  // project (and browser): voice, and VR (a headset visitor speaks from the floor mic). It comes
  // last: voice.spec starts whichever town hall event is current on the shared server.
  projects: [
    { name: 'default', testIgnore: TALKING },
    { name: 'voice', testMatch: TALKING, use: { launchOptions: { executablePath: CHROMIUM, args: [...GL_ARGS, ...VOICE_ARGS] } } },
  ],
  webServer: {
    command: `node --import tsx server/index.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT), HOST: '127.0.0.1', CLIENT_DIR: 'dist/client-test', DATA_DIR, LOG_LEVEL: 'warn', VOICE: 'on', LIVEKIT_PORT: String(LIVEKIT_PORT), RECONNECT_SECONDS: '20',
      // The specs place and count their own exhibits (server/store/seed.test.ts covers the example exhibition).
      EXAMPLE_EXHIBITION: 'off' },
  },
});
