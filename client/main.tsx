import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { restoreAccount } from './net/account.js';
import { resumeSpace } from './net/connection.js';
import { rememberedName } from './net/session.js';
import { raiseHand, releaseFloor, stand, vote } from './net/townhall.js';
import { routeFromLocation } from './route.js';
import { intents } from './state/intents.js';
import { castVotes } from './net/ballots.js';
import { useUi } from './state/ui.js';
import { setMicMuted, speakNow } from './voice/microphone.js';

// The page's CSP forbids eval; tell zod not to probe for it.
z.config({ jitless: true });

/** The ports 3D panels send through (they never import net/ or voice/ themselves). */
function wireIntents(): void {
  intents.hall = { raiseHand, releaseFloor, stand, vote };
  intents.mic = { setMuted: (muted) => void setMicMuted(muted), speakNow };
  intents.ballot = { cast: (ballotId, votes) => void castVotes(ballotId, votes) };
}

async function start(): Promise<void> {
  wireIntents();
  if (import.meta.env.MODE === 'test') await import('./testHook.js');
  // Browser tests of VR install an emulated headset before the page asks what it offers.
  if (import.meta.env.MODE === 'test') await (await import('./testXrEmulator.js')).installXrEmulator();
  const route = routeFromLocation(location.pathname, location.search);
  const spaceId = route.page === 'space' ? route.spaceId : '';
  useUi.setState({ route, spaceId, name: rememberedName() });
  // The stored account session is used at once; the server's view of it follows.
  const checked = restoreAccount();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // A reload of a tab that was in this space takes its place back; otherwise the form waits.
  if (route.page === 'space') {
    await checked;
    await resumeSpace(spaceId);
  }
}

void start();
