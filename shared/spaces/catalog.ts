import { SpaceLayout, type SpaceLayoutInput } from './layout.js';

/**
 * The demo spaces: a plaza with the town hall to the north and an exhibition hall to the east.
 * (The identity-and-persistence work moves these into the database as seed data.)
 * Sign rotation: 0 means the text faces +z (south).
 */
const HALF_PI = Math.PI / 2;

function perimeter(minX: number, maxX: number, minZ: number, maxZ: number, h: number, color: string, gaps: { side: 'n' | 's' | 'e' | 'w'; at: number; width: number }[] = []) {
  const t = 0.4;
  const boxes: SpaceLayoutInput['boxes'] = [];
  const wall = (side: 'n' | 's' | 'e' | 'w', from: number, to: number) => {
    if (to - from < 0.05) return;
    const mid = (from + to) / 2;
    const len = to - from;
    if (side === 'n') boxes.push({ x: mid, z: minZ + t / 2, w: len, d: t, h, kind: 'wall', color });
    if (side === 's') boxes.push({ x: mid, z: maxZ - t / 2, w: len, d: t, h, kind: 'wall', color });
    if (side === 'w') boxes.push({ x: minX + t / 2, z: mid, w: t, d: len, h, kind: 'wall', color });
    if (side === 'e') boxes.push({ x: maxX - t / 2, z: mid, w: t, d: len, h, kind: 'wall', color });
  };
  for (const side of ['n', 's', 'e', 'w'] as const) {
    const horizontal = side === 'n' || side === 's';
    const [lo, hi] = horizontal ? [minX, maxX] : [minZ, maxZ];
    const cuts = gaps.filter((g) => g.side === side).sort((a, b) => a.at - b.at);
    let from = lo;
    for (const g of cuts) {
      wall(side, from, g.at - g.width / 2);
      from = g.at + g.width / 2;
    }
    wall(side, from, hi);
  }
  return boxes;
}

const plaza: SpaceLayoutInput = {
  id: 'plaza', name: 'Civic Plaza', kind: 'plaza', setting: 'outdoor',
  bounds: { minX: -30, maxX: 30, minZ: -30, maxZ: 30 },
  floorColor: '#bdb6aa',
  boxes: [
    // Town hall, north, door on its south face.
    { x: 0, z: -23, w: 20, d: 12, h: 9, kind: 'building', color: '#e6dccb' },
    { x: -7, z: -16.4, w: 1.2, d: 1.2, h: 7, kind: 'building', color: '#f2ece1' },
    { x: 7, z: -16.4, w: 1.2, d: 1.2, h: 7, kind: 'building', color: '#f2ece1' },
    // Exhibition hall, east, door on its west face.
    { x: 23, z: 0, w: 12, d: 18, h: 7, kind: 'building', color: '#cfdbe3' },
    // Library / civic offices, west (not open yet).
    { x: -23, z: 2, w: 12, d: 16, h: 6, kind: 'building', color: '#d8cfc4' },
    // Benches around the fountain.
    { x: -6, z: 6, w: 2.2, d: 0.6, h: 0.5, kind: 'furniture', color: '#7a5c43' },
    { x: 6, z: 6, w: 2.2, d: 0.6, h: 0.5, kind: 'furniture', color: '#7a5c43' },
    { x: -6, z: -6, w: 2.2, d: 0.6, h: 0.5, kind: 'furniture', color: '#7a5c43' },
    { x: 6, z: -6, w: 2.2, d: 0.6, h: 0.5, kind: 'furniture', color: '#7a5c43' },
  ],
  circles: [
    { x: 0, z: 0, r: 2.6, h: 0.8, kind: 'fountain' },
    ...[-14, -9, 9, 14].flatMap((x) => [{ x, z: 14, r: 0.5, h: 5, kind: 'tree' as const }, { x, z: 22, r: 0.5, h: 5, kind: 'tree' as const }]),
    { x: -12, z: -8, r: 0.5, h: 5, kind: 'tree' }, { x: 12, z: -9, r: 0.5, h: 5, kind: 'tree' },
    { x: -4, z: -13, r: 0.15, h: 3.5, kind: 'lamp' }, { x: 4, z: -13, r: 0.15, h: 3.5, kind: 'lamp' },
    { x: 14, z: -3, r: 0.15, h: 3.5, kind: 'lamp' }, { x: 14, z: 3, r: 0.15, h: 3.5, kind: 'lamp' },
  ],
  spawns: [
    { id: 'default', x: 0, z: 10, yaw: 0 },
    { id: 'default-2', x: -3, z: 11, yaw: 0 },
    { id: 'default-3', x: 3, z: 11, yaw: 0 },
    { id: 'from-townhall', x: 0, z: -12.5, yaw: Math.PI },
    { id: 'from-hall-1', x: 13.5, z: 0, yaw: HALF_PI },
  ],
  portals: [
    { id: 'to-townhall', x: 0, z: -16.6, w: 3, d: 0.9, to: 'townhall', toSpawn: 'default', label: 'Town Hall', facing: Math.PI },
    { id: 'to-hall-1', x: 16.6, z: 0, w: 0.9, d: 3, to: 'hall-1', toSpawn: 'default', label: 'Exhibition Hall', facing: HALF_PI },
  ],
  signs: [
    { text: 'TOWN HALL', x: 0, y: 7.6, z: -16.9, yaw: 0, size: 1.4 },
    { text: 'EXHIBITION HALL', x: 16.9, y: 5.6, z: 0, yaw: -HALF_PI, size: 1.1 },
    { text: 'CIVIC OFFICES', x: -16.9, y: 4.8, z: 2, yaw: HALF_PI, size: 0.9 },
    // Wayfinding boards by the spawn, facing arrivals.
    { text: 'Town Hall, straight ahead', x: -3.6, y: 2.0, z: 5.2, yaw: 0, size: 0.42, board: true },
    { text: 'Exhibition Hall, to the right', x: 3.6, y: 2.0, z: 5.2, yaw: 0, size: 0.42, board: true },
  ],
  // Paved paths from the spawn to the town hall's door and from the fountain to the exhibition hall's.
  paths: [
    { x1: 0, z1: 13, x2: 0, z2: -16.9, w: 3.2, color: '#9b9284' },
    { x1: 2.5, z1: 0, x2: 16.9, z2: 0, w: 3.2, color: '#9b9284' },
  ],
};

