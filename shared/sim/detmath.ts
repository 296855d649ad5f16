/**
 * exp, log and pow from + - * / only, so every JavaScript engine gives the same bits.
 * (ECMAScript fixes the result of IEEE basic arithmetic and Math.sqrt, but lets Math.exp, log,
 * pow and the trigonometric functions differ in the last bits between engines and versions,
 * which is enough to make a seeded run differ between Node and a browser.)
 * Accurate to a few units in the last place: tested against Math.* in detmath.test.ts.
 */

/** ln 2 split so that k * LN2_HI is exact for |k| < 2^11 (the classic fdlibm split). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const TWO_32 = 4294967296;

/** 2^k for an integer k, by repeated squaring (exact while the result is a normal double). */
function pow2(k: number): number {
  let base = k < 0 ? 0.5 : 2;
  let n = k < 0 ? -k : k;
  let result = 1;
  while (n > 0) {
    if (n & 1) result *= base;
    base *= base;
    n >>>= 1;
  }
  return result;
}

/** e^x. */
export function detExp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x / LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor series of e^r for |r| <= ln2/2, to r^14/14! (below 2^-53 relative).
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= 14; i++) {
    term = (term * r) / i;
    sum += term;
  }
  // Scale in two halves so that results near the subnormal range do not overflow pow2.
  if (k < -1000) return sum * pow2(k + 60) * pow2(-60);
  if (k > 1000) return sum * pow2(k - 60) * pow2(60);
  return sum * pow2(k);
}

/** The natural logarithm. */
export function detLog(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2)).
  let m = x;
  let e = 0;
  while (m >= TWO_32) {
    m /= TWO_32;
    e += 32;
  }
  while (m < 1 / TWO_32) {
    m *= TWO_32;
    e -= 32;
  }
  while (m >= 2) {
    m /= 2;
    e += 1;
  }
  while (m < 1) {
    m *= 2;
    e -= 1;
  }
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  // ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m-1)/(m+1), |s| < 0.172.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let power = s;
  let sum = 0;
  for (let n = 1; n <= 27; n += 2) {
    sum += power / n;
    power *= s2;
  }
  return e * LN2_HI + (e * LN2_LO + 2 * sum);
}

/** x^y for x > 0 (and 0^y, x^0); a negative base gives NaN, like a real power would. */
export function detPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x < 0 || x !== x || y !== y) return NaN;
  return detExp(y * detLog(x));
}
