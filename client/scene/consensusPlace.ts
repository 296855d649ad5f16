/**
 * Where a space shows its consensus question in the world: the opinion map's centre on the
 * floor and the way it faces (yaw 0 faces +z). The plaza's stands west of the fountain, facing
 * the square; other spaces show the question in the panel and the accessible view only.
 */
export interface ConsensusPlace {
  x: number;
  z: number;
  yaw: number;
}

export const CONSENSUS_PLACES: Readonly<Record<string, ConsensusPlace>> = {
  plaza: { x: -11, z: 1.5, yaw: Math.PI / 2 },
};

/** Half the width and height (metres) the constellation's points spread over. */
export const MAP_HALF_WIDTH = 1.7;
export const MAP_HALF_HEIGHT = 1.0;
export const MAP_CENTRE_HEIGHT = 1.95;

/**
 * Places the map's points: PCA coordinates scaled so the farthest point reaches the edge, and
 * each group a little in front of or behind the others, so the constellation has depth.
 */
export function mapScale(points: readonly (readonly [number, number, number, number])[]): number {
  let far = 0;
  for (const p of points) far = Math.max(far, Math.abs(p[1]) / MAP_HALF_WIDTH, Math.abs(p[2]) / MAP_HALF_HEIGHT);
  return far > 0 ? 1 / far : 1;
}

export function groupDepth(group: number): number {
  return group < 0 ? -0.25 : ((group % 5) - 2) * 0.12;
}
