/**
 * Every refusal, on a socket or over HTTP, carries one of these stable codes and a sentence a
 * person can act on. Clients show the sentence; tests assert the code.
 */
export const ErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  NOT_ALLOWED: 'NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  CONFLICT: 'CONFLICT',
  /** A request body over the size limit. */
  TOO_LARGE: 'TOO_LARGE',
  ROOM_FULL: 'ROOM_FULL',
  /** A part the request needs is not running (voice without LiveKit). */
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** The message type that was refused, when the refusal answers a socket message. */
  ref?: string;
}

/**
 * Close codes the server uses when it ends a connection (4000..4999 is the application range;
 * 4000 is Colyseus' own "consented leave").
 */
export const CloseCode = {
  CONSENTED: 4000,
  FLOODING: 4429,
  REMOVED: 4403,
  /** The client stopped reading and its unsent backlog went over the limit (server/slowClients.ts). */
  TOO_SLOW: 4408,
  /** The server process is stopping (a restart): the page comes back by itself. */
  RESTARTING: 4503,
} as const;

/**
 * Join refusals travel as Colyseus ServerError(code number, message). The message starts with
 * the stable code so clients and tests can read it: "INVALID_INPUT: Display names are ...".
 */
export function joinErrorMessage(code: ErrorCode, message: string): string {
  return `${code}: ${message}`;
}

export function parseJoinError(message: string): ErrorPayload {
  const match = /^([A-Z_]+): (.*)$/s.exec(message);
  if (match && match[1]! in ErrorCode) return { code: match[1] as ErrorCode, message: match[2]! };
  return { code: ErrorCode.INTERNAL, message };
}
