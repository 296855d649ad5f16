import { useLayoutEffect, useRef } from 'react';
import { VoiceDock } from '../voice/VoiceDock.js';
import { HallControls } from './HallControls.js';
import { HallStatus } from './HallStatus.js';
import { QaPanel } from './QaPanel.js';
import { ReactionTotals } from './ReactionTotals.js';
import { StageControls } from './StageControls.js';

/** The CSS variable the 3D view's bottom edge follows (styles.css: .world-canvas). */
const SHEET_VAR = '--sheet-h';

/**
 * A phone in the town hall: the event, the Q&A and the controls in one sheet docked at the bottom
 * (the Q&A unfolds upwards in it), and the 3D view shrinks to the space above it, so the stage
 * screen is never under a panel. The sheet's height is measured, not guessed.
 */
export function HallSheet() {
  const sheet = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = sheet.current;
    if (!el) return;
    const root = document.documentElement;
    const follow = () => root.style.setProperty(SHEET_VAR, `${Math.ceil(el.getBoundingClientRect().height)}px`);
    follow();
    const watcher = new ResizeObserver(follow);
    watcher.observe(el);
    return () => {
      watcher.disconnect();
      root.style.removeProperty(SHEET_VAR);
    };
  }, []);
  return (
    <div ref={sheet} className="hall-sheet" role="region" aria-label="Event, questions and controls">
      <HallStatus />
      <StageControls />
      <QaPanel />
      <div className="hall-sheet-controls">
        <VoiceDock />
        <ReactionTotals />
        <HallControls />
      </div>
    </div>
  );
}
