import { useUi, type Person } from '../../state/ui.js';

/** This person as the people list has them (seat, hand, role), once in a space. */
export function useSelf(): Person | undefined {
  return useUi((s) => s.people.find((p) => p.id === s.selfId));
}
