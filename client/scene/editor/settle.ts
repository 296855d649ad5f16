import type { Exhibit, Transform } from '../../../shared/exhibits/exhibit.js';
import type { SpaceLayout } from '../../../shared/spaces/layout.js';
import { EASEL_CENTRE, footprint, HANG_HEIGHT } from '../exhibits/stands.js';
import { snapTransform } from './snap.js';

/**
 * Where an exhibit settles after a move, turn or resize, by its own shape: its depth decides
 * how far from a wall it stands, and pictures and screens brought to a wall hang on it.
 */
export function settle(e: Exhibit, t: Transform, layout: SpaceLayout | null, snap: boolean, walls: boolean): Transform {
  const kind = e.content.kind;
  const hanging = kind === 'image' || kind === 'video';
  const shape = footprint({ ...e, transform: t });
  return snapTransform(t, layout, {
    snap,
    walls,
    back: shape.d / 2,
    ...(hanging ? { hang: { at: EASEL_CENTRE, from: HANG_HEIGHT } } : {}),
  });
}
