import type { Presence } from '@colyseus/core';
import { z } from 'zod';
import { REACTIONS, type Reaction } from '../../shared/protocol/townhall.js';
import type { MapSchema } from '@colyseus/schema';
import { Avatar } from '../../shared/schema/Avatar.js';
import { HandElsewhere, type HallState } from '../../shared/schema/Hall.js';
import { stageAt } from '../../shared/spaces/collision.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import {
  HANDS_TOLD_MAX, MirrorBook, shouldTell, StageNews, stageKey, type SectionFloor, type SectionHand, type StagePerson,
} from '../domain/stageMirror.js';
import type { Logger } from '../log.js';
import type { Occupant } from './occupant.js';
import { SectionChannels } from './sectionChannels.js';

/** How often a section looks at its stage, hands and floor and tells the others when they changed. */
export const STAGE_EVERY_MS = 200;

/** The channels one space's sections share (Colyseus presence: in memory, or Redis with several processes). */
export const stageTopic = (spaceId: string): string => `hustings:stage:${spaceId}`;
const reactionsTopic = (spaceId: string): string => `hustings:reactions:${spaceId}`;
const ReactionNews = z.object({ from: z.string().min(1).max(64), counts: z.partialRecord(z.enum(REACTIONS), z.number().int().min(0).max(1_000_000)) });

export interface StageParts {
  roomId: string;
  layout: SpaceLayout;
  presence: Presence;
  occupants: ReadonlyMap<string, Occupant>;
  avatars: MapSchema<Avatar>;
  hall: HallState;
  /** Whether this section's own floor mic is in use (then `hall.floor` is ours, not another's). */
  floorHere(): boolean;
  /** Another section's reactions since its last burst. */
  onReactions(counts: Partial<Record<Reaction, number>>): void;
  /** Mirrored figures move through the motion frames like everyone else. */
  crowd: { add(id: string, avatar: Avatar): void; remove(id: string): void };
  log: Pick<Logger, 'error'>;
}

/**
 * One stage, one hands queue and one floor for every section (server/domain/stageMirror.ts):
 * this section's stage people, floor-mic holder, raised hands and floor turn are told to the
 * others; theirs stand here as figures keyed by their own session ids (their LiveKit identities,
 * so their voices come from where they stand), their hands are listed for the moderators here,
 * and their floor turn shows on this screen. Orders for a person or turn held elsewhere go there
 * through server/rooms/sectionOrders.ts.
 */
export class StageRelay {
  private readonly book = new MirrorBook();
  private lastKey: string | undefined;
  private lastAt = 0;
  /** The channels this section listens on (server/rooms/sectionChannels.ts guards each handler). */
  private readonly channels: SectionChannels;

  constructor(private readonly parts: StageParts) {
    const space = parts.layout.id;
    this.channels = new SectionChannels(parts.presence, parts.log, [
      { topic: stageTopic(space), what: 'showing the stage', handle: (data) => this.onNews(data) },
      { topic: reactionsTopic(space), what: 'adding reactions', handle: (data) => this.onReactionNews(data) },
    ]);
  }

  start(): Promise<void> {
    return this.channels.start();
  }

  /** This section's reactions since its last burst, for the other sections. */
  tellReactions(counts: Record<Reaction, number>): void {
    this.publish(reactionsTopic(this.parts.layout.id), { from: this.parts.roomId, counts });
  }

  /** Every STAGE_EVERY_MS: tell the others if anything changed (or a heartbeat is due); forget quiet sections. */
  tick(now: number): void {
    const news = this.news();
    const key = stageKey(news);
    if (shouldTell(key, this.lastKey, now, this.lastAt)) {
      this.lastKey = key;
      this.lastAt = now;
      this.publish(stageTopic(this.parts.layout.id), news);
    }
    const gone = this.book.expire(now);
    for (const id of gone) this.drop(id);
    if (gone.length > 0) this.showElsewhere();
  }

  /** The other section where this person's hand is up or they stand on the stage or at the mic, if any. */
  whereIs(sessionId: string): { from: string; section: number; name: string } | undefined {
    return this.book.whereIs(sessionId);
  }

