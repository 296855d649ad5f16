import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { releaseStick, setStick } from '../../input/controls.js';
import { STICK_REST, stickAxes, type Knob } from '../../input/stick.js';

/**
 * A thumb stick for touch screens, bottom left: drag the knob to walk (the direction is relative
 * to where the view faces, as with WASD), beyond the rim to run. Each finger is followed by its
 * pointer id, so another finger can drag the view at the same time.
 */
export function TouchJoystick() {
  const base = useRef<HTMLDivElement>(null);
  const finger = useRef(-1);
  const [knob, setKnob] = useState<Knob>(STICK_REST);

  // Leaving the world (or the controls hiding) must not leave the avatar walking.
  useEffect(() => () => releaseStick(), []);

  const follow = (e: PointerEvent<HTMLDivElement>) => {
    const rect = base.current!.getBoundingClientRect();
    const axes = stickAxes(e.clientX - (rect.left + rect.width / 2), e.clientY - (rect.top + rect.height / 2));
    setStick(axes.forward, axes.strafe, axes.run);
    setKnob(axes.knob);
  };
  const release = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerId !== finger.current) return;
    finger.current = -1;
    releaseStick();
    setKnob(STICK_REST);
  };

  return (
    // Pointer-only: keyboards walk with WASD, and the accessible view needs no walking.
    <div
      ref={base}
      className="touch-stick"
      aria-hidden="true"
      data-active={knob !== STICK_REST ? 'true' : undefined}
      onPointerDown={(e) => {
        if (finger.current >= 0) return;
        finger.current = e.pointerId;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
        follow(e);
      }}
      onPointerMove={(e) => {
        if (e.pointerId === finger.current) follow(e);
      }}
      onPointerUp={release}
      onPointerCancel={release}
      onLostPointerCapture={release}
    >
      <div
        className={knob.running ? 'touch-knob running' : 'touch-knob'}
        style={{ transform: `translate(${knob.x}px, ${knob.y}px)` }}
      />
    </div>
  );
}
