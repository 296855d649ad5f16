import { ApiCallError } from '../../shared/protocol/apiClient.js';

/** The sentence to show for a failed call: the server's own when it gave one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiCallError) return err.message;
  return 'Something went wrong. Please try again.';
}
