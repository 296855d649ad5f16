import { create } from 'zustand';

/**
 * Whether to show touch controls: the primary pointer is a finger (phones, tablets), or a finger
 * has just touched the page (a laptop's touchscreen). A mouse or a key used afterwards does not
 * hide them again: people switch back and forth, and controls that come and go are worse.
 */

export interface TouchState { touch: boolean }

function coarsePrimary(): boolean {
  return typeof window !== 'undefined' && (window.matchMedia?.('(pointer: coarse)').matches ?? false);
}

export const useTouch = create<TouchState>(() => ({ touch: coarsePrimary() }));

/** Notice the first touch on the page. Returns the cleanup. */
export function watchTouch(): () => void {
  const onDown = (e: PointerEvent) => {
    if (e.pointerType === 'touch' && !useTouch.getState().touch) useTouch.setState({ touch: true });
  };
  window.addEventListener('pointerdown', onDown, { capture: true, passive: true });
  return () => window.removeEventListener('pointerdown', onDown, { capture: true });
}
