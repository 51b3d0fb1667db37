import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AUTH_MODE).toBe('local');
    expect(config.ADMIN_USERNAME).toBe('admin');
  });

  it('names the variable and says what is expected when DATABASE_URL is malformed', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://nope' })).toThrow(ConfigError);
    expect(() => parseConfig({ DATABASE_URL: 'postgres//missing-colon' })).toThrow(
      /^DATABASE_URL must look like postgres:\/\/user:password@host:5432\/database \(got "postgres\/\/missing-colon"\)\.$/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', LOG_LEVEL: '' }).LOG_LEVEL).toBe('INFO');
  });

  it('refuses a malformed endpoint', () => {
    expect(() => parseConfig({ S3_ENDPOINT: 'not a url' })).toThrow(/^S3_ENDPOINT must be a URL/);
  });

  it('keeps SES feedback injection off unless asked', () => {
    expect(parseConfig({}).EMAIL_FEEDBACK_INJECTION).toBe(false);
    expect(parseConfig({ EMAIL_FEEDBACK_INJECTION: 'true' }).EMAIL_FEEDBACK_INJECTION).toBe(true);
  });
});

describe('email settings', () => {
  it('insists on a tracking secret on Lambda, and refuses a short one', () => {
    expect(() => parseConfig({ AWS_LAMBDA_FUNCTION_NAME: 'pivotal-email' })).toThrow(/^TRACKING_SECRET is required on AWS Lambda \(got undefined\)\.$/);
    expect(() => parseConfig({ TRACKING_SECRET: 'short' })).toThrow(/^TRACKING_SECRET must be at least 32 characters/);
    expect(parseConfig({ AWS_LAMBDA_FUNCTION_NAME: 'pivotal-email', TRACKING_SECRET: 'x'.repeat(32) }).EMAIL_BATCH_SIZE).toBe(100);
  });
});
