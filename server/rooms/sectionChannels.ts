import type { Presence } from '@colyseus/core';
import type { Logger } from '../log.js';

/** One channel a section listens to: its presence topic, what arrives there (for the log line), and its handler. */
export interface SectionChannel {
  topic: string;
  what: string;
  handle: (data: unknown) => void;
}

/**
 * The presence channels one part of a section listens to, each handler guarded. What arrives comes
 * from other sections, possibly in other processes, and with in-memory presence a handler runs
 * inside the sender's publish, so a throw must end in a log line, never in the sender's tick or
 * the process.
 */
export class SectionChannels {
  private readonly listeners: [string, (data: unknown) => void][];

  constructor(private readonly presence: Presence, log: Pick<Logger, 'error'>, channels: readonly SectionChannel[]) {
    this.listeners = channels.map(({ topic, what, handle }) => [topic, (data: unknown): void => {
      try {
        handle(data);
      } catch (err) {
        log.error({ err }, `${what} from another section failed`);
      }
    }]);
  }

  async start(): Promise<void> {
    for (const [topic, listener] of this.listeners) await this.presence.subscribe(topic, listener);
  }

  stop(): void {
    for (const [topic, listener] of this.listeners) this.presence.unsubscribe(topic, listener);
  }
}
