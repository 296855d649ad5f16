/** How to move, always in view but out of the way. */
export function HelpHint() {
  return (
    <p className="panel help">WASD to walk · Shift to run · drag to look · click the floor to walk there</p>
  );
}
