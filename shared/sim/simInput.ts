import { checkParams } from './levers.js';
import type { ModelInfo, Params } from './model.js';

/** A model refused its inputs: the stable code and a sentence a person can act on. */
export class SimInputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'SimInputError';
  }
}

/**
 * What every model's init does first: the levers as checkParams reads them (known keys, finite
 * numbers in range, on the lever's step; missing ones take their defaults) and a seed that is a
 * whole number 0..2^31-1. Anything else throws a SimInputError naming the problem.
 */
export function requireInputs(info: ModelInfo, params: unknown, seed: unknown): Params {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new SimInputError(`The seed of "${info.name}" must be a whole number from 0 to 2147483647 (got ${String(seed)}).`);
  }
  const checked = checkParams(info, params);
  if (!checked.ok) throw new SimInputError(checked.problems.join(' '));
  return checked.params;
}
