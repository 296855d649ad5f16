import { Protocol, ServerError, type Client } from '@colyseus/core';
import type { z } from 'zod';
import { allows } from '../../shared/access.js';
import { CloseCode, ErrorCode, type ErrorPayload } from '../../shared/protocol/errors.js';
import { MESSAGE_ACTIONS, ServerMessage, type ClientMessage } from '../../shared/protocol/messages.js';
import type { KeyedLimiter, RoomLimiters } from '../domain/rateLimits.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { firstLine, withOffender } from '../socketGuard.js';
import { unavailableStore } from '../store/errors.js';
import type { SpaceRoomDeps } from './spaceRoomDeps.js';
import { Refusal, type Occupant } from './occupant.js';

export interface GuardHost {
  readonly roomId: string;
  readonly spaceId: string;
  readonly occupants: ReadonlyMap<string, Occupant>;
  readonly limits: RoomLimiters;
  readonly log: Logger;
  readonly metrics: Metrics;
  onMessage(type: string, handler: (client: Client, message: unknown) => void): void;
}

/** Colyseus' own fallback for message types without a handler, as named in its handler table. */
const RESERVED_FALLBACK = '__no_message_handler';

export type Handler<T> = (client: Client, occupant: Occupant, message: T) => void | Promise<void>;

/**
 * The room's one choke point: every client message is rate-limited, then checked against the
 * permissions table, then against its schema, and only then handed to its handler. Refusals
 * are answered with a code and a sentence; flooding ends the connection.
 */
export class MessageGuard {
  constructor(private readonly host: GuardHost) {}

  /** Registers a client message (VR poses pass their own limiter instead of the general one). */
  handle<T>(type: ClientMessage, schema: z.ZodType<T>, invalid: string, handler: Handler<T>, limiter?: KeyedLimiter): void {
    const action = MESSAGE_ACTIONS[type];
    this.host.onMessage(type, (client, message) => this.guard(client, type, limiter, (occupant) => {
      if (!allows(action, occupant.identity, this.host.spaceId)) {
        this.refuse(client, 'not_allowed', { code: ErrorCode.NOT_ALLOWED, message: 'Your role does not allow this here.', ref: type });
        return;
      }
      const parsed = schema.safeParse(message);
      if (!parsed.success) {
        // A rule the schema states in words (a lever's range, a refinement) says what is wrong;
        // a malformed shape gets the message's general description.
        const rule = parsed.error.issues.find((i) => i.code === 'custom');
        this.refuse(client, 'invalid', { code: ErrorCode.INVALID_INPUT, message: rule?.message ?? invalid, ref: type });
        return;
      }
      return handler(client, occupant, parsed.data);
    }));
  }

  /**
   * Any type the protocol does not have: refused like any other bad message. Colyseus keeps its
   * own fallback under RESERVED_FALLBACK in the room's handler table, so a client naming it
   * would reach it directly (with its payload where the type should be): it is registered too.
   */
  handleUnknown(): void {
    const unknownType = (client: Client, type: string) => this.guard(client, type, undefined, () => {
      this.refuse(client, 'unknown_type', { code: ErrorCode.INVALID_INPUT, message: 'That message type is not part of the protocol.', ref: type.slice(0, 64) });
    });
    this.host.onMessage('*', (client: Client, type: unknown) => unknownType(client, String(type)));
    this.host.onMessage(RESERVED_FALLBACK, (client: Client) => unknownType(client, RESERVED_FALLBACK));
  }

  /** Rate-limit a message before its handler runs; drops are strikes, and too many end the connection. */
  guard(client: Client, type: string, limiter: KeyedLimiter | undefined, handle: (occupant: Occupant) => void | Promise<void>): void {
    const occupant = this.host.occupants.get(client.sessionId);
    if (!occupant || occupant.removed) return;
    const now = Date.now();
    const { limits } = this.host;
    if ((limiter ?? limits.message).take(client.sessionId, now)) {
      const failed = (err: unknown) => {
        if (err instanceof Refusal) {
          this.refuse(client, err.code.toLowerCase(), { code: err.code, message: err.message, ref: type });
          return;
        }
        const unavailable = unavailableStore(err);
        if (unavailable) {
          this.host.log.warn({ err: unavailable.message, sessionId: client.sessionId, type }, 'the database is unavailable');
          this.sendError(client, { code: ErrorCode.UNAVAILABLE, message: unavailable.message, ref: type }, true);
          return;
        }
        this.host.log.error({ err, sessionId: client.sessionId, type }, 'message handler failed');
        this.sendError(client, { code: ErrorCode.INTERNAL, message: 'Something went wrong handling that; nothing was changed.', ref: type }, true);
      };
      try {
        const pending = handle(occupant);
        if (pending) pending.catch(failed);
      } catch (err) {
        failed(err);
      }
      return;
    }
    this.host.metrics.messagesRejected.inc({ reason: 'rate_limited' });
    if (!limits.flood.take(client.sessionId, now)) {
      occupant.removed = true;
      this.host.metrics.disconnectsForced.inc({ reason: 'flooding' });
      this.host.log.warn({ roomId: this.host.roomId, sessionId: client.sessionId }, 'disconnected for flooding');
      client.leave(CloseCode.FLOODING, 'RATE_LIMITED: Disconnected for sending far more messages than allowed.');
    } else if (limits.floodNotice.take(client.sessionId, now)) {
      this.sendError(client, { code: ErrorCode.RATE_LIMITED, message: 'You are sending too fast; some of your actions were dropped.', ref: type }, true);
    }
  }

  refuse(client: Client, reason: string, error: ErrorPayload): void {
    this.host.metrics.messagesRejected.inc({ reason });
    if (this.host.occupants.has(client.sessionId)) this.sendError(client, error, false);
  }

  /** Errors are answered at most a few times a second so a bad client cannot make us amplify. */
  sendError(client: Client, error: ErrorPayload, force: boolean): void {
    const fresh = this.host.limits.refusalReplies.take(client.sessionId, Date.now());
    if (!fresh && !force) return;
    client.send(ServerMessage.Error, error);
  }
}

/**
 * Every frame from a client: whatever its handling throws ends that connection, never the
 * process, and is logged once per offender (see socketGuard.ts).
 */
export function guardFrame(deps: Pick<SpaceRoomDeps, 'offenders' | 'metrics'>, client: Client, handle: () => void): void {
  withOffender(client.sessionId, () => {
    try {
      handle();
    } catch (err) {
      deps.offenders.report(client.sessionId, 'frame', firstLine(err));
      deps.metrics.disconnectsForced.inc({ reason: 'bad_frame' });
      client.leave(Protocol.WS_CLOSE_WITH_ERROR, 'INVALID_INPUT: The server could not read what your browser sent.');
    }
  });
}

/** A room method that threw (the tick, a timer, a handler): logged, and the room goes on. */
export function reportRoomFault(deps: Pick<SpaceRoomDeps, 'roomFaults'>, roomId: string, error: Error, methodName: string): void {
  const cause = (error as Error & { cause?: unknown }).cause ?? error;
  // A join or a room refused on purpose (banned, bad token; every section full when a room would
  // open) is the room's answer to the one who asked, not a fault: no error line, no stack.
  if ((methodName === 'onAuth' || methodName === 'onCreate') && cause instanceof ServerError) return;
  deps.roomFaults.report(`${roomId}:${methodName}`, methodName, firstLine(cause), cause);
}
