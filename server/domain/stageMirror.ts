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

/** A hand raised in one section, as the moderators in every section see it. */
export const SectionHand = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(60),
  /** Its place in the event's order (handOrder: when it went up, so sections compare). */
  hand: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type SectionHand = z.infer<typeof SectionHand>;

/** Who holds a section's floor mic, and until when (ms since the epoch). */
export const SectionFloor = z.object({ holder: z.string().min(1).max(64), name: z.string().max(60), endsAt: z.number().finite() });
export type SectionFloor = z.infer<typeof SectionFloor>;

/** Hands one section tells at most (the longest queue a moderator works through). */
export const HANDS_TOLD_MAX = 200;

/**
 * What one section tells the others: its room id and number, everyone on its stage or at its
 * floor mic (at most a few), its raised hands, and its floor turn.
 */
export const StageNews = z.object({
  from: z.string().min(1).max(64),
  section: z.number().int().min(0).max(255),
  people: z.array(StagePerson).max(32),
  hands: z.array(SectionHand).max(HANDS_TOLD_MAX),
  floor: SectionFloor.nullable(),
});
export type StageNews = z.infer<typeof StageNews>;

/**
 * The number of a hand raised now: the millisecond it went up, so hands raised in different
 * sections (processes, machines with synchronised clocks) fall in one order; never the same as
 * or below this section's previous one (two raised in one millisecond here still queue).
 */
export function handOrder(now: number, previous: number): number {
  return Math.max(previous + 1, Math.floor(now));
}

/** A section tells its stage at least this often, so a section opened later learns it. */
export const STAGE_HEARTBEAT_MS = 2000;
/** A figure not told again for this long goes (its section closed or its process died). */
export const STAGE_FORGET_MS = 3 * STAGE_HEARTBEAT_MS;

/**
 * Is the event's open floor turn in the store abandoned? No section tells of a turn (a section
 * running one tells it at every heartbeat), and it started longer ago than a quiet section is
 * remembered: the section that wrote it closed or its process died. Such a turn is closed where
 * it started (no speaking time invented), so one dead section does not hold the floor for good.
 */
export function turnAbandoned(startedAt: number, now: number, toldElsewhere: boolean): boolean {
  return !toldElsewhere && now - startedAt >= STAGE_FORGET_MS;
}

/** The stage as a comparable key: positions to the centimetre, yaw to the hundredth of a radian. */
export function stageKey(news: Pick<StageNews, 'people' | 'hands' | 'floor'>): string {
  const people = news.people.map((p) => `${p.id}:${Math.round(p.x * 100)}:${Math.round(p.z * 100)}:${Math.round(p.yaw * 100)}:${p.gait}:${p.hand}:${p.look}:${p.role}:${p.name}`);
  const hands = news.hands.map((h) => `${h.id}:${h.hand}:${h.name}`);
  const floor = news.floor ? `${news.floor.holder}:${news.floor.endsAt}:${news.floor.name}` : '';
  return news.people.length + news.hands.length === 0 && !news.floor ? '' : `${people.join('|')}#${hands.join('|')}#${floor}`;
}

/** Tell the other sections now? On any change, and every heartbeat while anyone (or, once, no one) stands there. */
export function shouldTell(key: string, lastKey: string | undefined, now: number, lastAt: number): boolean {
  if (key !== lastKey) return true;
  return key !== '' && now - lastAt >= STAGE_HEARTBEAT_MS;
}

/** Who is shown from where: the figures mirrored from each other section, and when each was last told. */
export class MirrorBook {
  private readonly bySection = new Map<string, { ids: Set<string>; section: number; names: Map<string, string>; at: number }>();
  private readonly told = new Map<string, { section: number; hands: SectionHand[]; floor: SectionFloor | null; at: number }>();

  /** A section's hands and floor, as last told (kept with its figures; forgotten with them). */
  note(news: StageNews, now: number): void {
    if (news.hands.length === 0 && !news.floor) this.told.delete(news.from);
    else this.told.set(news.from, { section: news.section, hands: news.hands, floor: news.floor, at: now });
  }

  /**
   * A section answered that it started a floor turn (a call from here): known at once, before its
   * next news tells it (which then replaces this).
   */
  noteFloor(from: string, section: number, floor: SectionFloor, now: number): void {
    this.told.set(from, { section, hands: this.told.get(from)?.hands ?? [], floor, at: now });
  }

  /** Every hand raised in the other sections, with its section, in the event's order. */
  handsElsewhere(): (SectionHand & { section: number })[] {
    return [...this.told.values()].flatMap((t) => t.hands.map((h) => ({ ...h, section: t.section }))).sort((x, y) => x.hand - y.hand);
  }

  /** The floor turn running in another section, if any, and where. */
  floorElsewhere(): (SectionFloor & { section: number; from: string }) | undefined {
    for (const [from, t] of this.told) if (t.floor) return { ...t.floor, section: t.section, from };
    return undefined;
  }

  /**
   * Where a person another section told of is (their hand is up there, or they stand on its stage
   * or at its floor mic): that section's room id and number, and their name.
   */
  whereIs(id: string): { from: string; section: number; name: string } | undefined {
    for (const [from, t] of this.told) {
      const hand = t.hands.find((h) => h.id === id);
      if (hand) return { from, section: t.section, name: hand.name };
    }
    for (const [from, entry] of this.bySection) {
      const name = entry.names.get(id);
      if (name !== undefined) return { from, section: entry.section, name };
    }
    return undefined;
  }

  /**
   * A section told its stage: returns the figures to add or move, and the ids to take away (they
   * left that stage). A figure already standing here for real (the same session) is never mirrored.
   */
  apply(news: StageNews, now: number, here: (id: string) => boolean): { show: StagePerson[]; drop: string[] } {
    const shown = news.people.filter((p) => !here(p.id));
    const before = this.bySection.get(news.from)?.ids ?? new Set<string>();
    const ids = new Set(shown.map((p) => p.id));
    this.bySection.set(news.from, { ids, section: news.section, names: new Map(shown.map((p) => [p.id, p.name])), at: now });
    if (ids.size === 0) this.bySection.delete(news.from);
    return { show: shown, drop: [...before].filter((id) => !ids.has(id)) };
  }

  /** Figures from sections that went quiet for STAGE_FORGET_MS (their hands and floor go too). */
  expire(now: number): string[] {
    for (const [from, t] of this.told) if (now - t.at >= STAGE_FORGET_MS) this.told.delete(from);
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
