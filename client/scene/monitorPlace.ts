import type { Box, SpaceLayout } from '../../shared/spaces/layout.js';

/** How far to the speaker's right of the lectern the confidence monitor stands (m). */
const MONITOR_ASIDE = 1.2;

/** Where the confidence monitor stands: on the stage's front edge, beside the lectern, turned back towards the stage. */
export function monitorPlace(layout: SpaceLayout): { x: number; y: number; z: number; rotationY: number } | undefined {
  const stage = layout.boxes.find((b) => b.kind === 'stage');
  const mic = layout.stage?.floorMic;
  if (!stage || !mic) return undefined;
  const lectern: Box | undefined = layout.boxes.find((b) => b.kind === 'furniture' && Math.abs(b.x - stage.x) <= stage.w / 2 && Math.abs(b.z - stage.z) <= stage.d / 2);
  const alongZ = Math.abs(mic.z - stage.z) >= Math.abs(mic.x - stage.x);
  const toward = alongZ ? Math.sign(mic.z - stage.z) || 1 : Math.sign(mic.x - stage.x) || 1;
  const edge = (alongZ ? stage.d : stage.w) / 2 - 0.45;
  // Beside the lectern's line rather than on it: the speaker's own body (and the view over her
  // shoulder) would hide it there. On her right as she faces the hall: the page's left column
  // (event, Q&A) and a phone's thumb stick cover the left of her view.
  const right = alongZ ? -toward : toward;
  const across = (lectern ? (alongZ ? lectern.x : lectern.z) : alongZ ? stage.x : stage.z) + right * MONITOR_ASIDE;
  const x = alongZ ? across : stage.x + toward * edge;
  const z = alongZ ? stage.z + toward * edge : across;
  // Its face turns back towards the stage (away from the audience).
  const rotationY = alongZ ? (toward > 0 ? Math.PI : 0) : (toward > 0 ? -Math.PI / 2 : Math.PI / 2);
  return { x, y: stage.h, z, rotationY };
}
