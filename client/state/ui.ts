import { create } from 'zustand';
import type { Role } from '../../shared/access.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import type { Route } from '../route.js';

/** Where the connection stands, as a person sees it. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface Person {
  id: string;
  name: string;
  connected: boolean;
  /** The badge the server gives this person here ('visitor' shows none). */
  role: Role;
  /** Town hall: the seat they sit in (-1 standing) and their raised hand's place (0 for none). */
  seat: number;
  hand: number;
}

export interface Toast { id: number; text: string }

/** Reactive UI state: read with selectors in components, written by net/ and ui/. */
export interface UiState {
  /** The page the address bar names (client/navigation.ts keeps it in step). */
  route: Route;
  /** 'landing' shows the join form; 'world' shows the scene and overlays. */
  phase: 'landing' | 'world';
  status: ConnectionStatus;
  spaceId: string;
  /** The layout of the space we are in (or entering); null on the landing page before a join. */
  layout: SpaceLayout | null;
  selfId: string;
  name: string;
  people: Person[];
  toast: Toast | null;
  /** A sentence explaining why joining failed or why the connection ended. */
  error: string | null;
}

export const useUi = create<UiState>(() => ({
  route: { page: 'space', spaceId: '' },
  phase: 'landing',
  status: 'idle',
  spaceId: '',
  layout: null,
  selfId: '',
  name: '',
  people: [],
  toast: null,
  error: null,
}));

let toastId = 0;

export function showToast(text: string): void {
  toastId += 1;
  useUi.setState({ toast: { id: toastId, text } });
}

export function dismissToast(id: number): void {
  if (useUi.getState().toast?.id === id) useUi.setState({ toast: null });
}
