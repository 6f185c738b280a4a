/**
 * A generation failure as the run sees it: `retryable` failures are retried
 * with back-off, final ones fail the job at once. The job keeps the last
 * error so that its failure reason is precise.
 */
export class GenerationError extends Error {
  override name = 'GenerationError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