/**
 * Tiered seating: rows of risers either side of a central aisle, each a step higher than the
 * one in front, with seats on top. Risers are solid (people walk in the aisles); a seat is
 * reached by clicking it.
 */
const SEAT_ROWS = 12;
const SEATS_PER_SIDE = 18;
const ROW_FRONT_Z = -3.5;
const ROW_SPACING = 1.0;
const SEAT_SPACING = 0.6;
const AISLE_HALF = 1.5;
const riserHeight = (row: number) => 0.2 + 0.1 * row;
const riserWidth = SEATS_PER_SIDE * SEAT_SPACING + 0.4;

const risers = Array.from({ length: SEAT_ROWS }, (_, row) => [-1, 1].map((side) => ({
  x: side * (AISLE_HALF + riserWidth / 2), z: ROW_FRONT_Z + row * ROW_SPACING,
  w: riserWidth, d: 0.55, h: riserHeight(row), kind: 'furniture' as const, color: row % 2 ? '#7a5638' : '#6f4e33',
}))).flat();

const seats = Array.from({ length: SEAT_ROWS }, (_, row) => [-1, 1].flatMap((side) =>
  Array.from({ length: SEATS_PER_SIDE }, (_, i) => ({
    x: side * (AISLE_HALF + 0.2 + SEAT_SPACING / 2 + i * SEAT_SPACING),
    y: riserHeight(row),
    z: ROW_FRONT_Z + row * ROW_SPACING,
    yaw: 0,
  })))).flat();

