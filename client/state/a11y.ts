import { create } from 'zustand';

/**
 * The keyboard and screen-reader side of the world UI: whether the accessible view is shown
 * instead of the 3D view, and whether the shortcuts sheet is open. Written by ui/a11y.
 */
export interface A11yState {
  /** The accessible view (a text rendering of the space) replaces the 3D view on screen. */
  viewOpen: boolean;
  /** The keyboard shortcuts sheet ("?") is open. */
  shortcutsOpen: boolean;
}

/** The id of the sentence that tells keyboard and screen-reader users what the 3D view does with keys. */
export const WORLD_KEYS_ID = 'world-keys';

export const useA11y = create<A11yState>(() => ({ viewOpen: false, shortcutsOpen: false }));

export function setAccessibleView(open: boolean): void {
  useA11y.setState({ viewOpen: open });
}

export function setShortcutsOpen(open: boolean): void {
  useA11y.setState({ shortcutsOpen: open });
}
