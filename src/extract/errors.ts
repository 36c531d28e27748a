/**
 * Error type for extraction. The lead's shared `src/util/errors.ts` did not exist
 * when this module was written; this class has the same shape (`code` + one-line
 * message) so it can be swapped for a re-export of `NewsgraphError` later.
 */
export class NewsgraphError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'NewsgraphError';
    this.code = code;
  }
}
