import { DEFAULT_SPACE } from '../shared/spaces/defaults.js';
import { SpaceId } from '../shared/spaces/layout.js';

/** `/` is the plaza; `/s/<spaceId>` is any space. Anything else falls back to the plaza. */
export function spaceFromPath(pathname: string): string {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (!match) return DEFAULT_SPACE;
  const id = decodeURIComponent(match[1]!);
  return SpaceId.safeParse(id).success ? id : DEFAULT_SPACE;
}

export function pathForSpace(spaceId: string): string {
  return `/s/${encodeURIComponent(spaceId)}`;
}
