import { useEffect } from 'react';
import { followLocation } from './net/connection.js';
import { spaceFromPath } from './route.js';
import { World } from './scene/World.js';
import { useUi } from './state/ui.js';
import { Hud } from './ui/Hud.js';
import { JoinForm } from './ui/JoinForm.js';

/** The join form until a person enters; then the world with its overlays. */
export function App() {
  const phase = useUi((s) => s.phase);
  const layout = useUi((s) => s.layout);

  useEffect(() => {
    const onPop = () => {
      const next = spaceFromPath(location.pathname);
      if (useUi.getState().phase === 'world') followLocation(next);
      else useUi.setState({ spaceId: next, error: null });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    document.title = phase === 'world' && layout ? `${layout.name} · Hustings` : 'Hustings';
  }, [phase, layout]);

  if (phase === 'world' && layout) {
    return (
      <>
        <World layout={layout} />
        <Hud />
      </>
    );
  }
  return <JoinForm />;
}
