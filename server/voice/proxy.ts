import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { Logger } from '../log.js';

/** Browsers reach the embedded LiveKit's signalling under this path of the app's own origin. */
export const LIVEKIT_PATH = '/livekit';
/** Only LiveKit's signalling (ws /rtc, /rtc/v1 and their HTTP /validate probes) is passed on; its admin API is not. */
const SIGNALLING = /^\/livekit(\/rtc(?:\/v1)?(?:\/validate)?)(\?.*)?$/;

/**
 * A reverse proxy from this origin to the embedded LiveKit's signalling, so the page talks to
 * its own origin only (one port to open, one TLS certificate, and the CSP stays 'self').
 * Media still flows over WebRTC straight to LiveKit's UDP/TCP ports.
 */
export function attachLivekitProxy(app: Express, server: http.Server, target: { port: number }, log: Logger): void {
  app.use(LIVEKIT_PATH, (req, res) => {
    const path = signallingPath(req.originalUrl);
    if (!path || req.method !== 'GET') {
      res.status(404).json({ code: ErrorCode.NOT_FOUND, message: 'There is nothing at this address.' });
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: target.port, path, method: 'GET', headers: forwarded(req.headers) }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.status(503).json({ code: ErrorCode.UNAVAILABLE, message: 'Voice is unavailable right now; it will reconnect by itself.' });
      else res.destroy();
    });
    upstream.end();
  });

  // WebSocket upgrades: LiveKit's go to LiveKit, everything else to the listeners already
  // attached (Colyseus' transport), which would otherwise refuse paths it does not know.
  const others = server.listeners('upgrade') as ((req: http.IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!req.url?.startsWith(`${LIVEKIT_PATH}/`)) {
      for (const listener of others) listener.call(server, req, socket, head);
      return;
    }
    const path = signallingPath(req.url);
    if (!path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    proxyUpgrade(req, socket, head, target.port, path, log);
  });
}

function signallingPath(url: string): string | undefined {
  const match = SIGNALLING.exec(url);
  return match ? `${match[1]}${match[2] ?? ''}` : undefined;
}

/** Request headers to pass on: hop-by-hop ones are the proxy's own business. */
function forwarded(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  delete out['host'];
  delete out['keep-alive'];
  delete out['proxy-connection'];
  return out;
}

function proxyUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, port: number, path: string, log: Logger): void {
  const upstream = http.request({
    host: '127.0.0.1', port, path, method: 'GET',
    headers: { ...forwarded(req.headers), connection: 'Upgrade', upgrade: req.headers.upgrade ?? 'websocket' },
  });
  const fail = (status: string) => {
    if (!socket.destroyed) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  };
  upstream.on('error', (err) => {
    log.debug({ err: String(err) }, 'voice: LiveKit unreachable');
    fail('503 Service Unavailable');
  });
  upstream.on('response', (answer) => {
    // LiveKit answered without upgrading (a refused token): pass its answer on and close.
    let text = `HTTP/1.1 ${answer.statusCode ?? 502} ${answer.statusMessage ?? ''}\r\n`;
    for (const [name, value] of Object.entries(answer.headers)) text += `${name}: ${Array.isArray(value) ? value.join(', ') : value ?? ''}\r\n`;
    socket.write(`${text}\r\n`);
    answer.pipe(socket);
  });
  upstream.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
    let text = 'HTTP/1.1 101 Switching Protocols\r\n';
    for (let i = 0; i < answer.rawHeaders.length; i += 2) text += `${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}\r\n`;
    socket.write(`${text}\r\n`);
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
    const close = () => {
      upstreamSocket.destroy();
      socket.destroy();
    };
    upstreamSocket.on('error', close);
    socket.on('error', close);
    upstreamSocket.on('close', close);
    socket.on('close', close);
  });
  socket.on('error', () => upstream.destroy());
  upstream.end();
}
