import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8190);
// A fresh database for every run: the suite starts from the seeded spaces. The config is
// evaluated again in each worker; the environment carries the first choice to them, so specs
// can reach the same database (e.g. to create an admin with server/cli/admin.ts).
process.env.HUSTINGS_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hustings-e2e-'));
const DATA_DIR = process.env.HUSTINGS_E2E_DATA_DIR;

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
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node --import tsx server/index.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT), HOST: '127.0.0.1', CLIENT_DIR: 'dist/client-test', DATA_DIR, LOG_LEVEL: 'warn', VOICE: 'off', RECONNECT_SECONDS: '20' },
  },
});
