import { lazy } from 'react';

/** Waits between tries of a chunk that failed to load (ms): the server restarting, or a network blip. */
const RETRY_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];

/**
 * Loads a chunk, trying again with backoff when the fetch fails (a deploy or restart under the
 * visitor, a dropped connection): React.lazy keeps a rejected load for ever, and its error would
 * take down the tree around it. Gives up (rejects) after the last wait.
 */
export async function importWithRetry<T>(load: () => Promise<T>, waits: readonly number[] = RETRY_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (err) {
      const wait = waits[attempt];
      if (wait === undefined) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** React.lazy over importWithRetry. */
export const lazyRetry: typeof lazy = (load) => lazy(() => importWithRetry(load));
