import { describe, expect, it } from 'vitest';
import { redactError } from './redact-error';

describe('redacting an error for the log', () => {
  it('keeps a database error to its codes and names, wherever it sits in the cause chain', () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "contacts_email_key"'), {
      name: 'DatabaseError',
      code: '23505',
      constraint: 'contacts_email_key',
      table: 'contacts',
      detail: 'Key (email)=(ada@example.com) already exists.',
      where: 'SQL statement "insert … ada@example.com"',
    });
    const wrapped = new Error('Failed query: insert into contacts (email) values ($1)\nparams: ada@example.com', { cause: pgError });
    const redacted = redactError(wrapped);
    expect(redacted).toMatchObject({ name: 'Error', database: { name: 'DatabaseError', code: '23505', constraint: 'contacts_email_key', table: 'contacts' } });
    expect(redacted.stack?.every((line) => line.startsWith('at '))).toBe(true);
    expect(JSON.stringify(redacted)).not.toContain('ada@example.com');
    expect(redacted.message).toBeUndefined();
  });

  it('keeps another error to its name, a shortened message, its stack frames and its causes', () => {
    const error = new TypeError(`cannot read ${'x'.repeat(1000)}`, { cause: new RangeError('too far') });
    const redacted = redactError(error);
    expect(redacted.name).toBe('TypeError');
    expect(redacted.message!.length).toBeLessThanOrEqual(301);
    expect(redacted.stack!.length).toBeGreaterThan(0);
    expect(redacted.stack!.join('\n')).not.toContain('xxxx');
    expect(redacted.cause).toMatchObject({ name: 'RangeError', message: 'too far' });
  });

  it('copes with thrown values that are not errors and with cause cycles', () => {
    expect(redactError('plain text')).toEqual({ name: 'string', message: 'plain text' });
    expect(redactError(undefined)).toEqual({ name: 'undefined' });
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(() => JSON.stringify(redactError(a))).not.toThrow();
  });
});
