import {
  BoxGeometry, CircleGeometry, Color, DoubleSide, Float32BufferAttribute, MeshBasicMaterial,
  MeshStandardMaterial, PlaneGeometry, RingGeometry, Shape, ShapeGeometry,
  type BufferGeometry,
} from 'three';
import { RoundedBoxGeometry } from 'three/examples/jsm/geometries/RoundedBoxGeometry.js';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { CHART, DOOR, EASEL_CENTRE, PANEL, SCREEN } from './stands.js';

/**
 * Shared geometry and materials of the exhibits. Each exhibit's fixed parts (frame, legs,
 * plinth) are one merged geometry with vertex colours, so a board costs one draw call, not
 * six; every exhibit of a kind shares it and the materials (built once, never disposed).
 */

export const WALNUT = '#4a3b2f';
export const CREAM = '#fbf7ee';
export const INK = '#1d2730';
export const INK_SOFT = '#4b5863';
export const ACCENT = '#2f6f86';
export const GLOW = '#7fd8ff';

function coloured(g: BufferGeometry, color: string): BufferGeometry {
  const c = new Color(color);
  const n = g.getAttribute('position').count;
  const rgb = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) rgb.set([c.r, c.g, c.b], i * 3);
  g.setAttribute('color', new Float32BufferAttribute(rgb, 3));
  return g;
}

function box(w: number, h: number, d: number, x: number, y: number, z: number, color: string): BufferGeometry {
  const g = new BoxGeometry(w, h, d);
  g.translate(x, y, z);
  return coloured(g, color);
}

function merged(parts: BufferGeometry[]): BufferGeometry {
  const g = mergeGeometries(parts);
  if (!g) throw new Error('exhibit geometry parts do not match');
  for (const p of parts) p.dispose();
  g.computeBoundingSphere();
  return g;
}

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const UNIT_BOX = new BoxGeometry(1, 1, 1);
export const UNIT_PLANE = new PlaneGeometry(1, 1);

/** A freestanding board: walnut frame, cream face, a teal band at the top, two posts and feet. */
export const panelBody = once(() => {
  const cy = PANEL.bottom + PANEL.height / 2;
  return merged([
    box(PANEL.width + 0.1, PANEL.height + 0.1, 0.05, 0, cy, -0.005, WALNUT),
    box(PANEL.width, PANEL.height, 0.02, 0, cy, 0.025, CREAM),
    box(PANEL.width, 0.05, 0.004, 0, PANEL.bottom + PANEL.height - 0.025, PANEL.face + 0.001, ACCENT),
    ...[-0.52, 0.52].flatMap((x) => [
      box(0.07, PANEL.bottom, 0.05, x, PANEL.bottom / 2, -0.005, WALNUT),
      box(0.12, 0.04, 0.55, x, 0.02, 0, WALNUT),
    ]),
  ]);
});

/** A post and feet behind a picture or screen on an easel (the picture hides the post's top). */
export const easel = once(() => merged([
  box(0.07, EASEL_CENTRE, 0.05, 0, EASEL_CENTRE / 2, -0.06, WALNUT),
  box(0.7, 0.04, 0.1, 0, 0.02, -0.06, WALNUT),
  box(0.1, 0.04, 0.6, 0, 0.02, -0.06, WALNUT),
]));

/** A screen with a play sign, centred on y = 0 (the component lifts it onto an easel if needed). */
export const screenBody = once(() => {
  const circle = new CircleGeometry(0.15, 40);
  circle.translate(0, 0, 0.027);
  const triangle = new Shape();
  triangle.moveTo(-0.045, -0.075);
  triangle.lineTo(0.085, 0);
  triangle.lineTo(-0.045, 0.075);
  triangle.closePath();
  const play = new ShapeGeometry(triangle);
  play.translate(0.005, 0, 0.029);
  return merged([
    box(SCREEN.width + 0.1, SCREEN.height + 0.1, 0.06, 0, 0, -0.01, '#15181c'),
    box(SCREEN.width, SCREEN.height, 0.005, 0, 0, 0.0225, '#26313b'),
    coloured(circle, '#eef2f5'),
    coloured(play, '#26313b'),
  ]);
});

