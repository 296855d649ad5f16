import type { ComponentType } from 'react';
import { create } from 'zustand';
import type { PackedPart, TeleportMessage, VrPoseMessage } from '../../shared/protocol/vr.js';

/**
 * VR: whether the browser offers immersive VR, the session's phase, comfort settings, and the
 * lazily loaded client/xr chunk (visitors who never press "Enter VR" never download it).
 */

/** What the client/xr chunk exports: the part of the scene that exists only in VR. */
export interface VrModule { VrRoot: ComponentType<{ session: XRSession }> }

export type VrPhase = 'off' | 'starting' | 'in';

export interface VrState {
  /** navigator.xr says immersive-vr is supported. */
  supported: boolean;
  phase: VrPhase;
  error: string | null;
  module: VrModule | null;
  session: XRSession | null;
  /** Darken the edges of the view while moving (comfort); on unless switched off. */
  vignette: boolean;
  /** Seated mode: in a town hall seat, the view is put at a seated eye height, facing the stage. */
  seated: boolean;
}

const VIGNETTE_KEY = 'hustings.vr.vignette';
const SEATED_KEY = 'hustings.vr.seated';

function stored(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    return fallback;
  }
}

export const useVr = create<VrState>(() => ({
  supported: false, phase: 'off', error: null, module: null, session: null,
  vignette: stored(VIGNETTE_KEY, true),
  seated: stored(SEATED_KEY, true),
}));

export function setVignette(on: boolean): void {
  useVr.setState({ vignette: on });
  try { localStorage.setItem(VIGNETTE_KEY, on ? '1' : '0'); } catch { /* private mode: kept for this visit */ }
}

export function setSeatedMode(on: boolean): void {
  useVr.setState({ seated: on });
  try { localStorage.setItem(SEATED_KEY, on ? '1' : '0'); } catch { /* private mode: kept for this visit */ }
}

/** Sends set by net/ while in a room (the VR chunk never talks to the server itself). */
export const vrLink = {
  pose: null as ((message: VrPoseMessage) => void) | null,
  teleport: null as ((message: TeleportMessage) => void) | null,
};

/** The head and hands of a VR visitor nearby, relative to their avatar; written by net/, read in useFrame. */
export interface RemoteVrPose {
  head: PackedPart;
  left: PackedPart | null;
  right: PackedPart | null;
  /** performance.now() when it arrived. */
  at: number;
}

export const remoteVrPoses = new Map<string, RemoteVrPose>();

/** The floor under a VR controller's ray (set by the VR chunk while in a session): point, and pick to teleport. */
export const vrFloor = {
  point: null as ((x: number, z: number) => void) | null,
  pick: null as ((x: number, z: number) => void) | null,
};
