import { create } from 'zustand';
import type { SpaceLayout } from '../../shared/spaces/layout.js';

/** Where the connection stands, as a person sees it. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface Person { id: string; name: string; connected: boolean }

export interface Toast { id: number; text: string }

/** Reactive UI state: read with selectors in components, written by net/ and ui/. */
export interface UiState {
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
