/**
 * Errors a job handler throws to steer what the queue does next. Any other
 * error is retried with exponential backoff until the job runs out of attempts.
 */

/**
 * Not now: run the job again after `retryAfterSeconds` (default 5 s), e.g. while
 * it waits on an outbox write. Waiting does not use up the job's attempts.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "RetryLaterError";
  }
}

/** Retrying cannot help (bad payload, deleted target): the job goes straight to the dead-letter list. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}
