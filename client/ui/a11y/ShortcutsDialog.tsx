import { LazyPart } from '../../LazyPart.js';
import { lazyRetry } from '../../lazyRetry.js';
import { useA11y } from '../../state/a11y.js';
import { useExhibits } from '../../state/exhibits.js';
import { useUi } from '../../state/ui.js';

/** The sheet and its dialog (react-aria) are a chunk fetched the first time "?" is pressed. */
const ShortcutsSheet = lazyRetry(() => import('./ShortcutsSheet.js').then((m) => ({ default: m.ShortcutsSheet })));

/** The keyboard shortcuts, on "?" (ShortcutsSheet.tsx), while the a11y store says they are open. */
export function ShortcutsDialog() {
  const open = useA11y((s) => s.shortcutsOpen);
  const townhall = useUi((s) => s.layout?.kind === 'townhall');
  const editing = useExhibits((s) => s.editMode);
  if (!open) return null;
  return <LazyPart><ShortcutsSheet townhall={townhall} editing={editing} /></LazyPart>;
}
