import { EventEmitter } from 'node:events';
import type { ConsensusAnalysisView } from '../shared/protocol/consensus.js';

/**
 * Tells rooms in this process that something they show changed elsewhere (over HTTP): an
 * account's roles or standing (a grant, a revocation, disabling, signing out), or a space's
 * events (one scheduled or edited), or a space's exhibits (published, restored), so they update without anyone rejoining.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open room.
    this.emitter.setMaxListeners(0);
  }

  accountChanged(accountId: string): void {
    this.emitter.emit('account', accountId);
  }

  /** Someone chose a new look (their account id, or their guest session id). */
  lookChanged(actor: string): void {
    this.emitter.emit('look', actor);
  }

  /** Returns the cleanup. */
  onLookChanged(listener: (actor: string) => void): () => void {
    this.emitter.on('look', listener);
    return () => this.emitter.off('look', listener);
  }

  /** An auth session was signed out (a guest's or an account's): its room connections end. */
  sessionEnded(sessionId: string): void {
    this.emitter.emit('session', sessionId);
  }

  /** Returns the cleanup. */
  onSessionEnded(listener: (sessionId: string) => void): () => void {
    this.emitter.on('session', listener);
    return () => this.emitter.off('session', listener);
  }

  eventsChanged(spaceId: string): void {
    this.emitter.emit('events', spaceId);
  }

  /** A space's exhibits changed over HTTP: 'published' (a new version) or 'draft' (a version restored). */
  exhibitsChanged(spaceId: string, what: 'published' | 'draft'): void {
    this.emitter.emit('exhibits', spaceId, what);
  }

  /** Returns the cleanup. */
  onExhibitsChanged(listener: (spaceId: string, what: 'published' | 'draft') => void): () => void {
    this.emitter.on('exhibits', listener);
    return () => this.emitter.off('exhibits', listener);
  }

  /** A new analysis of a space's consensus conversation (server/consensus/analyst.ts). */
  consensusAnalysed(spaceId: string, view: ConsensusAnalysisView): void {
    this.emitter.emit('consensus', spaceId, view);
  }

  /** Returns the cleanup. */
  onConsensusAnalysed(listener: (spaceId: string, view: ConsensusAnalysisView) => void): () => void {
    this.emitter.on('consensus', listener);
    return () => this.emitter.off('consensus', listener);
  }

  /** Returns the cleanup. */
  onAccountChanged(listener: (accountId: string) => void): () => void {
    this.emitter.on('account', listener);
    return () => this.emitter.off('account', listener);
  }

  /** Returns the cleanup. */
  onEventsChanged(listener: (spaceId: string) => void): () => void {
    this.emitter.on('events', listener);
    return () => this.emitter.off('events', listener);
  }
}
