import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured logs: one JSON line per event on stdout. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'hustings' },
    // Belt and braces: handlers never log secrets, and these paths are censored if one slips in.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token', 'newPassword', 'currentPassword'],
  };
  return destination ? pino(options, destination) : pino(options);
}
