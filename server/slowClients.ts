import type { Client } from '@colyseus/core';
import { CloseCode } from '../shared/protocol/errors.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';

/**
 * Slow and stuck clients. Colyseus hands every patch and message to `ws`, which writes it to
 * the TCP socket; when the reader stops reading, the kernel's buffers fill and Node keeps the
 * rest in the socket's writable buffer, without limit (ws `bufferedAmount` = that buffer plus
 * ws's own queue). Before a client acknowledges its join, Colyseus queues messages for it in
 * an array, also without limit. One visitor whose tab froze on a busy room would grow the
 * server's memory by everything the room says until the ping timeout, and one who keeps
 * answering pings but never reads, forever. So once per tick every client's backlog is
 * checked and a client over the limit is dropped.
 */

/** Bytes waiting for one client: in the socket and ws, plus Colyseus' pre-join queue. */
export function pendingBytes(client: Client): number {
  const ws = (client as unknown as { ref?: { bufferedAmount?: number } }).ref;
  let pending = typeof ws?.bufferedAmount === 'number' ? ws.bufferedAmount : 0;
  const queued = (client as unknown as { _enqueuedMessages?: { length?: number; byteLength?: number }[] })._enqueuedMessages;
  if (Array.isArray(queued)) for (const m of queued) pending += m.byteLength ?? m.length ?? 0;
  return pending;
}

export const SLOW_CLIENT_REASON = 'Your connection stopped taking the room\'s updates; reconnecting.';

/**
 * Drops every client whose backlog is over `limitBytes` (0 turns the check off): a close frame
 * with CloseCode.TOO_SLOW and a reason (it may never arrive: the reader is stuck), then the
 * socket is destroyed at once so its buffers are freed. Returns how many were dropped.
 */
export function dropSlowClients(clients: Iterable<Client>, limitBytes: number, deps: { metrics: Metrics; log: Logger; roomId: string }): number {
  if (limitBytes <= 0) return 0;
  let dropped = 0;
  for (const client of clients) {
    const pending = pendingBytes(client);
    if (pending <= limitBytes) continue;
    dropped++;
    deps.metrics.disconnectsForced.inc({ reason: 'slow' });
    deps.log.warn({ roomId: deps.roomId, sessionId: client.sessionId, pendingBytes: pending, limitBytes }, 'dropped a client that stopped reading');
    try {
      client.leave(CloseCode.TOO_SLOW, SLOW_CLIENT_REASON);
    } catch {
      // Closing may itself fail on a broken socket; it is destroyed below either way.
    }
    (client as unknown as { ref?: { terminate?: () => void } }).ref?.terminate?.();
  }
  return dropped;
}
