import type { ErrorCode } from '../../shared/protocol/errors.js';

/** A rule says no: the room answers the sender with the code and the sentence. */
export class Refusal extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'Refusal';
  }
}
