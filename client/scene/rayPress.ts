import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';

/** A ray's press longer than this is a hold, not a press (ms). */
const PRESS_MS = 1000;

/** Did this event come from a VR controller's ray (not the mouse, a pen or a finger)? */
export function fromRay(e: ThreeEvent<MouseEvent | PointerEvent>): boolean {
  return !(e.nativeEvent instanceof MouseEvent);
}

/**
 * A VR ray's press anywhere on a group (down and up on any of its parts) as one press. The
 * library's own click needs both on the very same mesh, and a ray on an exhibit's text lying on
 * its board flips between the two from frame to frame, so a click there can go missing.
 * Mouse and touch keep their ordinary onClick.
 */
export function useRayPress(onPress: () => void): {
  onPointerDown: (e: ThreeEvent<PointerEvent>) => void;
  onPointerUp: (e: ThreeEvent<PointerEvent>) => void;
} {
  return useMemo(() => {
    let down: { pointerId: number; at: number } | null = null;
    return {
      onPointerDown: (e: ThreeEvent<PointerEvent>) => {
        if (!fromRay(e)) return;
        e.stopPropagation();
        down = { pointerId: e.pointerId, at: performance.now() };
      },
      onPointerUp: (e: ThreeEvent<PointerEvent>) => {
        if (!fromRay(e) || !down) return;
        e.stopPropagation();
        const pressed = down.pointerId === e.pointerId && performance.now() - down.at <= PRESS_MS;
        down = null;
        if (pressed) onPress();
      },
    };
  }, [onPress]);
}
