import { create } from 'zustand';
import type { Principal } from '../../shared/access.js';
import type { Me } from '../../shared/protocol/api.js';

/** The signed-in account's session, shared by every tab (net/account.ts keeps it in storage). */
export interface AccountSession { token: string; me: Me }

export interface AccountState {
  /** Null when nobody is signed in on this browser. */
  session: AccountSession | null;
}

/** Reactive account state: read with selectors in components, written only by net/account.ts. */
export const useAccount = create<AccountState>(() => ({ session: null }));

/** Who is signed in, or null. */
export function useMe(): Me | null {
  return useAccount((s) => s.session?.me ?? null);
}

const GUEST: Principal = { kind: 'guest', grants: [] };

/**
 * Whom allows() should judge (only to hide controls; the server decides): the signed-in
 * account; else, inside a space, a guest; else nobody (no session).
 */
export function principalOf(me: Me | null, inSpace: boolean): Principal | null {
  if (me) return me;
  return inSpace ? GUEST : null;
}
