import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Metrics } from '../metrics.js';

export interface RouteDeps {
  clientDir: string;
  metrics: Metrics;
  stats: () => Promise<{ rooms: number; clients: number }>;
}

/** Health, metrics and the built client (with the SPA fallback for /s/<space> links). */
export function mountRoutes(app: Express, deps: RouteDeps): void {
  app.disable('x-powered-by');
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Same-origin only: no third party ever sees a visitor's address.
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  }));

  app.get('/healthz', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ok: true, ...(await deps.stats()) });
  });

  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  const indexFile = path.join(deps.clientDir, 'index.html');
  app.use('/assets', express.static(path.join(deps.clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
  app.get(['/', '/s/{*rest}'], (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The client has not been built yet: run `npm run build`.');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });

  app.use((_req, res) => {
    res.status(404).json({ code: 'NOT_FOUND', message: 'There is nothing at this address.' });
  });
}
