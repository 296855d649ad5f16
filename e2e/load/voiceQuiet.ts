/**
 * @livekit/rtc-node logs at debug level (to stdout) unless NODE_ENV is 'production' when it
 * loads, which would mix its lines into the report. voice.ts imports this module first, and puts
 * NODE_ENV back (with `restoreNodeEnv`) once every module is loaded, before it starts the server.
 */
const before = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';

export function restoreNodeEnv(): void {
  if (before === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = before;
}
