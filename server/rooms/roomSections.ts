import { matchMaker, ServerError } from '@colyseus/core';
import { ErrorCode, joinErrorMessage } from '../../shared/protocol/errors.js';
import { attending, sectionOfNewInstance, sectionWish, type SectionLoad } from '../domain/sections.js';
import type { Logger } from '../log.js';

/** How often a section counts the event's sections and everyone attending (every process). */
export const SECTIONS_EVERY_MS = 2000;

interface Listed { section: number; spaceId: string }

function listed(metadata: unknown): Listed {
  const m = metadata as { section?: unknown; spaceId?: unknown } | undefined;
  return {
    section: typeof m?.section === 'number' ? m.section : 0,
    spaceId: typeof m?.spaceId === 'string' ? m.spaceId : '',
  };
}

/** The other open sections of a space's event, as every process lists them (this room left out). */
async function otherSections(roomId: string, spaceId: string): Promise<SectionLoad[]> {
  const listings = await matchMaker.query({ name: 'space' });
  const loads: SectionLoad[] = [];
  for (const l of listings) {
    const { section, spaceId: space } = listed(l.metadata);
    if (l.roomId !== roomId && space === spaceId && section > 0) loads.push({ section, people: l.clients, capacity: l.maxClients });
  }
  return loads;
}

/**
 * The section a new instance of a space with a stage becomes (server/domain/sections.ts), or
 * the refusal that sends the newcomer to a section with room. `alone`: no other section is
 * open (after a restart, nothing another section holds can be left open).
 */
export async function claimSection(roomId: string, spaceId: string, wish: unknown, maxSections: number): Promise<{ section: number; alone: boolean }> {
  const others = await otherSections(roomId, spaceId);
  const result = sectionOfNewInstance(others, sectionWish(wish, maxSections), maxSections);
  if ('refusal' in result) throw new ServerError(503, joinErrorMessage(ErrorCode.ROOM_FULL, result.refusal));
  return { section: result.section, alone: others.length === 0 };
}

/** What a section shows of the whole event. */
export interface SectionView { section: number; sections: number; attending: number; present: number }

/**
 * Keeps a section's view of the event current: how many sections are open and how many attend
 * in all, read from the matchmaker's listings (shared by every process through the driver).
 */
export class SectionCounter {
  private busy = false;

  constructor(private readonly parts: {
    roomId: string;
    spaceId: string;
    view: SectionView;
    log: Pick<Logger, 'error'>;
  }) {}

  async refresh(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { view } = this.parts;
      const others = await otherSections(this.parts.roomId, this.parts.spaceId);
      view.sections = Math.min(255, others.length + 1);
      view.attending = attending(others) + view.present;
    } catch (err) {
      this.parts.log.error({ err }, 'counting the sections failed');
    } finally {
      this.busy = false;
    }
  }
}
