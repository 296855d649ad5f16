import { useTouch } from '../state/touch.js';

/** How to move, always in view but out of the way. */
export function HelpHint({ townhall = false }: { townhall?: boolean }) {
  const touch = useTouch((s) => s.touch);
  if (touch) {
    return (
      <p className="panel help">
        {townhall ? 'Stick to walk · drag to look · tap a free seat to sit' : 'Stick to walk · drag to look · tap an exhibit to open it'}
      </p>
    );
  }
  return (
    <p className="panel help">
      {townhall
        ? 'WASD to walk · drag to look · click a free seat to sit · ? for all keys'
        : 'WASD to walk · Shift to run · drag to look · click the floor to walk there · ? for all keys'}
    </p>
  );
}
