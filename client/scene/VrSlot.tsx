import { useVr } from '../state/vr.js';

/** The VR-only part of the scene (client/xr), mounted once a session has started and its chunk loaded. */
export function VrSlot() {
  const module = useVr((s) => s.module);
  const session = useVr((s) => s.session);
  if (!module || !session) return null;
  const { VrRoot } = module;
  return <VrRoot session={session} />;
}
