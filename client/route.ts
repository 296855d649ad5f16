import { DEFAULT_SPACE } from '../shared/spaces/defaults.js';
import { SpaceId } from '../shared/spaces/layout.js';

/** The pages of the app, one per kind of address. */
export type Route =
  /** `/` (the plaza) and `/s/<spaceId>`: the join form, then the world. */
  | { page: 'space'; spaceId: string }
  /** `/login?next=/somewhere`. */
  | { page: 'login'; next: string }
  /** `/invite/<token>`: the link an admin sends. */
  | { page: 'invite'; token: string }
  | { page: 'admin' }
  | { page: 'account' }
  /** `/events`: live, upcoming and past events; scheduling for hosts. */
  | { page: 'events' }
  /** `/events/<id>`: one event's public record. */
  | { page: 'event'; id: string };

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

/** A path on this site to go to after signing in; anything else (another origin) becomes `/`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function pathForEvent(id: string): string {
  return `/events/${encodeURIComponent(id)}`;
}

export function loginPath(next?: string): string {
  const target = safeNext(next);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

export function routeFromLocation(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/login') return { page: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  if (path === '/admin') return { page: 'admin' };
  if (path === '/account') return { page: 'account' };
  if (path === '/events') return { page: 'events' };
  const event = /^\/events\/([^/]+)$/.exec(path);
  if (event) return { page: 'event', id: decodeURIComponent(event[1]!) };
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite) return { page: 'invite', token: decodeURIComponent(invite[1]!) };
  return { page: 'space', spaceId: spaceFromPath(pathname) };
}
