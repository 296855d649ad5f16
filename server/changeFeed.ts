import { EventEmitter } from 'node:events';
import type { ConsensusAnalysisView } from '../shared/protocol/consensus.js';

/** Publish/subscribe across processes: Colyseus' presence (Redis) has this shape. */
export interface ChangeBus {
  publish(topic: string, data: unknown): unknown;
  subscribe(topic: string, callback: (data: unknown) => void): Promise<unknown>;
  unsubscribe(topic: string, callback?: (data: unknown) => void): unknown;
}

/** The one channel every process listens on. */
export const CHANGE_TOPIC = 'hustings:changes';

/** Every kind of change and how many string arguments it carries. */
const KINDS = { account: 1, look: 1, session: 1, events: 1, exhibits: 2, shownOut: 4, ballots: 1, consensus: 2, statement: 3, questions: 3, eventRun: 3 } as const;
type Kind = keyof typeof KINDS;

/** A change as it travels over the bus: its kind, then its arguments (all strings). */
function parseChange(data: unknown): [Kind, ...string[]] | undefined {
  if (!Array.isArray(data) || !data.every((v) => typeof v === 'string')) return undefined;
  const [kind, ...args] = data;
  if (kind === undefined || !Object.hasOwn(KINDS, kind) || KINDS[kind as Kind] !== args.length) return undefined;
  return [kind as Kind, ...args];
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function parseQuestionChange(json: string): { ids: string[]; keys: string[] } | undefined {
  try {
    const { ids, keys } = JSON.parse(json) as { ids?: unknown; keys?: unknown };
    return strings(ids) && strings(keys) ? { ids, keys } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells rooms that something they show changed elsewhere (over HTTP, or in another room): an
 * account's roles or standing (a grant, a revocation, disabling, signing out), a space's events
 * (one scheduled or edited), a space's exhibits (published, restored), or a person a moderator
 * showed out, so they update without anyone rejoining. One process: an in-process emitter. Several
 * processes (REDIS_URL): every change goes through the shared bus and comes back to every
 * process, this one included, so each room hears it once wherever it runs.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();
  private readonly deliver = (data: unknown): void => {
    const change = parseChange(data);
    if (change) this.emitter.emit(...change);
  };

  private constructor(private readonly bus: ChangeBus | undefined) {
    // One listener per open room.
    this.emitter.setMaxListeners(0);
  }

  /** The feed of one process. */
  static local(): ChangeFeed {
    return new ChangeFeed(undefined);
  }

  /** The feed shared by every process on the bus; resolves once this process listens. */
  static async over(bus: ChangeBus): Promise<ChangeFeed> {
    const feed = new ChangeFeed(bus);
    await bus.subscribe(CHANGE_TOPIC, feed.deliver);
    return feed;
  }

  /** Stops listening on the bus. */
  close(): void {
    this.bus?.unsubscribe(CHANGE_TOPIC, this.deliver);
  }

  private send(kind: Kind, ...args: string[]): void {
    if (this.bus) this.bus.publish(CHANGE_TOPIC, [kind, ...args]);
    else this.emitter.emit(kind, ...args);
  }

  private listen<A extends string[]>(kind: Kind, listener: (...args: A) => void): () => void {
    const handler = listener as (...args: unknown[]) => void;
    this.emitter.on(kind, handler);
    return () => this.emitter.off(kind, handler);
  }

  accountChanged(accountId: string): void {
    this.send('account', accountId);
  }

  /** A ballot of a space changed over HTTP (set up, changed, opened, closed, staged, or a voter's allocation). */
  ballotsChanged(spaceId: string): void {
    this.send('ballots', spaceId);
  }

  /** Returns the cleanup. */
  onBallotsChanged(listener: (spaceId: string) => void): () => void {
    return this.listen('ballots', listener);
  }

  /** A new analysis of a space's consensus conversation (server/consensus/analyst.ts), as JSON on the bus. */
  consensusAnalysed(spaceId: string, view: ConsensusAnalysisView): void {
    this.send('consensus', spaceId, JSON.stringify(view));
  }

  /** Returns the cleanup. */
  onConsensusAnalysed(listener: (spaceId: string, view: ConsensusAnalysisView) => void): () => void {
    return this.listen('consensus', (spaceId: string, json: string) => {
      let view: ConsensusAnalysisView;
      try {
        view = JSON.parse(json) as ConsensusAnalysisView;
      } catch {
        return;
      }
      listener(spaceId, view);
    });
  }

  /**
   * A statement of a space's consensus conversation was added or moderated (committed): rooms of
   * the space tell their staff what waits for a moderator, and everyone what was accepted.
   */
  consensusStatement(spaceId: string, conversationId: string, number: number): void {
    this.send('statement', spaceId, conversationId, String(number));
  }

  /** Returns the cleanup. */
  onConsensusStatement(listener: (spaceId: string, conversationId: string, number: number) => void): () => void {
    return this.listen('statement', (spaceId: string, conversationId: string, number: string) => {
      const n = Number(number);
      if (Number.isInteger(n) && n >= 0) listener(spaceId, conversationId, n);
    });
  }

  /**
   * Questions of an event changed in one of its rooms (asked, voted, moderated): the event's other
   * sections show them too. `keys` are the identities whose own list changed (askers, voters).
   */
  questionsChanged(eventId: string, fromRoomId: string, ids: readonly string[], keys: readonly string[]): void {
    this.send('questions', eventId, fromRoomId, JSON.stringify({ ids, keys }));
  }

  /** Returns the cleanup. */
  onQuestionsChanged(listener: (eventId: string, fromRoomId: string, ids: string[], keys: string[]) => void): () => void {
    return this.listen('questions', (eventId: string, fromRoomId: string, json: string) => {
      const change = parseQuestionChange(json);
      if (change) listener(eventId, fromRoomId, change.ids, change.keys);
    });
  }

  /** An event was started, ended or thanked in one room of its space: the space's other rooms (sections) show it. */
  eventRun(spaceId: string, eventId: string, fromRoomId: string): void {
    this.send('eventRun', spaceId, eventId, fromRoomId);
  }

  /** Returns the cleanup. */
  onEventRun(listener: (spaceId: string, eventId: string, fromRoomId: string) => void): () => void {
    return this.listen('eventRun', listener);
  }

  /** Returns the cleanup. */
  onAccountChanged(listener: (accountId: string) => void): () => void {
    return this.listen('account', listener);
  }

  /** Someone chose a new look (their account id, or their guest session id). */
  lookChanged(actor: string): void {
    this.send('look', actor);
  }

  /** Returns the cleanup. */
  onLookChanged(listener: (actor: string) => void): () => void {
    return this.listen('look', listener);
  }

  /** An auth session was signed out (a guest's or an account's): its room connections end. */
  sessionEnded(sessionId: string): void {
    this.send('session', sessionId);
  }

  /** Returns the cleanup. */
  onSessionEnded(listener: (sessionId: string) => void): () => void {
    return this.listen('session', listener);
  }

  eventsChanged(spaceId: string): void {
    this.send('events', spaceId);
  }

  /** Returns the cleanup. */
  onEventsChanged(listener: (spaceId: string) => void): () => void {
    return this.listen('events', listener);
  }

  /** A space's exhibits changed over HTTP: 'published' (a new version) or 'draft' (a version restored). */
  exhibitsChanged(spaceId: string, what: 'published' | 'draft'): void {
    this.send('exhibits', spaceId, what);
  }

  /** Returns the cleanup. */
  onExhibitsChanged(listener: (spaceId: string, what: 'published' | 'draft') => void): () => void {
    return this.listen('exhibits', (spaceId: string, what: string) => {
      if (what === 'published' || what === 'draft') listener(spaceId, what);
    });
  }

  /**
   * A moderator removed or banned a person (an actor: account id, or a guest's session id) from a
   * space: every instance of that space shows them out, on whichever process it runs.
   */
  personShownOut(spaceId: string, actor: string, kind: 'removed' | 'banned', fromRoomId: string): void {
    this.send('shownOut', spaceId, actor, kind, fromRoomId);
  }

  /** Returns the cleanup. `fromRoomId` is the instance where the moderator acted (it has shown them out itself). */
  onPersonShownOut(listener: (spaceId: string, actor: string, kind: string, fromRoomId: string) => void): () => void {
    return this.listen('shownOut', listener);
  }
}
