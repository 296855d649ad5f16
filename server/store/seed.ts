import { EXAMPLE_EXHIBITS, EXAMPLE_NOTE, EXAMPLE_SPACE } from './exampleExhibition.js';
import type { Event } from './events.js';
import type { Repos } from './repos.js';

/**
 * On a first start, the town hall gets an event to show: scheduled 30 minutes ahead, so a
 * newcomer sees the countdown and a host can start it. Nothing happens once any event exists.
 */
export async function seedDemoEvent(repos: Pick<Repos, 'spaces' | 'events'>, now = new Date()): Promise<Event | undefined> {
  if (!await repos.spaces.get('townhall') || await repos.events.count('townhall') > 0) return undefined;
  return repos.events.create({
    spaceId: 'townhall',
    title: 'Town hall: the 2027 budget',
    description: 'The council presents its draft budget for 2027 and takes questions from residents. Ask yours, vote for the ones you want answered, or raise your hand to speak from the floor.',
    startsAt: new Date(now.getTime() + 30 * 60_000),
    autoApprove: false,
    createdBy: null,
  });
}

/**
 * On a first start (the exhibition hall has never been published nor drafted), it gets the
 * example exhibition (exampleExhibition.ts), published and in the draft alike. Returns how many
 * exhibits were placed (0 once the hall has any history: removing the example keeps it gone).
 */
export async function seedExampleExhibition(repos: Pick<Repos, 'spaces' | 'exhibits' | 'transaction'>): Promise<number> {
  if (!await repos.spaces.get(EXAMPLE_SPACE)) return 0;
  return repos.transaction(async (r) => {
    if (await r.exhibits.latest(EXAMPLE_SPACE) || (await r.exhibits.draft(EXAMPLE_SPACE)).length > 0) return 0;
    await r.exhibits.replaceDraft(EXAMPLE_SPACE, EXAMPLE_EXHIBITS, null);
    await r.exhibits.publish(EXAMPLE_SPACE, EXAMPLE_EXHIBITS, EXAMPLE_NOTE, { id: null, name: 'Hustings' });
    return EXAMPLE_EXHIBITS.length;
  });
}
