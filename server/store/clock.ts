/** Timestamps are ISO-8601 UTC text everywhere in the store (see schema.ts). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function stamp(clock: Clock): string {
  return clock().toISOString();
}
