import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { mountApi, sendError } from './api.js';
import { createHandlers, type HandlerDeps } from './handlers/index.js';
import { isPagePath, PAGES } from './pages.js';
import { metricsTokenMatches } from './gate.js';
import { FONT_FALLBACK_PATH, fontFallbackRouter } from './fontFallback.js';
import { XR_PROFILES_PATH, xrProfilesDir } from './xrProfiles.js';

export interface RouteDeps extends HandlerDeps {
  clientDir: string;
  /** Origins besides this one the page may connect to (an external LiveKit's signalling, ws(s) and http(s)). */
  connectSources: readonly string[];
  /** /metrics answers only this bearer token; undefined: metrics are off. */
  metricsToken: string | undefined;
}


/** `ws://host wss://host` for a well-formed Host header (the gate refused any other host). */
export function sameHostSockets(host: string | undefined): string {
  if (!host || !/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host)) return '';
  return `ws://${host} wss://${host}`;
}

/** Security headers, the API (health, metrics, /api/...) and the built client with its page routes. */
export function mountRoutes(app: Express, deps: RouteDeps): void {
  app.disable('x-powered-by');
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Same-origin only: no third party ever sees a visitor's address.
        // blob: the glTF loader reads a model's embedded textures through blob: URLs (VR controller models).
        // Sockets only to this site (Host was checked by the gate) and the configured LiveKit: never
        // `ws:`/`wss:` to any host (issue 17, finding 5). 'self' alone covers same-origin sockets
        // in CSP 3 browsers; the explicit ws/wss origins cover those that predate it.
        connectSrc: ["'self'", 'blob:', (req) => sameHostSockets(req.headers.host), ...deps.connectSources],
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

  // Metrics only with the operator's token (issue 17, finding 6); answered here, before the API
  // reads the Authorization header as a session token.
  app.get('/metrics', (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    if (deps.metricsToken === undefined) {
      res.status(403).json({ code: ErrorCode.NOT_ALLOWED, message: 'Metrics are off: set METRICS_TOKEN on the server and send it as a bearer token.' });
      return;
    }
    if (!metricsTokenMatches(req.get('authorization'), deps.metricsToken)) {
      res.status(401).json({ code: ErrorCode.NOT_ALLOWED, message: 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.' });
      return;
    }
    deps.metrics.registry.metrics().then((text) => {
      res.type(deps.metrics.registry.contentType).send(text);
    }, next);
  });

  mountApi(app, createHandlers(deps), {
    sessions: deps.sessions, log: deps.log,
    eventSpace: async (id) => (await deps.repos.events.get(id))?.spaceId,
  });

  const indexFile = path.join(deps.clientDir, 'index.html');
  app.use('/assets', express.static(path.join(deps.clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
  // VR: controller and hand models, served by the app itself (never from a CDN: see xrProfiles.ts).
  app.use(XR_PROFILES_PATH, express.static(xrProfilesDir(), { immutable: true, maxAge: '30d', fallthrough: false }));
  // 3D text: characters the bundled fonts lack are looked up here, never on a CDN (see fontFallback.ts).
  app.use(FONT_FALLBACK_PATH, fontFallbackRouter());
  const sendPage = (res: Response, status: number) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The client has not been built yet: run `npm run build`.');
      return;
    }
    res.status(status).set('Cache-Control', 'no-cache').sendFile(indexFile);
  };
  app.get([...PAGES], (_req, res) => sendPage(res, 200));

  // A browser asking for an address this app does not have gets the page (it says so, with
  // the ways on) and a 404; programs asking for JSON get the code and a sentence.
  app.use((req, res) => {
    const browsing = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';
    if (browsing) {
      sendPage(res, 404);
      return;
    }
    res.status(404).json({ code: ErrorCode.NOT_FOUND, message: 'There is nothing at this address.' });
  });

  // Last: anything thrown is logged in full and answered without a stack trace.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    // A page address Express could not decode (a damaged link, `/events/%E0%A4%A`): the page
    // says the link is damaged, never raw JSON.
    if (err instanceof URIError && req.method === 'GET' && isPagePath(req.path)) {
      sendPage(res, 200);
      return;
    }
    sendError(res, err, deps.log, req);
  });
}
