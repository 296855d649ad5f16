import { startApp } from './app.js';
import { loadConfig } from './config.js';

// Whatever this process (or a child it starts) creates is its user's alone: data, uploads, keys.
process.umask(0o077);
const config = loadConfig();
const app = await startApp(config);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0), (err: unknown) => {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  });
}
