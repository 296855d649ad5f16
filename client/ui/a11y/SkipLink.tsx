import { WORLD_KEYS_ID, setAccessibleView, useA11y } from '../../state/a11y.js';

/**
 * The first thing Tab reaches in a space: "Skip to accessible view" (hidden until it has focus),
 * and the description the focusable 3D view points at. It opens a view rather than jumping to a
 * place on the page, so it is a button; with the description it makes a small landmark.
 */
export function SkipLink() {
  const open = useA11y((s) => s.viewOpen);
  const go = () => {
    if (open) document.getElementById('accessible-view-title')?.focus();
    else setAccessibleView(true);
  };
  return (
    <div role="region" aria-label="Getting around">
      <button type="button" className="skip-link" onClick={go}>Skip to accessible view</button>
      <p id={WORLD_KEYS_ID} className="visually-hidden">
        Walk with W A S D or the arrow keys. Tab goes from one exhibit to the next and Enter opens it.
        Question mark lists every shortcut.
      </p>
    </div>
  );
}
