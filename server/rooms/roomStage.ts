import type { Presence } from '@colyseus/core';
import type { MapSchema } from '@colyseus/schema';
import { Avatar } from '../../shared/schema/Avatar.js';
import { stageAt } from '../../shared/spaces/collision.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { MirrorBook, shouldTell, StageNews, stageKey, type StagePerson } from '../domain/stageMirror.js';
import type { Logger } from '../log.js';
import type { Occupant } from './occupant.js';

/** How often a section looks at its stage and tells the others when it changed. */
export const STAGE_EVERY_MS = 200;

/** The channel one space's sections share (Colyseus presence: in memory, or Redis with several processes). */
export const stageTopic = (spaceId: string): string => `hustings:stage:${spaceId}`;

export interface StageParts {
  roomId: string;
  layout: SpaceLayout;
  presence: Presence;
  occupants: ReadonlyMap<string, Occupant>;
  avatars: MapSchema<Avatar>;
  /** Mirrored figures move through the motion frames like everyone else. */
  crowd: { add(id: string, avatar: Avatar): void; remove(id: string): void };
  log: Pick<Logger, 'error'>;
}

/**
 * One stage for every section (server/domain/stageMirror.ts): this section's stage people are
 * told to the others, and theirs stand here as figures, keyed by their own session ids (which
 * are their LiveKit identities too, so their voices come from where they stand).
 */
export class StageRelay {
  private readonly book = new MirrorBook();
  private lastKey: string | undefined;
  private lastAt = 0;
  private readonly topic: string;
  private readonly heard = (data: unknown): void => this.onNews(data);

  constructor(private readonly parts: StageParts) {
    this.topic = stageTopic(parts.layout.id);
  }

  async start(): Promise<void> {
    await this.parts.presence.subscribe(this.topic, this.heard);
  }

  /** Every STAGE_EVERY_MS: tell the others if the stage changed (or a heartbeat is due); forget quiet sections. */
  tick(now: number): void {
    const people = this.stagePeople();
    const key = stageKey(people);
    if (shouldTell(key, this.lastKey, now, this.lastAt)) {
      this.lastKey = key;
      this.lastAt = now;
      const news: StageNews = { from: this.parts.roomId, people };
      void Promise.resolve(this.parts.presence.publish(this.topic, news)).catch((err: unknown) => this.parts.log.error({ err }, 'telling the stage failed'));
    }
    for (const id of this.book.expire(now)) this.drop(id);
  }

  /** Is this avatar a figure from another section's stage? */
  isFigure(id: string): boolean {
    return this.book.has(id);
  }

  dispose(): void {
    this.parts.presence.unsubscribe(this.topic, this.heard);
    for (const id of this.book.all()) this.drop(id);
  }

  private stagePeople(): StagePerson[] {
    const { layout, occupants } = this.parts;
    const people: StagePerson[] = [];
    for (const [id, o] of occupants) {
      const a = o.avatar;
      if (o.console || !a.connected || !stageAt(layout, a.x, a.z)) continue;
      people.push({ id, name: a.name, role: a.role, look: a.look, hue: a.hue, x: a.x, z: a.z, yaw: a.yaw, gait: a.gait, hand: a.hand });
      if (people.length === 32) break;
    }
    return people;
  }

  private onNews(data: unknown): void {
    const parsed = StageNews.safeParse(data);
    if (!parsed.success || parsed.data.from === this.parts.roomId) return;
    const { show, drop } = this.book.apply(parsed.data, Date.now(), (id) => this.parts.occupants.has(id));
    for (const id of drop) this.drop(id);
    for (const person of show) this.show(person);
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
    figure.hand = p.hand;
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
