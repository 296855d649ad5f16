import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'e2e/load/**/*.test.ts'],
    // Server tests boot real servers on free ports; keep files in separate workers but few at once (2 cores).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The server tests' own colyseus.js clients leave unhandled what they do not test (motion
    // frames, the panels' messages), and colyseus.js warns once per such message: 2,336 lines in
    // one CI run, burying the output that matters.
    onConsoleLog: (log) => !log.startsWith("colyseus.js: onMessage() not registered for type"),
  },
});
