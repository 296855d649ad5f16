import { useEffect, useRef } from 'react';
import { micLevel } from '../../voice/micMeter.js';

/**
 * How loud the microphone is, redrawn every animation frame by writing a CSS variable (no
 * React render per frame). Moves even while muted: that is the mic check.
 */
export function LevelMeter() {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      bar.current?.style.setProperty('--level', micLevel().toFixed(3));
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div className="level-meter" ref={bar} role="img" aria-label="Microphone level">
      <div className="level-fill" />
    </div>
  );
}
