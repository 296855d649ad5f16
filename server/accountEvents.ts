import { EventEmitter } from 'node:events';

/**
 * Tells rooms in this process that an account's roles or standing changed (a grant, a
 * revocation, disabling), so badges and permissions update without a rejoin.
 */
export class AccountEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open room.
    this.emitter.setMaxListeners(0);
  }

  changed(accountId: string): void {
    this.emitter.emit('changed', accountId);
  }

  /** Returns the cleanup. */
  onChanged(listener: (accountId: string) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
