import { WebSocketClient, WebSocketTransport, type TransportOptions } from '@colyseus/ws-transport';
import type { Logger } from './log.js';

/**
 * No single socket may end the process. Three guards, installed once at start-up:
 *
 * - Every close reason the server sends (ours and Colyseus' own) is cut here to what a
 *   WebSocket close frame can carry: 123 UTF-8 bytes. `ws` throws a RangeError for a longer
 *   one, synchronously, from inside a message handler, and nothing above it catches it: one
 *   guest message naming Colyseus' internal fallback handler, with a long payload, used to put
 *   that payload in a close reason and end the process for everyone. A close that fails
 *   anyway ends that one socket (terminate), never the process.
 * - Colyseus' own error lines (one stack per malformed frame) go through `colyseusLogger`:
 *   one structured, rate-limited line per offender instead (see OffenderLog).
 * - Rooms catch whatever a frame's handling throws (GuardedRoom).
 */

/** The most a close frame's reason may hold (RFC 6455: 125 bytes of payload less the 2-byte code). */
export const CLOSE_REASON_MAX_BYTES = 123;

const encoder = new TextEncoder();

/** The reason cut to at most 123 UTF-8 bytes on a character boundary, with an ellipsis when cut. */
export function fitCloseReason(reason: string): string {
  if (encoder.encode(reason).length <= CLOSE_REASON_MAX_BYTES) return reason;
  const budget = CLOSE_REASON_MAX_BYTES - encoder.encode('…').length;
  let out = '';
  let bytes = 0;
  for (const char of reason) {
    const size = encoder.encode(char).length;
    if (bytes + size > budget) break;
    out += char;
    bytes += size;
  }
  // A lone high surrogate cannot occur (for..of walks code points), but a cut may leave a
  // combining mark or joiner dangling: harmless in a reason string.
  return `${out}…`;
}

let report: (fields: Record<string, unknown>, message: string) => void = () => {};
let installed = false;

/** Cuts every close reason in one place, and contains a close that throws to its own socket. */
export function installCloseGuard(log: Logger): void {
  report = (fields, message) => log.warn(fields, message);
  if (installed) return;
  installed = true;
  // The transport's own leave() is one line (ref.close); this is it, with the reason fitted.
  WebSocketClient.prototype.leave = function guardedLeave(this: WebSocketClient, code?: number, reason?: string): void {
    try {
      this.ref.close(code, reason === undefined ? undefined : fitCloseReason(String(reason)));
    } catch (err) {
      report({ sessionId: this.sessionId, code, err: err instanceof Error ? err.message : String(err) }, 'closing a socket failed; terminated it instead');
      try { this.ref.terminate(); } catch { /* already gone */ }
    }
  };
}

/**
 * Log lines about one thing going wrong again and again (a misbehaving connection, a room
 * method that keeps failing): the first line for each key, then at most one a minute with how
 * many were held back; never a stack trace per frame. Bounded memory.
 */
export class OffenderLog {
  private readonly seen = new Map<string, { last: number; held: number }>();

  constructor(private readonly log: Logger, private readonly message = 'refused a malformed or hostile frame',
    private readonly level: 'warn' | 'error' = 'warn', private readonly everyMs = 60_000, private readonly maxKeys = 10_000) {}

  /** `err`, when given, is logged whole (with its stack) on the lines that are written. */
  report(offender: string, kind: string, detail: string, err?: unknown, now = Date.now()): void {
    const entry = this.seen.get(offender);
    if (entry && now - entry.last < this.everyMs) {
      entry.held++;
      return;
    }
    const held = entry?.held ?? 0;
    this.seen.delete(offender);
    if (this.seen.size >= this.maxKeys) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.set(offender, { last: now, held: 0 });
    this.log[this.level]({ offender, kind, detail: firstLine(detail), ...(held > 0 ? { heldBack: held } : {}), ...(err !== undefined ? { err } : {}) }, this.message);
  }
}

/** The first line of an error or message, cut short: enough to know what happened. */
export function firstLine(value: unknown): string {
  const text = value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The connection whose frame is being handled right now (handling is synchronous), if any. */
let currentOffender: string | undefined;

/** Runs the handling of one frame with its connection known to `colyseusLogger`. */
export function withOffender<T>(offender: string, run: () => T): T {
  const previous = currentOffender;
  currentOffender = offender;
  try {
    return run();
  } finally {
    currentOffender = previous;
  }
}

/** ws' own complaints about a frame (reported per connection by the transport's listener). */
const FRAME_ERROR = /^(RangeError|Error): (Invalid WebSocket frame|Max payload size exceeded|Invalid UTF-8)/;

/**
 * A logger for Colyseus (`new Server({ logger })`): errors raised while a frame is handled go
 * to the offender's rate-limited line; other errors are logged as one line each, at most a few
 * a second.
 */
export function colyseusLogger(log: Logger, offenders: OffenderLog) {
  let windowStart = 0;
  let inWindow = 0;
  const other = (level: 'error' | 'warn', args: unknown[]) => {
    const text = args.map(firstLine).join(' ');
    if (FRAME_ERROR.test(text)) return;
    if (currentOffender !== undefined) {
      offenders.report(currentOffender, 'frame', text);
      return;
    }
    const now = Date.now();
    if (now - windowStart > 1000) { windowStart = now; inWindow = 0; }
    if (++inWindow > 5) return;
    log[level]({ colyseus: text }, 'colyseus reported a problem');
  };
  return {
    debug: () => {},
    trace: () => {},
    info: (...args: unknown[]) => log.info({ colyseus: args.map(firstLine).join(' ') }, 'colyseus'),
    warn: (...args: unknown[]) => other('warn', args),
    error: (...args: unknown[]) => other('error', args),
  };
}

/** The WebSocket transport, with ws' complaints about a connection's frames logged per offender. */
export class GuardedTransport extends WebSocketTransport {
  constructor(options: TransportOptions, offenders: OffenderLog) {
    super(options);
    this.wss.on('connection', (socket, request) => {
      const from = request.socket.remoteAddress ?? 'unknown';
      socket.on('error', (err) => offenders.report(`address:${from}`, 'websocket', firstLine(err)));
    });
  }
}
