import { matchMaker, ServerError } from '@colyseus/core';
import { ErrorCode, joinErrorMessage } from '../../shared/protocol/errors.js';
import { sectionOfNewInstance, sectionWish, type SectionLoad } from '../domain/sections.js';
import type { Logger } from '../log.js';

/** How often a section counts the event's sections and everyone attending (every process). */
export const SECTIONS_EVERY_MS = 2000;

interface Listed { section: number; spaceId: string; present: number | null }

function listed(metadata: unknown): Listed {
  const m = metadata as { section?: unknown; spaceId?: unknown; present?: unknown } | undefined;
  return {
    section: typeof m?.section === 'number' ? m.section : 0,
    spaceId: typeof m?.spaceId === 'string' ? m.spaceId : '',
    present: typeof m?.present === 'number' ? m.present : null,
  };
}

/**
 * The other open sections of a space's event, as every process lists them (this room left out):
 * their connections and seats held (`people`, what placement fills) and the people present in
 * each as it last published them (`present`: no console connections or seats still held).
 */
async function otherSections(roomId: string, spaceId: string): Promise<{ loads: SectionLoad[]; present: number }> {
  const listings = await matchMaker.query({ name: 'space' });
  const loads: SectionLoad[] = [];
  let present = 0;
  for (const l of listings) {
    const { section, spaceId: space, present: p } = listed(l.metadata);
    if (l.roomId !== roomId && space === spaceId && section > 0) {
      loads.push({ section, people: l.clients, capacity: l.maxClients });
      present += p ?? l.clients;
    }
  }
  return { loads, present };
}

/**
 * The section a new instance of a space with a stage becomes (server/domain/sections.ts), or
 * the refusal that sends the newcomer to a section with room. `alone`: no other section is
 * open (after a restart, nothing another section holds can be left open).
 */
export async function claimSection(roomId: string, spaceId: string, wish: unknown, maxSections: number): Promise<{ section: number; alone: boolean }> {
  const others = (await otherSections(roomId, spaceId)).loads;
  const result = sectionOfNewInstance(others, sectionWish(wish, maxSections), maxSections);
  if ('refusal' in result) throw new ServerError(503, joinErrorMessage(ErrorCode.ROOM_FULL, result.refusal));
  return { section: result.section, alone: others.length === 0 };
}

/** What a section shows of the whole event. */
export interface SectionView { section: number; sections: number; attending: number; present: number }

/**
 * Keeps a section's view of the event current: how many sections are open and how many attend
 * in all, read from the matchmaker's listings (shared by every process through the driver). Each
 * section publishes its own count of people present in its listing (`publish`), so every section
 * adds up the same people: a moderator's console connection is a client, not someone attending.
 */
export class SectionCounter {
  private busy = false;
  private published = -1;

  constructor(private readonly parts: {
    roomId: string;
    spaceId: string;
    view: SectionView;
    publish: (present: number) => Promise<void>;
    log: Pick<Logger, 'error'>;
  }) {}

  async refresh(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { view } = this.parts;
      if (view.present !== this.published) {
        const present = view.present;
        await this.parts.publish(present);
        this.published = present;
      }
      const others = await otherSections(this.parts.roomId, this.parts.spaceId);
      view.sections = Math.min(255, others.loads.length + 1);
      view.attending = others.present + view.present;
    } catch (err) {
      this.parts.log.error({ err }, 'counting the sections failed');
    } finally {
      this.busy = false;
    }
  }
}
