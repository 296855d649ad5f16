import { useLayoutEffect, useRef, useState } from 'react';

/** A ray's press longer than this is a hold, not a press (ms). */
export const PRESS_MS = 1000;

/** Did this event come from a VR controller's ray (not the mouse, a pen or a finger)? */
export function fromRay(e: { nativeEvent: Event }): boolean {
  return !(e.nativeEvent instanceof MouseEvent);
}

/** What the press handlers read from an event (a subset of R3F's, so they can be tested alone). */
export interface RayPressEvent {
  pointerId: number;
  nativeEvent: Event;
  stopPropagation(): void;
}

export interface RayPressHandlers {
  onPointerDown: (e: RayPressEvent) => void;
  onPointerUp: (e: RayPressEvent) => void;
}

/**
 * The handlers behind useRayPress: down then up from the same ray, within PRESS_MS, calls
 * `press()` once. Mouse and touch are left alone (their own onClick acts).
 */
export function rayPressHandlers(press: () => void, now: () => number = () => performance.now()): RayPressHandlers {
  let down: { pointerId: number; at: number } | null = null;
  return {
    onPointerDown: (e) => {
      if (!fromRay(e)) return;
      e.stopPropagation();
      down = { pointerId: e.pointerId, at: now() };
    },
    onPointerUp: (e) => {
      if (!fromRay(e) || !down) return;
      e.stopPropagation();
      const pressed = down.pointerId === e.pointerId && now() - down.at <= PRESS_MS;
      down = null;
      if (pressed) press();
    },
  };
}

/**
 * A VR ray's press anywhere on a group (down and up on any of its parts) as one press. The
 * library's own click needs both on the very same mesh, and a ray on an exhibit's text lying on
 * its board flips between the two from frame to frame, so a click there can go missing.
 * Mouse and touch keep their ordinary onClick.
 *
 * The handlers live as long as the component and call the newest `onPress`: a press spans
 * frames (a quarter of a second here on a software renderer), and a parent that re-renders
 * meanwhile (the floor mic's countdown ticks every second, a twin's figures change) must not
 * forget that the trigger went down. Rebuilding them on every new `onPress` lost exactly those
 * presses: the VR floor-mic Unmute that failed in clean-clone runs.
 */
export function useRayPress(onPress: () => void): RayPressHandlers {
  const latest = useRef(onPress);
  useLayoutEffect(() => {
    latest.current = onPress;
  });
  const [handlers] = useState(() => rayPressHandlers(() => latest.current()));
  return handlers;
}
