import type { Exhibit, ExhibitKind } from '../../../shared/exhibits/exhibit.js';

/**
 * The shapes of exhibits in their own frame, before their transform's scale: metres, y up from
 * the transform's point, the front facing +z (ry = 0 faces south, like signs). Shared by the
 * detailed components, the far stand-ins and the highlight ring so they agree on sizes.
 */

/** Pictures and screens at least this far above the floor hang (on a wall); lower, they stand on an easel. */
export const HANG_HEIGHT = 0.3;
/** The centre of an easel-borne picture or screen above its base. */
export const EASEL_CENTRE = 1.5;

export const PANEL = { width: 1.46, height: 1.96, bottom: 0.32, face: 0.036 } as const;
/** A picture's longest side; it sits on a cream mat (MAT_*: the mat's margins) in a dark frame. */
export const PICTURE_SIZE = 1.2;
export const MAT_SIDE = 0.06;
export const MAT_TOP = 0.06;
export const MAT_BOTTOM = 0.22;
export const FRAME_EDGE = 0.04;
export const SCREEN = { width: 1.6, height: 0.9 } as const;
export const CHART = { width: 1.8, height: 1.2, bottom: 0.8, depth: 0.5 } as const;
export const DOOR = { width: 1.6, height: 2.6 } as const;

/** Whether a picture or screen hangs at its transform (its centre there) or stands on an easel. */
export function hangs(e: Exhibit): boolean {
  return e.transform.y >= HANG_HEIGHT;
}

/** The centre height of a picture or screen in the exhibit's frame. */
export function pictureCentre(e: Exhibit): number {
  return hangs(e) ? 0 : EASEL_CENTRE;
}

/** A box standing in for an exhibit: its size and the height of its centre. */
export interface Footprint { w: number; h: number; d: number; cy: number }

export function footprint(e: Exhibit): Footprint {
  switch (e.content.kind) {
    case 'panel': return { w: PANEL.width + 0.1, h: PANEL.bottom + PANEL.height + 0.05, d: 0.1, cy: (PANEL.bottom + PANEL.height + 0.05) / 2 };
    case 'image':
    case 'video': {
      const w = e.content.kind === 'image' ? PICTURE_SIZE + 2 * (MAT_SIDE + FRAME_EDGE) : SCREEN.width + 0.1;
      const h = e.content.kind === 'image' ? PICTURE_SIZE * 0.75 + MAT_TOP + MAT_BOTTOM + 2 * FRAME_EDGE : SCREEN.height + 0.1;
      if (hangs(e)) return { w, h, d: 0.06, cy: 0 };
      const top = EASEL_CENTRE + h / 2;
      return { w, h: top, d: 0.08, cy: top / 2 };
    }
    case 'model': return { w: 0.8, h: 0.8, d: 0.8, cy: 0.4 };
    case 'chart': return { w: CHART.width + 0.1, h: CHART.bottom + CHART.height + 0.05, d: 0.2, cy: (CHART.bottom + CHART.height + 0.05) / 2 };
    case 'portal': return { w: DOOR.width + 0.4, h: DOOR.height + 0.2, d: 0.2, cy: (DOOR.height + 0.2) / 2 };
    // The round table, the board behind it and the lever desk in front.
    case 'twin': return { w: 2.4, h: 2.4, d: 3.2, cy: 1.2 };
  }
}

/** The colour of each kind's far stand-in (and of its ring when highlighted). */
export const KIND_COLOUR: Record<ExhibitKind, string> = {
  panel: '#e9e1d2',
  image: '#b9b1a4',
  video: '#2b3138',
  model: '#d6d0c6',
  chart: '#d3dde3',
  portal: '#8fd3ee',
  twin: '#c4dccd',
};
