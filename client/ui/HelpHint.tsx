/** How to move, always in view but out of the way. */
export function HelpHint({ townhall = false }: { townhall?: boolean }) {
  return (
    <p className="panel help">
      {townhall
        ? 'WASD to walk · drag to look · click a free seat to sit · ? for all keys'
        : 'WASD to walk · Shift to run · drag to look · click the floor to walk there · ? for all keys'}
    </p>
  );
}
