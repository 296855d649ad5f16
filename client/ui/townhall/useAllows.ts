import { allows, type Action } from '../../../shared/access.js';
import { principalOf, useMe } from '../../state/account.js';
import { useUi } from '../../state/ui.js';

/**
 * Whether the person here may do `action` in the current space, by the permissions table.
 * Only for hiding controls they could not use: the server checks every message itself.
 */
export function useAllows(action: Action): boolean {
  const me = useMe();
  const spaceId = useUi((s) => s.spaceId);
  const inSpace = useUi((s) => s.phase === 'world');
  return allows(action, principalOf(me, inSpace), spaceId);
}
