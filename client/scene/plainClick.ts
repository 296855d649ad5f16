import type { ThreeEvent } from '@react-three/fiber';

/** A press that moved further than this (CSS px) was a drag to look, not a click. */
export const CLICK_SLOP_PX = 6;

/**
 * Was this a plain click (primary button, no drag)? A VR controller's ray is not a mouse:
 * its events have no drag distance (reading `delta` throws), and every select is a click.
 */
export function isPlainClick(e: ThreeEvent<MouseEvent>): boolean {
  if (!(e.nativeEvent instanceof MouseEvent)) return true;
  return e.delta <= CLICK_SLOP_PX && e.button === 0;
}
