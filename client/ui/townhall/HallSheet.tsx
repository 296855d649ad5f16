import { useLayoutEffect, useRef } from 'react';
import { VoiceDock } from '../voice/VoiceDock.js';
import { HallControls } from './HallControls.js';
import { HallStatus } from './HallStatus.js';
import { QaPanel } from './QaPanel.js';
import { ReactionTotals } from './ReactionTotals.js';
import { StageControls } from './StageControls.js';

/** The CSS variables the 3D view's top and bottom edges follow (styles.css: .world-canvas). */
const SHEET_VAR = '--sheet-h';
const TOP_VAR = '--sheet-top';
/** What stacks at the top of a phone's screen (the header, the people list): the view starts below it. */
const TOP_STACK = '.hud > .header, .hud > .hud-side.right';

/**
 * A phone in the town hall: the event, the Q&A and the controls in one sheet docked at the bottom
 * (the Q&A unfolds upwards in it), and the 3D view shrinks to the space between it and the
 * header, so the stage screen is never under a panel. Both are measured, not guessed.
 */
export function HallSheet() {
  const sheet = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = sheet.current;
    if (!el) return;
    const root = document.documentElement;
    const top = Array.from(document.querySelectorAll<HTMLElement>(TOP_STACK));
    const follow = () => {
      root.style.setProperty(SHEET_VAR, `${Math.ceil(el.getBoundingClientRect().height)}px`);
      root.style.setProperty(TOP_VAR, `${Math.ceil(Math.max(0, ...top.map((t) => t.getBoundingClientRect().bottom)))}px`);
    };
    follow();
    const watcher = new ResizeObserver(follow);
    watcher.observe(el);
    for (const t of top) watcher.observe(t);
    return () => {
      watcher.disconnect();
      root.style.removeProperty(SHEET_VAR);
      root.style.removeProperty(TOP_VAR);
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