/** The chart's stand: a plinth and a slate backboard (its face carries the chart's canvas). */
export const chartBody = once(() => merged([
  box(CHART.width + 0.1, CHART.bottom, CHART.depth, 0, CHART.bottom / 2, 0, '#e6e1d8'),
  box(CHART.width + 0.1, 0.03, CHART.depth + 0.04, 0, CHART.bottom + 0.015, 0, WALNUT),
  box(CHART.width + 0.1, CHART.height + 0.06, 0.04, 0, CHART.bottom + 0.03 + CHART.height / 2, -0.15, '#2c3a44'),
]));

/** A doorway: two posts, a lintel and a threshold. */
export const doorFrame = once(() => {
  const half = DOOR.width / 2 + 0.08;
  return merged([
    box(0.16, DOOR.height, 0.2, -half, DOOR.height / 2, 0, '#eaf7fc'),
    box(0.16, DOOR.height, 0.2, half, DOOR.height / 2, 0, '#eaf7fc'),
    box(DOOR.width + 0.48, 0.2, 0.24, 0, DOOR.height + 0.1, 0, '#eaf7fc'),
    box(DOOR.width, 0.03, 0.4, 0, 0.015, 0, '#9fb8c4'),
  ]);
});

/** What a 3D model shows before it has loaded (and when it cannot be shown). */
export const modelPlaceholder = once(() => {
  const g = new RoundedBoxGeometry(0.8, 0.8, 0.8, 4, 0.12);
  g.translate(0, 0.4, 0);
  return g;
});

/** The ring on the floor around the highlighted exhibit (radius 1; scaled to the exhibit). */
export const ring = once(() => {
  const g = new RingGeometry(0.92, 1, 64);
  g.rotateX(-Math.PI / 2);
  return g;
});

export const BODY = new MeshStandardMaterial({ vertexColors: true, roughness: 0.72, metalness: 0.04 });
/** The same, lit up: the exhibit we stand near (or have selected, or Tabbed to). */
export const BODY_LIT = new MeshStandardMaterial({ vertexColors: true, roughness: 0.72, metalness: 0.04, emissive: GLOW, emissiveIntensity: 0.08 });
export const FRAME = new MeshStandardMaterial({ color: '#2d2620', roughness: 0.6, metalness: 0.1 });
export const FRAME_LIT = new MeshStandardMaterial({ color: '#2d2620', roughness: 0.6, metalness: 0.1, emissive: GLOW, emissiveIntensity: 0.22 });
/** The cream mat a picture is mounted on (its caption sits in the mat's lower margin). */
export const MAT = new MeshStandardMaterial({ color: CREAM, roughness: 0.9 });
export const PLACEHOLDER = new MeshStandardMaterial({ color: '#cfc9bf', roughness: 0.95 });
export const PLACEHOLDER_LIT = new MeshStandardMaterial({ color: '#cfc9bf', roughness: 0.95, emissive: GLOW, emissiveIntensity: 0.1 });
export const DOOR_MATERIAL = new MeshStandardMaterial({ vertexColors: true, emissive: GLOW, emissiveIntensity: 0.9, roughness: 0.5 });
export const DOOR_MATERIAL_LIT = new MeshStandardMaterial({ vertexColors: true, emissive: GLOW, emissiveIntensity: 1.6, roughness: 0.5 });
export const DOOR_GLOW = new MeshBasicMaterial({ color: GLOW, transparent: true, opacity: 0.22, side: DoubleSide, depthWrite: false });
export const RING = new MeshBasicMaterial({ color: GLOW, transparent: true, opacity: 0.7, depthWrite: false });
export const STAND_IN = new MeshStandardMaterial({ roughness: 0.85 });

export function body(lit: boolean): MeshStandardMaterial {
  return lit ? BODY_LIT : BODY;
}
