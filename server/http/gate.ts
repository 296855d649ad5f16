import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { matchMaker } from '@colyseus/core';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { Config } from '../config.js';

/**
 * The first thing every HTTP request and WebSocket upgrade meets, before Express, Colyseus'
 * matchmaking routes and the LiveKit proxy (issue 17, findings 4 and 6):
 * - the Host header must name this server: an IP address, a loopback name, the PUBLIC_URL host,
 *   HOST, or one of ALLOWED_HOSTS. A DNS-rebinding page always sends its own host name, so it
 *   is answered 421 and never reads /api or /metrics.
 * - matchmaking (which reserves seats) accepts a browser's Origin only when it is this site's
 *   own (the Origin's host is the Host the request was sent to) or PUBLIC_URL's; others get 403
 *   and no Access-Control-Allow-Origin.
 */
export interface GatePolicy {
  /** Host names (lower case, no port) accepted besides IP addresses and loopback names. */
  hosts: readonly string[];
  /** Origins always accepted for matchmaking (PUBLIC_URL's). */
  origins: readonly string[];
}

/** The policy from the configuration: PUBLIC_URL's host and origin, HOST when it is a name, ALLOWED_HOSTS. */
export function gatePolicy(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'ALLOWED_HOSTS'>): GatePolicy {
  const publicUrl = config.PUBLIC_URL ? new URL(config.PUBLIC_URL) : undefined;
  const hosts = new Set(config.ALLOWED_HOSTS);
  if (publicUrl) hosts.add(publicUrl.hostname.toLowerCase());
  const bound = hostnameOf(config.HOST);
  if (bound) hosts.add(bound);
  return { hosts: [...hosts], origins: publicUrl ? [publicUrl.origin] : [] };
}

const MATCHMAKE = /^\/matchmake(\/|$|\?)/;

/** The host name of a Host header without its port ("[::1]:80" gives "::1"); undefined when malformed. */
export function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::\d{1,5})?$/i.exec(host.trim());
  const name = m?.[1] ?? m?.[2];
  return name?.toLowerCase().replace(/\.$/, '');
}

/** Whether a Host header names this server under the policy. */
export function hostAllowed(host: string | undefined, policy: GatePolicy): boolean {
  const name = hostnameOf(host);
  if (name === undefined || name === '') return false;
  if (isIP(name) !== 0) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return policy.hosts.includes(name);
}

/** Whether a browser's Origin may use the matchmaking routes of a request sent to `host`. */
export function originAllowed(origin: string, host: string | undefined, policy: GatePolicy): boolean {
  if (policy.origins.includes(origin)) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  return host !== undefined && parsed.host.toLowerCase() === host.trim().toLowerCase();
}

/** Requests whose Origin the gate accepted: only these get Access-Control-Allow-Origin back. */
const vetted = new WeakSet<IncomingMessage>();

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code: ErrorCode.NOT_ALLOWED, message }));
}

const WRONG_HOST = 'This server does not answer to that host name.';

/** Puts the gate in front of every 'request' and 'upgrade' listener the server has now. */
export function guardHttpServer(server: Server, policy: GatePolicy): void {
  const requestListeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  const upgradeListeners = server.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, policy)) return refuse(res, 421, WRONG_HOST);
    if (MATCHMAKE.test(req.url ?? '')) {
      const origin = req.headers.origin;
      if (origin !== undefined) {
        if (!originAllowed(origin, req.headers.host, policy)) return refuse(res, 403, 'Seats are reserved only from this site.');
        vetted.add(req);
      }
    }
    for (const listener of requestListeners) listener.call(server, req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!hostAllowed(req.headers.host, policy)) {
      socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    for (const listener of upgradeListeners) listener.call(server, req, socket, head);
  });
}

/**
 * Colyseus 0.16 answers matchmaking with `Access-Control-Allow-Origin: <any Origin>` and
 * credentials allowed. Process-wide, set once: only an Origin the gate vetted is echoed.
 */
export function restrictMatchmakingCors(): void {
  const controller = matchMaker.controller;
  delete (controller.DEFAULT_CORS_HEADERS as Partial<Record<string, string>>)['Access-Control-Allow-Origin'];
  controller.getCorsHeaders = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    return origin !== undefined && vetted.has(req) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
  };
}

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function metricsTokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}
