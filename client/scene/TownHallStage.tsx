import { Suspense } from 'react';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { ConfidenceMonitor } from './ConfidenceMonitor.js';
import { FloorMic } from './FloorMic.js';
import { HandMarkers } from './HandMarkers.js';
import { Reactions } from './Reactions.js';
import { Seats } from './Seats.js';
import { SpeakerRings } from './SpeakerRings.js';
import { StageScreen } from './StageScreen.js';

/**
 * What makes a space a town hall in 3D: its seats, the screen behind the stage, the floor mic,
 * and what people do there (raised hands, reactions, who may speak).
 */
export function TownHallStage({ layout }: { layout: SpaceLayout }) {
  const stage = layout.stage;
  return (
    <>
      <Seats layout={layout} />
      {stage && (
        <>
          <FloorMic mic={stage.floorMic} />
          <Suspense fallback={null}>
            <StageScreen screen={stage.screen} />
          </Suspense>
          <ConfidenceMonitor layout={layout} />
        </>
      )}
      <SpeakerRings />
      <HandMarkers />
      <Reactions />
    </>
  );
}
