import { useEffect } from 'react';
import { activateExhibit, faceExhibit, setNear, useExhibits } from '../../state/exhibits.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** The 3D view (focusable: Tab from the skip link, or a click) has the keyboard. */
function worldFocused(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLCanvasElement || (active instanceof HTMLElement && active.classList.contains('world-canvas'));
}

/** Nothing on the page has the keyboard, or the 3D view has it: keys are for the world. */
function worldHasKeys(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || worldFocused();
}

/**
 * The visitor's keys for exhibits: E opens (or goes through) the highlighted exhibit; with
 * the 3D view focused, Tab / Shift+Tab move the highlight through the exhibits in tour order
 * (turning the avatar to face each) and Enter opens it. Tabbing past the last one lets the
 * keyboard go on to the page's controls, so Tab never traps anyone in the world.
 */
export function useExhibitKeys(): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      const s = useExhibits.getState();
      if (s.openId) return; // the overlay has its own keys
      if (e.code === 'KeyE' && !e.shiftKey) {
        if (!s.nearId) return;
        e.preventDefault();
        activateExhibit(s.nearId);
        return;
      }
      if (!worldHasKeys()) return;
      if (e.key === 'Enter' && s.nearId) {
        e.preventDefault();
        activateExhibit(s.nearId);
      } else if (e.key === 'Escape' && s.nearId && s.nearBy === 'keys') {
        setNear('', 'keys');
      } else if (e.key === 'Tab' && s.shown.length > 0 && (worldFocused() || s.nearBy === 'keys')) {
        // From the page itself (nothing focused yet) Tab goes to the skip link first, as on any page.
        // The tour goes on from an exhibit reached with Tab; one merely walked up to starts it afresh.
        const at = s.nearBy === 'keys' ? s.shown.findIndex((x) => x.id === s.nearId) : -1;
        const next = at < 0 ? (e.shiftKey ? s.shown.length - 1 : 0) : at + (e.shiftKey ? -1 : 1);
        const exhibit = s.shown[next];
        if (!exhibit) {
          setNear('', 'keys');
          return; // past either end: the browser moves focus into the page
        }
        e.preventDefault();
        setNear(exhibit.id, 'keys');
        faceExhibit(exhibit);
      }
    };
    window.addEventListener('keydown', down);
    return () => window.removeEventListener('keydown', down);
  }, []);
}
