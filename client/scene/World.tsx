import { Canvas } from '@react-three/fiber';
import { Suspense, useState } from 'react';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { WORLD_KEYS_ID, useA11y } from '../state/a11y.js';
import { useGraphics } from '../state/graphics.js';
import { Atmosphere } from './Atmosphere.js';
import { Avatars } from './Avatars.js';
import { BallotStand } from './BallotStand.js';
import { Boxes } from './Boxes.js';
import { CameraRig } from './CameraRig.js';
import { Circles } from './Circles.js';
import { ConsensusMap } from './ConsensusMap.js';
import { DragLook } from './DragLook.js';
import { Exhibits } from './exhibits/Exhibits.js';
import { EditorScene } from './editor/EditorScene.js';
import { FootShadows } from './FootShadows.js';
import { FrameProbe } from './FrameProbe.js';
import { EnvironmentLight } from './EnvironmentLight.js';
import { Ground } from './Ground.js';
import { Lighting } from './Lighting.js';
import { lightRig } from './lightRig.js';
import { NameTags } from './NameTags.js';
import { Portals } from './Portals.js';
import { PortraitView } from './PortraitView.js';
import { Signs } from './Signs.js';
import { Simulation } from './Simulation.js';
import { SpeakingRipples } from './SpeakingRipples.js';
import { TownHallStage } from './TownHallStage.js';
import { Venue } from './Venue.js';
import { VrBodies } from './VrBodies.js';
import { VrSlot } from './VrSlot.js';

/** The 3D view of one space. Scenery remounts when the space changes; avatars and camera persist. */
export function World({ layout }: { layout: SpaceLayout }) {
  // Behind the accessible view the 3D view is out of the keyboard's and screen readers' way.
  const hidden = useA11y((s) => s.viewOpen);
  // The graphics tier (client/state/graphicsTier.ts): pixel ratio and shadows follow a change at
  // once; antialiasing is fixed when the WebGL context is made, so it follows on the next visit.
  const dpr = useGraphics((s) => s.settings.dpr);
  const shadows = useGraphics((s) => s.settings.shadows);
  const [antialias] = useState(() => useGraphics.getState().settings.antialias);
  return (
    <Canvas
      className="world-canvas"
      shadows={shadows ? 'percentage' : false}
      dpr={dpr}
      gl={{ antialias, powerPreference: 'high-performance' }}
      camera={{ fov: 55, near: 0.1, far: 400, position: [0, 6, 16] }}
      aria-label={`3D view of ${layout.name}`}
      role="application"
      aria-describedby={WORLD_KEYS_ID}
      tabIndex={hidden ? -1 : 0}
      aria-hidden={hidden || undefined}
    >
      <Simulation />
      <DragLook />
      <group key={layout.id}>
        <Atmosphere layout={layout} />
        <Lighting layout={layout} />
        <EnvironmentLight intensity={lightRig(layout).environment} />
        <Venue layout={layout} />
        <Ground layout={layout} />
        <Boxes layout={layout} />
        <Circles layout={layout} />
        <Suspense fallback={null}>
          <Portals layout={layout} />
          <Signs layout={layout} />
        </Suspense>
        {(layout.stage || layout.seats.length > 0) && <TownHallStage layout={layout} />}
        <Exhibits />
        <BallotStand layout={layout} />
        <ConsensusMap spaceId={layout.id} />
      </group>
      <EditorScene />
      <Avatars />
      <FootShadows />
      <SpeakingRipples />
      <NameTags />
      <CameraRig />
      <PortraitView />
      <FrameProbe />
      <VrBodies />
      <VrSlot />
    </Canvas>
  );
}