const townhall: SpaceLayoutInput = {
  id: 'townhall', name: 'Town Hall', kind: 'townhall', setting: 'indoor',
  bounds: { minX: -15, maxX: 15, minZ: -13, maxZ: 13 },
  floorColor: '#8a6a4f',
  boxes: [
    ...perimeter(-15, 15, -13, 13, 6, '#efe7da', [{ side: 's', at: 0, width: 3 }]),
    // The stage (hosts and moderators may walk onto it) and its lectern.
    { x: 0, z: -10, w: 16, d: 5.2, h: 0.8, kind: 'stage', color: '#5b3f2c' },
    { x: 0, z: -9.4, w: 1.0, d: 0.6, h: 1.9, kind: 'furniture', color: '#3d2a1d' },
    ...risers,
  ],
  circles: [
    { x: -13.5, z: -6, r: 0.4, h: 6, kind: 'pillar' }, { x: 13.5, z: -6, r: 0.4, h: 6, kind: 'pillar' },
    { x: -13.8, z: 4, r: 0.4, h: 6, kind: 'pillar' }, { x: 13.8, z: 4, r: 0.4, h: 6, kind: 'pillar' },
  ],
  spawns: [
    { id: 'default', x: 0, z: 10, yaw: 0 },
    { id: 'default-2', x: -1.5, z: 10.5, yaw: 0 },
    { id: 'default-3', x: 1.5, z: 10.5, yaw: 0 },
  ],
  portals: [
    { id: 'to-plaza', x: 0, z: 12.7, w: 3, d: 0.9, to: 'plaza', toSpawn: 'from-townhall', label: 'Plaza', facing: 0 },
  ],
  signs: [{ text: 'HUSTINGS TOWN HALL', x: 0, y: 5.72, z: -12.55, yaw: 0, size: 0.4 }],
  // A carpet up the central aisle, from the door to the front of the stage.
  paths: [{ x1: 0, z1: 12.6, x2: 0, z2: -7.3, w: 2.4, color: '#7b3030' }],
  stage: {
    // Hung 0.1 m in front of the back wall's inner face (z -12.6).
    screen: { x: 0, y: 3.85, z: -12.5, yaw: 0, width: 8.4, height: 3.2 },
    floorMic: { x: 0, z: -5.6, yaw: 0 },
  },
  seats,
};

const hall1: SpaceLayoutInput = {
  id: 'hall-1', name: 'Exhibition Hall', kind: 'hall', setting: 'indoor',
  bounds: { minX: -12, maxX: 12, minZ: -16, maxZ: 16 },
  floorColor: '#d9d4cc',
  boxes: [
    ...perimeter(-12, 12, -16, 16, 5, '#f4f1ec', [{ side: 'w', at: 0, width: 3 }]),
    // Display walls that make bays for exhibits (lit along both faces: client/scene/Venue.tsx).
    { x: 2, z: -8, w: 0.3, d: 8, h: 3.2, kind: 'wall', color: '#e6ded0' },
    { x: 2, z: 8, w: 0.3, d: 8, h: 3.2, kind: 'wall', color: '#e6ded0' },
    // Plinths waiting for exhibits.
    { x: -5, z: -10, w: 1.2, d: 1.2, h: 1, kind: 'furniture', color: '#ffffff' },
    { x: -5, z: 10, w: 1.2, d: 1.2, h: 1, kind: 'furniture', color: '#ffffff' },
    { x: 7, z: 0, w: 1.2, d: 1.2, h: 1, kind: 'furniture', color: '#ffffff' },
  ],
  circles: [],
  spawns: [
    { id: 'default', x: -8, z: 0, yaw: -HALF_PI },
    { id: 'default-2', x: -8, z: 1.5, yaw: -HALF_PI },
    { id: 'default-3', x: -8, z: -1.5, yaw: -HALF_PI },
  ],
  portals: [
    { id: 'to-plaza', x: -11.7, z: 0, w: 0.9, d: 3, to: 'plaza', toSpawn: 'from-hall-1', label: 'Plaza', facing: -HALF_PI },
  ],
  signs: [{ text: 'POLICY EXHIBITION', x: 11.75, y: 3.8, z: 0, yaw: -HALF_PI, size: 0.9 }],
  // The route: from the door down the middle between the bays to the far stand.
  paths: [{ x1: -11.6, z1: 0, x2: 6, z2: 0, w: 2.2, color: '#c4b9a8' }],
};

/** Every built-in space, validated once at import so a bad edit fails loudly and early. */
export const SPACES: ReadonlyMap<string, SpaceLayout> = new Map(
  [plaza, townhall, hall1].map((s) => {
    const layout = SpaceLayout.parse(s);
    return [layout.id, layout] as const;
  }),
);

export { DEFAULT_SPACE } from './defaults.js';

export function getSpace(id: string): SpaceLayout | undefined {
  return SPACES.get(id);
}
