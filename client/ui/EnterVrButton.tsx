import { useEffect } from 'react';
import { useVr, type VrModule } from '../state/vr.js';

/** The VR chunk (client/xr): fetched on the first hover, focus or press of "Enter VR", never before. */
let loading: Promise<VrModule> | null = null;
function loadVr(): Promise<VrModule> {
  loading ??= import('../xr/VrRoot.js').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** Follow whether the browser offers immersive VR (a headset can be plugged in later). Returns the cleanup. */
function watchSupport(): () => void {
  const xr = navigator.xr;
  if (!xr) return () => undefined;
  let live = true;
  const check = () => {
    xr.isSessionSupported('immersive-vr')
      .then((supported) => { if (live) useVr.setState({ supported }); })
      .catch(() => { if (live) useVr.setState({ supported: false }); });
  };
  check();
  xr.addEventListener('devicechange', check);
  return () => {
    live = false;
    xr.removeEventListener('devicechange', check);
  };
}

/**
 * Ask for the session inside the click (browsers require the user's gesture for it), and fetch
 * the VR chunk at the same time; the scene hands the session to three.js once both are here.
 */
function enterVr(): void {
  const xr = navigator.xr;
  if (!xr || useVr.getState().phase !== 'off') return;
  useVr.setState({ phase: 'starting', error: null });
  const session = xr.requestSession('immersive-vr', { optionalFeatures: ['local-floor', 'hand-tracking'] });
  Promise.all([session, loadVr()])
    .then(([s, module]) => {
      s.addEventListener('end', () => useVr.setState({ phase: 'off', session: null }));
      useVr.setState({ module, session: s, phase: 'in' });
    })
    .catch((err: unknown) => {
      void session.then((s) => s.end()).catch(() => undefined);
      useVr.setState({ phase: 'off', error: err instanceof Error && err.message ? `VR could not start: ${err.message}` : 'VR could not start.' });
    });
}

/** "Enter VR", shown only when the browser offers immersive VR. */
export function EnterVrButton() {
  const supported = useVr((s) => s.supported);
  const phase = useVr((s) => s.phase);
  const error = useVr((s) => s.error);
  useEffect(() => watchSupport(), []);
  if (!supported) return null;
  const prefetch = () => void loadVr().catch(() => undefined);
  return (
    <div className="panel vr-entry">
      <button type="button" onClick={enterVr} onPointerEnter={prefetch} onFocus={prefetch} disabled={phase !== 'off'}>
        {phase === 'starting' ? 'Starting VR…' : phase === 'in' ? 'In VR' : 'Enter VR'}
      </button>
      {error && <p role="alert" className="vr-error">{error}</p>}
    </div>
  );
}
