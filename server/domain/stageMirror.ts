import { z } from 'zod';

/**
 * One stage for every section of an event: each section tells the others, on a channel shared
 * by every process, who stands on its stage and how (the host and moderators: a handful of
 * people), and draws what the others told it as avatars nobody there can move. These are the
 * rules for what is told, when, and how long an unrefreshed figure stays.
 */

/** A person on a stage, as told to the other sections (their session id is their voice identity too). */
export const StagePerson = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(60),
  role: z.string().max(20),
  look: z.number().int().min(0).max(0xffffffff),
  hue: z.number().int().min(0).max(0xffff),
  x: z.number().finite(),
  z: z.number().finite(),
  yaw: z.number().finite(),
  gait: z.number().int().min(0).max(2),
  hand: z.number().int().min(0),
});
export type StagePerson = z.infer<typeof StagePerson>;

/** What one section tells the others: its room id and everyone on its stage (at most a few). */
export const StageNews = z.object({
  from: z.string().min(1).max(64),
  people: z.array(StagePerson).max(32),
});
export type StageNews = z.infer<typeof StageNews>;

/** A section tells its stage at least this often, so a section opened later learns it. */
export const STAGE_HEARTBEAT_MS = 2000;
/** A figure not told again for this long goes (its section closed or its process died). */
export const STAGE_FORGET_MS = 3 * STAGE_HEARTBEAT_MS;

/** The stage as a comparable key: positions to the centimetre, yaw to the hundredth of a radian. */
export function stageKey(people: readonly StagePerson[]): string {
  return people.map((p) => `${p.id}:${Math.round(p.x * 100)}:${Math.round(p.z * 100)}:${Math.round(p.yaw * 100)}:${p.gait}:${p.hand}:${p.look}:${p.role}:${p.name}`).join('|');
}

/** Tell the other sections now? On any change, and every heartbeat while anyone (or, once, no one) stands there. */
export function shouldTell(key: string, lastKey: string | undefined, now: number, lastAt: number): boolean {
  if (key !== lastKey) return true;
  return key !== '' && now - lastAt >= STAGE_HEARTBEAT_MS;
}

/** Who is shown from where: the figures mirrored from each other section, and when each was last told. */
export class MirrorBook {
  private readonly bySection = new Map<string, { ids: Set<string>; at: number }>();

  /**
   * A section told its stage: returns the figures to add or move, and the ids to take away (they
   * left that stage). A figure already standing here for real (the same session) is never mirrored.
   */
  apply(news: StageNews, now: number, here: (id: string) => boolean): { show: StagePerson[]; drop: string[] } {
    const shown = news.people.filter((p) => !here(p.id));
    const before = this.bySection.get(news.from)?.ids ?? new Set<string>();
    const ids = new Set(shown.map((p) => p.id));
    this.bySection.set(news.from, { ids, at: now });
    if (ids.size === 0) this.bySection.delete(news.from);
    return { show: shown, drop: [...before].filter((id) => !ids.has(id)) };
  }

  /** Figures from sections that went quiet for STAGE_FORGET_MS. */
  expire(now: number): string[] {
    const gone: string[] = [];
    for (const [from, entry] of this.bySection) {
      if (now - entry.at < STAGE_FORGET_MS) continue;
      gone.push(...entry.ids);
      this.bySection.delete(from);
    }
    return gone;
  }

  has(id: string): boolean {
    for (const entry of this.bySection.values()) if (entry.ids.has(id)) return true;
    return false;
  }

  /** Everything mirrored (the room is closing). */
  all(): string[] {
    return [...this.bySection.values()].flatMap((e) => [...e.ids]);
  }
}
