import { Canvas } from '@react-three/fiber';
import { Suspense } from 'react';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { Atmosphere } from './Atmosphere.js';
import { Avatars } from './Avatars.js';
import { Boxes } from './Boxes.js';
import { CameraRig } from './CameraRig.js';
import { Circles } from './Circles.js';
import { DragLook } from './DragLook.js';
import { Exhibits } from './exhibits/Exhibits.js';
import { EditorScene } from './editor/EditorScene.js';
import { FrameProbe } from './FrameProbe.js';
import { Ground } from './Ground.js';
import { Lighting } from './Lighting.js';
import { NameTags } from './NameTags.js';
import { Portals } from './Portals.js';
import { Signs } from './Signs.js';
import { Simulation } from './Simulation.js';
import { SpeakingRipples } from './SpeakingRipples.js';
import { TownHallStage } from './TownHallStage.js';
import { VrBodies } from './VrBodies.js';
import { VrSlot } from './VrSlot.js';

/** The 3D view of one space. Scenery remounts when the space changes; avatars and camera persist. */
export function World({ layout }: { layout: SpaceLayout }) {
  return (
    <Canvas
      className="world-canvas"
      shadows="percentage"
      dpr={[1, 1.5]}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      camera={{ fov: 55, near: 0.1, far: 400, position: [0, 6, 16] }}
      aria-label={`3D view of ${layout.name}`}
    >
      <Simulation />
      <DragLook />
      <group key={layout.id}>
        <Atmosphere layout={layout} />
        <Lighting layout={layout} />
        <Ground layout={layout} />
        <Boxes layout={layout} />
        <Circles layout={layout} />
        <Suspense fallback={null}>
          <Portals layout={layout} />
          <Signs layout={layout} />
        </Suspense>
        {(layout.stage || layout.seats.length > 0) && <TownHallStage layout={layout} />}
        <Exhibits />
      </group>
      <EditorScene />
      <Avatars />
      <SpeakingRipples />
      <NameTags />
      <CameraRig />
      <FrameProbe />
      <VrBodies />
      <VrSlot />
    </Canvas>
  );
}