  /** Another section answered that it started a turn called from here: shown and known now, not at its next news. */
  floorCalled(from: string, section: number, floor: SectionFloor): void {
    this.book.noteFloor(from, section, floor, Date.now());
    this.showElsewhere();
  }

  /** The floor turn another section runs, if any. */
  floorElsewhere(): { name: string; section: number; from: string } | undefined {
    return this.book.floorElsewhere();
  }

  dispose(): void {
    this.channels.stop();
    for (const id of this.book.all()) this.drop(id);
  }

  private publish(topic: string, data: unknown): void {
    void Promise.resolve(this.parts.presence.publish(topic, data)).catch((err: unknown) => this.parts.log.error({ err, topic }, 'telling the other sections failed'));
  }

  private news(): StageNews {
    const { layout, occupants, hall } = this.parts;
    const people: StagePerson[] = [];
    const hands: SectionHand[] = [];
    for (const [id, o] of occupants) {
      const a = o.avatar;
      if (o.console || !a.connected) continue;
      if (a.hand > 0 && hands.length < HANDS_TOLD_MAX) hands.push({ id, name: a.name, hand: a.hand });
      if (people.length < 32 && (o.atMic || stageAt(layout, a.x, a.z))) {
        people.push({ id, name: a.name, role: a.role, look: a.look, hue: a.hue, x: a.x, z: a.z, yaw: a.yaw, gait: a.gait, hand: a.hand });
      }
    }
    const floor = this.parts.floorHere() ? { holder: hall.floor.holder, name: hall.floor.name, endsAt: hall.floor.endsAt } : null;
    return { from: this.parts.roomId, section: hall.section, people, hands, floor };
  }

  private onNews(data: unknown): void {
    const parsed = StageNews.safeParse(data);
    if (!parsed.success || parsed.data.from === this.parts.roomId) return;
    const { show, drop } = this.book.apply(parsed.data, Date.now(), (id) => this.parts.occupants.has(id));
    this.book.note(parsed.data, Date.now());
    for (const id of drop) this.drop(id);
    for (const person of show) this.show(person);
    this.showElsewhere();
  }

  private onReactionNews(data: unknown): void {
    const parsed = ReactionNews.safeParse(data);
    if (parsed.success && parsed.data.from !== this.parts.roomId) this.parts.onReactions(parsed.data.counts);
  }

  /** The other sections' hands for the moderators here, and their floor turn on this screen while ours is free. */
  private showElsewhere(): void {
    const { hall } = this.parts;
    const hands = this.book.handsElsewhere();
    const keep = new Set(hands.map((h) => h.id));
    for (const id of [...hall.handsElsewhere.keys()]) if (!keep.has(id)) hall.handsElsewhere.delete(id);
    for (const h of hands) {
      const view = hall.handsElsewhere.get(h.id) ?? new HandElsewhere();
      view.name = h.name;
      view.hand = h.hand;
      view.section = h.section;
      if (!hall.handsElsewhere.has(h.id)) hall.handsElsewhere.set(h.id, view);
    }
    if (this.parts.floorHere()) return;
    const floor = this.book.floorElsewhere();
    hall.floor.holder = floor?.holder ?? '';
    hall.floor.name = floor?.name ?? '';
    hall.floor.endsAt = floor?.endsAt ?? 0;
    hall.floorSection = floor?.section ?? 0;
  }

  private show(p: StagePerson): void {
    const { avatars, crowd } = this.parts;
    let figure = avatars.get(p.id);
    const added = !figure;
    figure ??= new Avatar();
    figure.name = p.name;
    figure.role = p.role;
    figure.look = p.look;
    figure.hue = p.hue;
    figure.x = p.x;
    figure.z = p.z;
    figure.yaw = p.yaw;
    figure.gait = p.gait;
    // Hands elsewhere are listed once, in handsElsewhere; a figure never counts as one here.
    figure.hand = 0;
    if (added) {
      figure.ack = 0;
      figure.connected = true;
      figure.seat = -1;
      avatars.set(p.id, figure);
      crowd.add(p.id, figure);
    }
  }

  private drop(id: string): void {
    if (this.parts.occupants.has(id)) return;
    this.parts.crowd.remove(id);
    this.parts.avatars.delete(id);
  }
}
