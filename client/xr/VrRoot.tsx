import { useThree } from '@react-three/fiber';
import { createXRStore, XR, XROrigin } from '@react-three/xr';
import { useEffect, useRef } from 'react';
import type { Group } from 'three';
import { useVr } from '../state/vr.js';
import { world } from '../state/world.js';
import { Vignette } from './Vignette.js';
import { TeleportMarker } from './TeleportMarker.js';
import { VrDriver } from './VrDriver.js';
import { VrPanel } from './VrPanel.js';
import { VrReader } from './VrReader.js';
import { vrMotion } from './vrMotion.js';

/**
 * The XR store. No emulator (tests install one themselves, only in test builds), no offer of a
 * session the person did not ask for, and controller and hand models from the app's own
 * /xr-profiles/ (the library's default is a public CDN).
 */
const store = createXRStore({
  emulate: false,
  offerSession: false,
  enterGrantedSession: false,
  baseAssetPath: `${location.origin}/xr-profiles/`,
  // A trigger held for up to a second still counts as a click (the library's 300 ms is short for
  // people with a slow or unsteady hand).
  controller: { teleportPointer: false, grabPointer: false, rayPointer: { clickThresholdMs: 1000 } },
  hand: { teleportPointer: false, grabPointer: false, rayPointer: { clickThresholdMs: 1000 } },
  frameRate: 'high',
});

/** Hands the session the "Enter VR" press started to three.js, and notes when it is on. */
function SessionHandOff({ session }: { session: XRSession }) {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    let live = true;
    world.xr.frames = 0;
    vrMotion.seatedFor = -2; // set up the view afresh on the first frame
    gl.xr.setSession(session).then(() => {
      if (live) world.xr.presenting = true;
    }).catch((err: unknown) => {
      useVr.setState({ phase: 'off', session: null, error: err instanceof Error ? `VR could not start: ${err.message}` : 'VR could not start.' });
      void session.end().catch(() => undefined);
    });
    const ended = () => { world.xr.presenting = false; };
    session.addEventListener('end', ended);
    return () => {
      live = false;
      world.xr.presenting = false;
      session.removeEventListener('end', ended);
    };
  }, [gl, session]);
  return null;
}

/** Everything that exists only in VR: the session, the player's origin, locomotion, comfort and in-world panels. */
export function VrRoot({ session }: { session: XRSession }) {
  const origin = useRef<Group>(null);
  return (
    <XR store={store}>
      <SessionHandOff session={session} />
      <XROrigin ref={origin}>
        <VrPanel />
      </XROrigin>
      <VrDriver origin={origin} />
      <TeleportMarker />
      <VrReader />
      <Vignette />
    </XR>
  );
}
