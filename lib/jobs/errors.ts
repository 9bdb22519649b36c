/**
 * Errors a job handler throws to steer what the queue does next. Any other
 * error is retried with exponential backoff until the job runs out of attempts.
 */

/** Not now: run the job again later (e.g. it waits on an upstream write), no sooner than `retryAfterSeconds`. */
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
