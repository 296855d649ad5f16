/**
 * Which people in view are drawn in full and which in few triangles. A software renderer (and a
 * phone's GPU) pays for every triangle: a thousand full people took 13 times the frame time of
 * ten on SwiftShader with the draw calls unchanged (README, bench:crowd). So the nearest
 * FULL_DETAIL people in view, and anyone speaking, keep the full shape; the rest get the low one.
 * Under that many in view nothing changes.
 */
export const FULL_DETAIL = 40;

/**
 * The squared distance beyond which people are drawn in few triangles, from the squared distances
 * of everyone in view (the first `count` entries): the FULL_DETAIL-th nearest's, or Infinity when
 * there are no more than that.
 */
let scratch = new Float64Array(0);

export function detailCutoff(distances: Float64Array, count: number, full = FULL_DETAIL): number {
  if (count <= full) return Infinity;
  // Sorted in a buffer kept between frames: no allocation in the frame loop once it has grown.
  if (scratch.length < count) scratch = new Float64Array(count * 2);
  const sorted = scratch.subarray(0, count);
  sorted.set(distances.subarray(0, count));
  sorted.sort();
  return sorted[full - 1]!;
}
