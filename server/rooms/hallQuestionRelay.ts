import type { HallContext } from './hallContext.js';
import type { QuestionViews } from './hallQuestionViews.js';

/** Changes from other sections are read from the store at most this often. */
const RELAY_EVERY_MS = 100;

/**
 * One Q&A for every section of an event: questions another section changed (asked, voted,
 * moderated; told on the change feed after commit) are read again from the store and shown here,
 * the moderators' queue refreshed, and the askers' and voters' own lists sent to their
 * connections here. A burst (a crowd voting in another section) is read together.
 */
export class QuestionRelay {
  private readonly ids = new Set<string>();
  private readonly keys = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: HallContext, private readonly views: QuestionViews) {}

  changed(ids: readonly string[], keys: readonly string[]): void {
    for (const id of ids) this.ids.add(id);
    for (const key of keys) this.keys.add(key);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((err: unknown) => this.ctx.deps.log.error({ err }, 'showing questions from another section failed'));
    }, RELAY_EVERY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private async flush(): Promise<void> {
    const ids = [...this.ids];
    const keys = [...this.keys];
    this.ids.clear();
    this.keys.clear();
    const eventId = this.ctx.event?.id;
    for (const id of ids) {
      const fresh = await this.ctx.deps.repos.questions.get(id);
      if (fresh && fresh.eventId === eventId) this.views.show(fresh);
    }
    await Promise.all([this.views.sendQueue(), ...keys.map((key) => this.views.sendMine(key))]);
  }
}
