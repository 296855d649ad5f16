import type * as LivekitModule from 'livekit-client';

/**
 * livekit-client, loaded on demand: the first space with voice fetches it as its own chunk, so
 * the first load of the page does not pay for it. A failed load is forgotten and tried again.
 */
export type Livekit = typeof LivekitModule;

let loading: Promise<Livekit> | null = null;

export function loadLivekit(): Promise<Livekit> {
  if (!loading) {
    const attempt = import('livekit-client').then((lk) => {
      // Its info logs (connection steps, periodic WebRTC stats) are for debugging LiveKit itself.
      lk.setLogLevel('warn');
      return lk;
    });
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}
