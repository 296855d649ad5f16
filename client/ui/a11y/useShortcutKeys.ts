import { useEffect } from 'react';
import { raiseHand } from '../../net/townhall.js';
import { setAccessibleView, setShortcutsOpen, useA11y } from '../../state/a11y.js';
import { useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * The world's global shortcuts: "?" opens the shortcuts sheet, Escape leaves the accessible
 * view and, in a town hall, H raises or lowers one's hand. Never while typing, nor while a dialog has the keyboard.
 */
export function useShortcutKeys(): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      if (useA11y.getState().shortcutsOpen || useExhibits.getState().openId) return;
      if (e.key === 'Escape' && useA11y.getState().viewOpen) {
        // Wherever the focus is (even nowhere, after the button it was on went away).
        e.preventDefault();
        setAccessibleView(false);
        return;
      }
      if (e.key === '?') {
        e.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      if (e.code === 'KeyH' && !e.shiftKey) {
        const ui = useUi.getState();
        if (ui.layout?.kind !== 'townhall') return;
        const self = ui.people.find((p) => p.id === ui.selfId);
        if (!self) return;
        e.preventDefault();
        raiseHand(self.hand === 0);
      }
    };
    window.addEventListener('keydown', down);
    return () => window.removeEventListener('keydown', down);
  }, []);
}
