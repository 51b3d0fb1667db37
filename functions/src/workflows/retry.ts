// The Retry every workflow task carries for the Lambda service's transient errors and throttling
// (a burst of tasks can hit the account's concurrency limit), with full jitter.
export const LAMBDA_TRANSIENT_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'];

export const lambdaRetry = (intervalSeconds = 2, maxAttempts = 6) => ({
  ErrorEquals: LAMBDA_TRANSIENT_ERRORS,
  IntervalSeconds: intervalSeconds,
  BackoffRate: 2,
  MaxAttempts: maxAttempts,
  JitterStrategy: 'FULL',
});
