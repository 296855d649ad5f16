import { create } from 'zustand';
import type { SpaceLayout } from '../../shared/spaces/layout.js';

/** What is known about one space's layout, as loaded by net/spaces.ts. */
export type SpaceEntry =
  | { status: 'loading' }
  | { status: 'ready'; layout: SpaceLayout }
  /** The server says there is no such space. */
  | { status: 'missing'; error: string }
  /** The server could not be reached or answered oddly; loading again may help. */
  | { status: 'failed'; error: string };

export interface SpacesState {
  entries: Record<string, SpaceEntry>;
  set: (id: string, entry: SpaceEntry) => void;
}

/** Reactive mirror of the layout cache: read with selectors in components, written by net/spaces.ts. */
export const useSpaces = create<SpacesState>((set) => ({
  entries: {},
  set: (id, entry) => set((s) => ({ entries: { ...s.entries, [id]: entry } })),
}));
