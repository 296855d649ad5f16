import { ExhibitId } from '../shared/exhibits/exhibit.js';
import { DEFAULT_SPACE } from '../shared/spaces/defaults.js';
import { SpaceId } from '../shared/spaces/layout.js';

/** The pages of the app, one per kind of address. */
export type Route =
  /**
   * `/` (the plaza) and `/s/<spaceId>`: the join form, then the world. `/s/<spaceId>/e/<exhibitId>`
   * is the same space, turned to that exhibit with its detail open once the exhibits load.
   */
  | { page: 'space'; spaceId: string; exhibitId?: string; landing?: boolean; brokenExhibit?: boolean }
  /** `/login?next=/somewhere`. */
  | { page: 'login'; next: string }
  /** `/invite/<token>`: the link an admin sends. */
  | { page: 'invite'; token: string }
  | { page: 'admin' }
  | { page: 'account' }
  /** `/events`: live, upcoming and past events; scheduling for hosts. */
  | { page: 'events' }
  /** `/events/<id>`: one event's public record. */
  | { page: 'event'; id: string }
  /** `/events/<id>/moderate`: the moderator console for that event. */
  | { page: 'moderate'; id: string }
  /**
   * An address that leads nowhere: a damaged (badly encoded) event or invitation link, a path
   * inside a space that is not an exhibit link, or a page this app does not have. `spaceId` is
   * the space the address named, when it named one.
   */
  | { page: 'lost'; kind: LostKind; path: string; spaceId?: string };

export type LostKind = 'event' | 'invite' | 'space' | 'page';

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** Exhibit links are `/s/<spaceId>/e/<exhibitId>`. */
const SPACE_PATH = /^\/s\/([^/]+)(?:\/(.*))?$/;

type SpacePlace = { spaceId: string; exhibitId?: string; brokenExhibit?: boolean };

/**
 * `/` is the plaza; `/s/<spaceId>` is any space, and `/s/<spaceId>/e/<exhibitId>` one exhibit in
 * it. An exhibit id that cannot be one (cut short, mistyped) is kept as `brokenExhibit`, so the
 * page can say so; a path that is not a space (or not an exhibit inside one) is null.
 */
function spacePlace(path: string): SpacePlace | null {
  if (path === '/') return { spaceId: DEFAULT_SPACE };
  const match = SPACE_PATH.exec(path);
  if (!match) return null;
  const id = decoded(match[1]!);
  if (!SpaceId.safeParse(id).success) return null;
  const rest = match[2];
  if (rest === undefined || rest === '') return { spaceId: id };
  const exhibit = /^e\/([^/]*)$/.exec(rest);
  if (!exhibit) return null;
  const exhibitId = decoded(exhibit[1]!);
  return ExhibitId.safeParse(exhibitId).success ? { spaceId: id, exhibitId } : { spaceId: id, brokenExhibit: true };
}

/** The space (and exhibit) a path names; anything else is the plaza. */
export function spacePlaceFromPath(pathname: string): SpacePlace {
  return spacePlace(pathname.replace(/\/+$/, '') || '/') ?? { spaceId: DEFAULT_SPACE };
}

/** The space a path names (see spacePlaceFromPath). */
export function spaceFromPath(pathname: string): string {
  return spacePlaceFromPath(pathname).spaceId;
}

export function pathForSpace(spaceId: string): string {
  return `/s/${encodeURIComponent(spaceId)}`;
}

/** The link to one exhibit: entering it turns to the exhibit and opens it. */
export function pathForExhibit(spaceId: string, exhibitId: string): string {
  return `${pathForSpace(spaceId)}/e/${encodeURIComponent(exhibitId)}`;
}

/** Control characters (browsers drop tabs and newlines inside URLs: "/\t/evil" is "//evil"), backslashes (read as "/"). */
const UNSAFE_IN_NEXT = /[\p{Cc}\\]/u;

function decodedOnce(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * A path on this site to go to after signing in; anything else becomes `/`. The path is read
 * the way the browser will read it (`new URL(next, origin)`) and kept only if it stays on this
 * origin; control characters, backslashes and a leading `//` are refused outright, also once
 * percent-decoded. Returns the parsed path, query and fragment, never the raw text.
 */
export function safeNext(next: string | null | undefined, origin = globalThis.location?.origin ?? 'http://localhost'): string {
  if (!next || !next.startsWith('/') || next.length > 2000) return '/';
  const once = decodedOnce(next);
  for (const form of [next, once]) {
    if (form === null || UNSAFE_IN_NEXT.test(form) || form.startsWith('//')) return '/';
  }
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin || url.username !== '' || url.password !== '') return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

export function pathForEvent(id: string): string {
  return `/events/${encodeURIComponent(id)}`;
}

/** The moderator console of an event. */
export function pathForConsole(id: string): string {
  return `${pathForEvent(id)}/moderate`;
}

export function loginPath(next?: string): string {
  const target = safeNext(next);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

/** The space id at the start of a `/s/...` path, if it could be one (for a lost page's way on). */
function spaceNamed(path: string): string | undefined {
  const match = SPACE_PATH.exec(path);
  const id = match ? decoded(match[1]!) : '';
  return SpaceId.safeParse(id).success ? id : undefined;
}

export function routeFromLocation(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/login') return { page: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  if (path === '/admin') return { page: 'admin' };
  if (path === '/account') return { page: 'account' };
  if (path === '/events') return { page: 'events' };
  const moderate = /^\/events\/([^/]+)\/moderate$/.exec(path);
  if (moderate) {
    const id = decoded(moderate[1]!);
    return id ? { page: 'moderate', id } : { page: 'lost', kind: 'event', path };
  }
  const event = /^\/events\/([^/]+)$/.exec(path);
  if (event) {
    const id = decoded(event[1]!);
    return id ? { page: 'event', id } : { page: 'lost', kind: 'event', path };
  }
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite) {
    const token = decoded(invite[1]!);
    return token ? { page: 'invite', token } : { page: 'lost', kind: 'invite', path };
  }
  const place = spacePlace(path);
  if (place) return { page: 'space', ...place, ...(path === '/' ? { landing: true } : {}) };
  if (path.startsWith('/s/')) {
    const spaceId = spaceNamed(path);
    return spaceId ? { page: 'lost', kind: 'space', path, spaceId } : { page: 'lost', kind: 'space', path };
  }
  return { page: 'lost', kind: 'page', path };
}
