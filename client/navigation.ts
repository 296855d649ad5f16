import { followLocation, leaveSpace } from './net/connection.js';
import { followExhibitLink } from './net/exhibits.js';
import { routeFromLocation } from './route.js';
import { useUi } from './state/ui.js';

/**
 * Moving between pages without reloading: the address bar is the source of truth, and the
 * ui store's `route` follows it (on navigate() and on back/forward).
 */

/** Bring the stores in line with the address bar. */
export function followAddress(): void {
  const route = routeFromLocation(location.pathname, location.search);
  const ui = useUi.getState();
  useUi.setState({ route });
  if (route.page === 'space') {
    if (ui.phase === 'world') {
      followLocation(route.spaceId);
      // An exhibit link within the space we are in: turn to it and open it.
      if (route.exhibitId && route.spaceId === ui.spaceId) followExhibitLink(route.exhibitId);
    } else {
      useUi.setState({ spaceId: route.spaceId, error: null });
    }
  } else if (ui.phase === 'world') {
    void leaveSpace();
  }
}

/** Go to a path on this site (pushState; `replace` for redirects the back button should skip). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  followAddress();
  window.scrollTo?.(0, 0);
}
