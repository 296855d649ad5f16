import { JoinForm } from './JoinForm.js';
import { spaceLabel, useSpaceList } from './useSpaceList.js';
import { useEvents } from './events/useEvents.js';
import { useFreshEvents, whatsOn, WhatsOn } from './WhatsOn.js';

/**
 * `/`: the join form with the live event (and how many are in it) at its head, so a voter goes
 * straight into the town hall in one step; beside it, what is coming up and what is on the record.
 */
export function FrontPage() {
  const data = useEvents();
  useFreshEvents(data);
  const spaces = useSpaceList();
  const event = whatsOn(data.events).live[0];
  const live = event && { event, present: data.present[event.spaceId] ?? 0, spaceName: spaceLabel(spaces, event.spaceId) };
  return (
    <JoinForm live={live} aside={<WhatsOn data={data} />} />
  );
}
