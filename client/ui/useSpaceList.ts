import { useEffect, useState } from 'react';
import { listSpaces, type SpaceSummary } from '../net/spaces.js';

/** The spaces there are (id and name), for naming where a role holds; empty until loaded. */
export function useSpaceList(): SpaceSummary[] {
  const [spaces, setSpaces] = useState<SpaceSummary[]>([]);
  useEffect(() => {
    let live = true;
    listSpaces().then((list) => live && setSpaces(list), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return spaces;
}

/** "Exhibition Hall" for `hall-1`, "all spaces" for a global role; the id if the name is unknown. */
export function spaceLabel(spaces: readonly SpaceSummary[], spaceId: string | null): string {
  if (spaceId === null) return 'all spaces';
  return spaces.find((s) => s.id === spaceId)?.name ?? spaceId;
}
