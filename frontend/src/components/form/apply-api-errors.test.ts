import { describe, expect, it } from 'vitest';
import { createFormControl } from 'react-hook-form';
import { PROBLEM_TYPE_BASE } from '@shared/contracts/problem';
import { ApiError } from '@/lib/api';
import { applyApiErrors } from './apply-api-errors';

type ContactValues = { firstName: string; email: string; roles: string[] };

function contactForm() {
  return createFormControl<ContactValues>({ defaultValues: { firstName: '', email: '', roles: [] } });
}

function invalid(errors: { field: string; message: string }[], detail = 'The request has invalid fields.') {
  return new ApiError({ type: `${PROBLEM_TYPE_BASE}invalid`, title: 'Invalid request', status: 400, detail, errors });
}

describe('putting API field errors on a form', () => {
  it('places each body field error on its field and leaves nothing for the banner', () => {
    const form = contactForm();
    const left = applyApiErrors(form, invalid([
      { field: 'body.email', message: 'is not an email address' },
      { field: 'body.email', message: 'is too long' },
      { field: 'body.firstName', message: 'is required' },
    ]));
    expect(left).toBeNull();
    expect(form.getFieldState('email').error?.message).toBe('is not an email address; is too long');
    expect(form.getFieldState('firstName').error?.message).toBe('is required');
  });

  it('puts a nested path on its top-level field', () => {
    const form = contactForm();
    expect(applyApiErrors(form, invalid([{ field: 'body.roles.0', message: 'is not a role' }]))).toBeNull();
    expect(form.getFieldState('roles').error?.message).toBe('is not a role');
  });

  it('returns the errors for fields the form does not show, with the field named', () => {
    const form = contactForm();
    const left = applyApiErrors(form, invalid([
      { field: 'body.email', message: 'is taken' },
      { field: 'body.timezone', message: 'is not a time zone' },
    ]));
    expect(left).toBe('timezone: is not a time zone');
    expect(form.getFieldState('email').error?.message).toBe('is taken');
  });

  it('says the problem and the unplaced fields when none of them is on the form', () => {
    const form = contactForm();
    const left = applyApiErrors(form, invalid([{ field: 'body.timezone', message: 'is not a time zone' }], 'One field is wrong.'));
    expect(left).toBe('One field is wrong. timezone: is not a time zone');
    expect(form.getFieldState('email').invalid || form.getFieldState('firstName').invalid || form.getFieldState('roles').invalid).toBe(false);
  });

  it('limits the fields to the ones given', () => {
    const form = contactForm();
    const left = applyApiErrors(form, invalid([{ field: 'body.roles', message: 'pick one' }]), { fields: ['email'] });
    expect(left).toBe('The request has invalid fields. roles: pick one');
  });

  it('uses the caller’s sentence for a known problem code', () => {
    const form = contactForm();
    const stale = new ApiError({ type: `${PROBLEM_TYPE_BASE}stale_write`, title: 'Stale write', status: 409 });
    expect(applyApiErrors(form, stale, { messages: { stale_write: 'Someone else changed it.' } })).toBe('Someone else changed it.');
  });

  it('describes errors without field details, and errors that are not from the API', () => {
    const form = contactForm();
    const conflict = new ApiError({ type: `${PROBLEM_TYPE_BASE}conflict`, title: 'Conflict', status: 409, detail: 'That username is taken.' });
    expect(applyApiErrors(form, conflict)).toBe('That username is taken.');
    expect(applyApiErrors(form, new Error('Failed to fetch'))).toBe('Failed to fetch');
    expect(form.getFieldState('email').invalid || form.getFieldState('firstName').invalid || form.getFieldState('roles').invalid).toBe(false);
  });
});
