import { useEffect, useRef, type KeyboardEvent } from 'react';
import { leaveSpace } from '../../net/connection.js';
import { setAccessibleView, setShortcutsOpen } from '../../state/a11y.js';
import { useUi } from '../../state/ui.js';
import { PeopleList } from '../PeopleList.js';
import { BallotPanel } from '../ballots/BallotPanel.js';
import { VoiceDock } from '../voice/VoiceDock.js';
import { ConsensusText } from '../consensus/ConsensusText.js';
import { useConsensus } from '../../state/consensus.js';
import { ExhibitsText } from './ExhibitsText.js';
import { HallAnnouncer } from './HallAnnouncer.js';
import { HallText } from './HallText.js';
import { SpaceText } from './SpaceText.js';

/** Keys that still reach the page's own shortcuts from inside the view (not walking). */
const PASS_THROUGH = new Set(['Slash', 'KeyH', 'KeyV']);

/** Give the keyboard back to the 3D view. */
function focusWorld(): void {
  document.querySelector<HTMLElement>('.world-canvas')?.focus();
}

/**
 * The space as a page of text, generated from the same data as the 3D view (the layout, the
 * exhibits, the town hall's state, the people here), with every action the 3D view offers:
 * opening exhibits, doors, seats, the Q&A, raising a hand, voice. It replaces the 3D view on
 * screen while open; Escape or "Back to the 3D view" returns there.
 */
export function AccessibleView() {
  const layout = useUi((s) => s.layout);
  const heading = useRef<HTMLHeadingElement>(null);
  const consensus = useConsensus((s) => s.conversation !== null);

  useEffect(() => {
    heading.current?.focus();
    return () => {
      // Closing hands the keyboard to the 3D view (not when leaving the space altogether).
      requestAnimationFrame(focusWorld);
    };
  }, []);

  if (!layout) return null;
  const townhall = layout.kind === 'townhall';

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      setAccessibleView(false);
      return;
    }
    // Keys here are for the page: arrows move in lists and selects, they do not walk the avatar.
    if (!PASS_THROUGH.has(e.code)) e.stopPropagation();
  };

  return (
    <div id="accessible-view" className="a11y-view" onKeyDown={onKeyDown}>
      <header className="a11y-head">
        <h1 id="accessible-view-title" ref={heading} tabIndex={-1}>{layout.name}: accessible view</h1>
        <nav aria-label="Accessible view">
          <ul>
            <li><a href="#a11y-space">Where you are</a></li>
            {townhall && <li><a href="#a11y-stage">Stage</a></li>}
            {townhall && <li><a href="#a11y-qa">Questions</a></li>}
            <li><a href="#a11y-exhibits">Exhibits</a></li>
            {consensus && <li><a href="#a11y-consensus">Consensus</a></li>}
            <li><a href="#a11y-people">People</a></li>
          </ul>
        </nav>
        <div className="a11y-actions">
          <button type="button" onClick={() => setAccessibleView(false)}>Back to the 3D view</button>
          <button type="button" className="secondary" onClick={() => setShortcutsOpen(true)}>Keyboard shortcuts</button>
          <button type="button" className="secondary" onClick={() => void leaveSpace()}>Leave</button>
        </div>
      </header>
      <main className="a11y-main">
        {townhall && <HallAnnouncer shown />}
        <SpaceText layout={layout} />
        {townhall && <HallText layout={layout} />}
        <ExhibitsText />
        <div id="a11y-ballots" className="a11y-section">
          <BallotPanel />
        </div>
        <ConsensusText />
        <div id="a11y-people" className="a11y-section">
          <PeopleList />
        </div>
        <section className="a11y-section" aria-label="Voice">
          <VoiceDock />
        </section>
      </main>
    </div>
  );
}
