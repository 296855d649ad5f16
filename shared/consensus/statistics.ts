/** One-sided 90 % point of the standard normal: a test above it counts as significant. */
export const Z_90 = 1.2816;

/** The chance someone agrees, with one agree and one disagree added: (1 + agrees) / (2 + seen). */
export function agreeProbability(agrees: number, seen: number): number {
  return (1 + agrees) / (2 + seen);
}

/**
 * One-sample test that a proportion is above one half: 2 * sqrt(n + 1) * ((s + 1) / (n + 1) - 1/2),
 * s successes out of n.
 */
export function proportionTest(successes: number, n: number): number {
  return 2 * Math.sqrt(n + 1) * ((successes + 1) / (n + 1) - 0.5);
}

/**
 * Two-proportion z-test that the first proportion is above the second, with one added to each
 * of the four counts (so empty groups give a finite answer); 0 when the pooled proportion is 0 or 1.
 */
export function twoProportionTest(successes1: number, n1: number, successes2: number, n2: number): number {
  const s1 = successes1 + 1;
  const m1 = n1 + 1;
  const s2 = successes2 + 1;
  const m2 = n2 + 1;
  const pooled = (s1 + s2) / (m1 + m2);
  if (pooled <= 0 || pooled >= 1) return 0;
  return (s1 / m1 - s2 / m2) / Math.sqrt(pooled * (1 - pooled) * (1 / m1 + 1 / m2));
}
