import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { SpaceId } from '../../shared/spaces/layout.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { SpaceStore } from '../store/spaces.js';
import type { Sessions } from '../auth/sessions.js';
import { GuestSessionRequest } from '../../shared/protocol/messages.js';

export interface RouteDeps {
  clientDir: string;
  metrics: Metrics;
  spaces: SpaceStore;
  sessions: Sessions;
  log: Logger;
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

  // Enter as a guest: a display name in, a signed session token out.
  app.post('/api/session/guest', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = GuestSessionRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? 'Please type a display name.' });
      return;
    }
    res.set('Cache-Control', 'no-store').status(201).json(await deps.sessions.issueGuest(parsed.data.name));
  });

  // Open data: space layouts are public (they are what every visitor walks around in).
  app.get('/api/spaces', async (_req, res) => {
    const all = await deps.spaces.list();
    res.set('Cache-Control', 'no-cache').json({ spaces: all.map((s) => ({ id: s.id, name: s.name, kind: s.kind })) });
  });
  app.get('/api/spaces/:id', async (req, res) => {
    const id = SpaceId.safeParse(req.params.id);
    const space = id.success ? await deps.spaces.get(id.data) : undefined;
    if (!space) {
      res.status(404).json({ code: 'NOT_FOUND', message: 'There is no space with that name.' });
      return;
    }
    res.set('Cache-Control', 'no-cache').json({ space });
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

  // Last: anything thrown is logged in full and answered without a stack trace.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown })?.status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) deps.log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json(status >= 500
      ? { code: 'INTERNAL', message: 'Something went wrong on the server; please try again.' }
      : { code: 'INVALID_INPUT', message: 'The request was not understood.' });
  });
}
