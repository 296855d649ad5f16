import { LazyPart } from '../LazyPart.js';
import { lazyRetry } from '../lazyRetry.js';
import { Suspense, useEffect } from 'react';
import { useA11y } from '../state/a11y.js';
import { useExhibits } from '../state/exhibits.js';
import { useTouch } from '../state/touch.js';
import { useUi } from '../state/ui.js';
import { world } from '../state/world.js';
import { followVoice } from '../voice/followVoice.js';
import { DisconnectedNotice } from './DisconnectedNotice.js';
import { EnterVrButton } from './EnterVrButton.js';
import { EditHint, useInspecting } from './editor/EditHint.js';
import { BallotPanel } from './ballots/BallotPanel.js';
import { HallAnnouncer } from './a11y/HallAnnouncer.js';
import { ShortcutsDialog } from './a11y/ShortcutsDialog.js';
import { useShortcutKeys } from './a11y/useShortcutKeys.js';
import { ExhibitHud } from './exhibits/ExhibitHud.js';
import { ConsensusHud } from './consensus/ConsensusHud.js';
import { ExhibitOverlay } from './exhibits/ExhibitOverlay.js';
import { HelpHint } from './HelpHint.js';
import { PeopleList } from './PeopleList.js';
import { SpaceHeader } from './SpaceHeader.js';
import { Toast } from './Toast.js';
import { TouchControls } from './touch/TouchControls.js';
import { ModerationPanel } from './townhall/ModerationPanel.js';
import { TownHallHud } from './townhall/TownHallHud.js';
import { VoiceDock } from './voice/VoiceDock.js';

/** The editor is its own chunk: only curators in edit mode download it. */
const EditorHud = lazyRetry(() => import('./editor/EditorHud.js').then((m) => ({ default: m.EditorHud })));
const Inspector = lazyRetry(() => import('./editor/Inspector.js').then((m) => ({ default: m.Inspector })));
/** So is the accessible view: fetched when a visitor first opens it, not before the first frame. */
const AccessibleView = lazyRetry(() => import('./a11y/AccessibleView.js').then((m) => ({ default: m.AccessibleView })));

/** Everything drawn over the 3D view (voice included); town halls add Q&A, the audience's controls and moderation. */
/** Runs `start` once our avatar has been drawn; returns the cleanup (of `start`, or of the wait). */
function afterFirstFrame(start: () => () => void): () => void {
  let stop: (() => void) | null = null;
  let raf = 0;
  const check = () => {
    if (world.framesSinceSelf > 0) stop = start();
    else raf = requestAnimationFrame(check);
  };
  check();
  return () => {
    cancelAnimationFrame(raf);
    stop?.();
  };
}

export function Hud() {
  const townhall = useUi((s) => s.layout?.kind === 'townhall');
  // Voice follows the space we are in for as long as the world is shown. It starts once the
  // world has drawn itself, so LiveKit's library (its own chunk) never delays the first frame.
  useEffect(() => afterFirstFrame(followVoice), []);
  // Edit mode (curators): the editor panel on the left, the selected exhibit's inspector on the right.
  const editing = useExhibits((s) => s.editMode);
  const inspecting = useInspecting();
  // Phones and tablets: a thumb stick and thumb-sized buttons (client/ui/touch).
  const touch = useTouch((s) => s.touch);
  // Keyboard and screen readers: "?" and H, and the accessible view in place of the 3D view's overlays.
  useShortcutKeys();
  const accessibleView = useA11y((s) => s.viewOpen);
  if (accessibleView) {
    return (
      <div className="hud a11y-open">
        <LazyPart fallback={<p className="page-loading" role="status">Loading the accessible view…</p>}>
          <AccessibleView />
        </LazyPart>
        <ExhibitOverlay />
        <ShortcutsDialog />
        <Toast />
        <DisconnectedNotice />
      </div>
    );
  }
  return (
    <div className={`hud${townhall ? ' townhall' : ''}${touch ? ' touch' : ''}`}>
      <SpaceHeader />
      <div className={inspecting ? 'hud-side right inspecting' : 'hud-side right'}>
        {inspecting ? <Suspense fallback={null}><Inspector /></Suspense> : <PeopleList />}
        {townhall && !editing && <ModerationPanel />}
        {!editing && !inspecting && <BallotPanel />}
        {/* In the column's flow, not in a corner of its own: two staff panels never cover each other. */}
        {!editing && !inspecting && <ConsensusHud />}
      </div>
      {editing ? <Suspense fallback={null}><EditorHud /></Suspense> : townhall ? <TownHallHud /> : (
        <div className="hud-bottom">
          <VoiceDock />
        </div>
      )}
      <ExhibitHud />
      <Toast />
      {editing ? <EditHint /> : <HelpHint townhall={townhall} />}
      <TouchControls townhall={townhall} />
      <DisconnectedNotice />
      {townhall && <HallAnnouncer shown={false} />}
      <ShortcutsDialog />
      <EnterVrButton />
    </div>
  );
}
