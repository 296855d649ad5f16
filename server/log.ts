import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs: one JSON line per event on stdout. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'hustings' }, redact: ['req.headers.authorization', 'req.headers.cookie', 'password'] });
}
