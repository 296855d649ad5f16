import { exhibitData, type Exhibit, type Transform } from '../../shared/exhibits/exhibit.js';
import { ExhibitState, type DraftState } from '../../shared/schema/Draft.js';
import { actorOf } from '../auth/sessions.js';
import type { Change } from '../domain/editHistory.js';
import { freeLock } from '../domain/exhibitLocks.js';
import { Refusal } from '../domain/refusal.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import type { Repos } from '../store/repos.js';
import type { Occupant } from './occupant.js';

/**
 * A space's draft as committed in the store, mirrored into the room state (which only curators
 * in edit mode see; a drag in progress shows on top). Each change is committed with its audit
 * entry, and only then applied to the state.
 */
export class DraftMirror {
  /** The draft as committed (the room state may show a drag in progress on top). */
  private readonly committed = new Map<string, Exhibit>();
  private loaded: Promise<void> | undefined;
  private publishedJson = '[]';

  constructor(private readonly spaceId: string, private readonly draft: DraftState, private readonly repos: Pick<Repos, 'exhibits' | 'audit' | 'transaction'>) {}

  /** The published version's exhibits, to tell whether the draft differs; returns its number. */
  async loadPublished(): Promise<number> {
    const latest = await this.repos.exhibits.latest(this.spaceId);
    this.publishedJson = JSON.stringify(latest?.exhibits ?? []);
    if (this.loaded) this.draft.dirty = this.isDirty();
    return latest?.version ?? 0;
  }

  /** Reads the draft again (a version was restored over HTTP). */
  reload(): Promise<void> {
    this.loaded = undefined;
    return this.ensureLoaded();
  }

  ensureLoaded(): Promise<void> {
    return (this.loaded ??= (async () => {
      const rows = await this.repos.exhibits.draft(this.spaceId);
      this.committed.clear();
      this.draft.exhibits.clear();
      for (const { exhibit } of rows) {
        this.committed.set(exhibit.id, exhibit);
        this.draft.exhibits.set(exhibit.id, toState(exhibit));
      }
      this.draft.dirty = this.isDirty();
    })().catch((err: unknown) => {
      this.loaded = undefined;
      throw err;
    }));
  }

  /** The exhibit as committed, or null when it is not in the draft. */
  current(id: string): Exhibit | null {
    return this.committed.get(id) ?? null;
  }

  existing(id: string): Exhibit {
    const e = this.committed.get(id);
    if (!e) throw new Refusal(ErrorCode.NOT_FOUND, 'That exhibit is not in the draft (someone may have deleted it).');
    return e;
  }

  shown(id: string): ExhibitState | undefined {
    return this.draft.exhibits.get(id);
  }

  locks(): IterableIterator<ExhibitState> {
    return this.draft.exhibits.values();
  }

  /** Committed (with its audit entry) before anyone is told; then the room state follows. */
  async store(who: Occupant, change: Change, action: string): Promise<void> {
    const spaceId = this.spaceId;
    await this.repos.transaction(async (r) => {
      if (change.after) await r.exhibits.putDraft(spaceId, change.after, who.identity.accountId);
      else await r.exhibits.deleteDraft(spaceId, change.id);
      await r.audit.append({
        actorId: actorOf(who.identity), action, targetType: 'exhibit', targetId: change.id,
        detail: { spaceId, title: (change.after ?? change.before)?.title ?? null, kind: (change.after ?? change.before)?.content.kind ?? null },
      });
    });
    if (change.after) {
      this.committed.set(change.id, change.after);
      const s = this.draft.exhibits.get(change.id);
      if (s) fill(s, change.after);
      else this.draft.exhibits.set(change.id, toState(change.after));
    } else {
      this.committed.delete(change.id);
      this.draft.exhibits.delete(change.id);
    }
    this.draft.rev++;
    this.draft.dirty = this.isDirty();
  }

  /** Ends a drag without storing it: back to the committed place, lock free. */
  release(s: ExhibitState): void {
    freeLock(s);
    const committed = this.committed.get(s.id);
    if (committed) place(s, committed.transform);
  }

  private isDirty(): boolean {
    return JSON.stringify([...this.committed.values()]) !== this.publishedJson;
  }
}

function toState(e: Exhibit): ExhibitState {
  const s = new ExhibitState();
  s.id = e.id;
  s.lockedBy = '';
  s.lockedName = '';
  s.rev = 0;
  fill(s, e);
  return s;
}

function fill(s: ExhibitState, e: Exhibit): void {
  s.kind = e.content.kind;
  s.title = e.title;
  s.data = exhibitData(e);
  s.rev = s.rev + 1;
  if (!s.lockedBy) place(s, e.transform);
}

/** Shows an exhibit at a transform (a drag in progress, or back where it is stored). */
export function place(s: ExhibitState, t: Transform): void {
  s.x = t.x;
  s.y = t.y;
  s.z = t.z;
  s.rx = t.rx;
  s.ry = t.ry;
  s.rz = t.rz;
  s.scale = t.scale;
}
