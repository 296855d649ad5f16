import { create } from 'zustand';
import { AvatarLook, defaultLook } from '../../shared/protocol/look.js';

/**
 * The look this visitor chose, as the picker shows it: remembered in this browser (so a new guest
 * session starts from it) and `pending` until the server has kept it (client/net/look.ts).
 */
const LOOK_KEY = 'hustings:look';

function remembered(): AvatarLook | null {
  try {
    const parsed = AvatarLook.safeParse(JSON.parse(localStorage.getItem(LOOK_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // storage disabled, or not JSON
  }
}

interface LookState {
  /** What the picker shows: the remembered look, the server's, or one made up for the first visit. */
  look: AvatarLook;
  /** Chosen here and not yet kept by the server. */
  pending: boolean;
  /** The server's look has been read for this session. */
  known: boolean;
}

export const useLook = create<LookState>(() => {
  const saved = remembered();
  return { look: saved ?? defaultLook(String(Math.random())), pending: saved !== null, known: false };
});

/** The visitor picked something: remember it and send it when there is a session. */
export function chooseLook(look: AvatarLook): void {
  try {
    localStorage.setItem(LOOK_KEY, JSON.stringify(look));
  } catch { /* storage disabled: kept for this page only */ }
  useLook.setState({ look, pending: true });
}
