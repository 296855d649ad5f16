import type { MouseEvent } from 'react';
import { WORLD_KEYS_ID, setAccessibleView, useA11y } from '../../state/a11y.js';

/**
 * The first thing Tab reaches in a space: a link to the accessible view (hidden until it has
 * focus), and the description the focusable 3D view points at.
 */
export function SkipLink() {
  const open = useA11y((s) => s.viewOpen);
  const go = (e: MouseEvent) => {
    e.preventDefault();
    if (open) document.getElementById('accessible-view-title')?.focus();
    else setAccessibleView(true);
  };
  return (
    <>
      <a className="skip-link" href="#accessible-view" onClick={go}>Skip to accessible view</a>
      <p id={WORLD_KEYS_ID} className="visually-hidden">
        Walk with W A S D or the arrow keys. Tab goes from one exhibit to the next and Enter opens it.
        Question mark lists every shortcut.
      </p>
    </>
  );
}
