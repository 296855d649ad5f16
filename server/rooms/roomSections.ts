import { matchMaker, ServerError, type Presence } from '@colyseus/core';
import { ErrorCode, joinErrorMessage } from '../../shared/protocol/errors.js';
import { AuthError, type Sessions } from '../auth/sessions.js';
import {
  attending, keepsStaffPlace, numbersToClaim, sectionOfNewInstance, sectionWish, type SectionLoad,
} from '../domain/sections.js';
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

/** How long a claimed section number is held without being renewed (its process may have died). */
export const SECTION_CLAIM_SECONDS = 6;
const claimKey = (spaceId: string, section: number): string => `hustings:section:${spaceId}:${section}`;

/**
 * A section number held in Colyseus presence (in memory, or Redis with several processes): a
 * counter per number that a claim raises and takes back, so exactly one of several sections
 * opening at once (on any process) brings it from 0 to 1 and holds it. Renewed while the room
 * lives; released when it closes; forgotten SECTION_CLAIM_SECONDS after its process dies.
 */
export class SectionClaim {
  private held = true;

  private constructor(private readonly presence: Presence, private readonly key: string) {}

  static async take(presence: Presence, spaceId: string, section: number): Promise<SectionClaim | undefined> {
    const key = claimKey(spaceId, section);
    if (await presence.hincrbyex(key, 'claims', 1, SECTION_CLAIM_SECONDS) === 1) return new SectionClaim(presence, key);
    await presence.hincrbyex(key, 'claims', -1, SECTION_CLAIM_SECONDS);
    return undefined;
  }

  /** Keeps the number while the room lives (every SECTIONS_EVERY_MS). */
  async renew(): Promise<void> {
    if (this.held) await this.presence.hincrbyex(this.key, 'claims', 0, SECTION_CLAIM_SECONDS);
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.presence.hincrbyex(this.key, 'claims', -1, SECTION_CLAIM_SECONDS);
  }
}

/**
 * The section a new instance of a space with a stage becomes (server/domain/sections.ts), or
 * the refusal that sends the newcomer to a section with room. The number is claimed atomically in
 * presence (SectionClaim), so two sections opening at once never share one. `alone`: no other
 * section is open (after a restart, nothing another section holds can be left open).
 */
export async function claimSection(
  presence: Presence, roomId: string, spaceId: string, options: { section?: unknown; visitors?: unknown },
  limits: { maxSections: number; staffReserve: number },
): Promise<{ section: number; alone: boolean; claim: SectionClaim }> {
  const others = (await otherSections(roomId, spaceId)).loads;
  // Marked by the matchmaker (markVisitors) for everyone who keeps no place in section 1.
  const who = { staff: options.visitors !== true, staffReserve: limits.staffReserve };
  const result = sectionOfNewInstance(others, sectionWish(options.section, limits.maxSections), limits.maxSections, who);
  if ('refusal' in result) throw new ServerError(503, joinErrorMessage(ErrorCode.ROOM_FULL, result.refusal));
  for (const section of numbersToClaim(others, result.section, limits.maxSections)) {
    const claim = await SectionClaim.take(presence, spaceId, section);
    if (claim) return { section, alone: others.length === 0, claim };
  }
  throw new ServerError(503, joinErrorMessage(ErrorCode.ROOM_FULL, `Every section of this event is full (${attending(others)} people in ${others.length}); others are opening now. Please try again in a moment.`));
}

/** Is any room of this space open (listed), on any process? */
async function anyRoomOf(spaceId: string): Promise<boolean> {
  return (await matchMaker.query({ name: 'space' })).some((l) => listed(l.metadata).spaceId === spaceId);
}

/**
 * Marks every matchmaking request for a space with whether the person keeps a place in section 1
 * (`visitors: true` for those who do not: the rooms' listings say whether they take visitors,
 * and the matchmaker filters on it). Set here from the verified session, never by the client.
 * Returns the undo (the app's close).
 */
export function markVisitors(sessions: Pick<Sessions, 'verify'>, log: Pick<Logger, 'warn'>): () => void {
  const controller = matchMaker.controller;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back as it was, never called unbound
  const unmarked = controller.invokeMethod;
  const original = unmarked.bind(controller);
  const marked: typeof controller.invokeMethod = async (method, roomName, clientOptions = {}, authOptions) => {
    const given: unknown = clientOptions;
    if (roomName === 'space' && typeof given === 'object' && given !== null) {
      const options = given as Record<string, unknown>;
      delete options.visitors;
      const { token, spaceId } = options;
      const staff = typeof token === 'string' && typeof spaceId === 'string' && await sessions.verify(token).then(
        (identity) => keepsStaffPlace(identity, spaceId),
        (err: unknown) => {
          // A bad token is refused when the room checks it; anything else is worth a line.
          if (!(err instanceof AuthError)) log.warn({ err }, 'checking a matchmaking token failed');
          return false;
        },
      );
      if (!staff) options.visitors = true;
      // With no room of the space open yet, staff match as visitors do: the same filter is the
      // same creation lock, so Colyseus makes one room for everyone arriving at once (after a
      // restart, every page enters again together) instead of one for staff and one for the rest.
      else if (typeof spaceId === 'string' && !(await anyRoomOf(spaceId))) options.visitors = true;
    }
    return original(method, roomName, clientOptions, authOptions);
  };
  controller.invokeMethod = marked;
  return () => {
    // Put the controller's own method back.
    if (controller.invokeMethod === marked) controller.invokeMethod = unmarked;
  };
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
