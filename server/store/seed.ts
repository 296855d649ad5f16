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
