import { describe, expect, it } from 'vitest';
import { insertAt, mergeTag } from './merge-tag';

describe('merge tags', () => {
  it('writes a field with an empty fallback by default', () => {
    expect(mergeTag('contact.first_name')).toBe('{{ contact.first_name | default: "" }}');
  });

  it('escapes quotes in the fallback so the Liquid stays valid', () => {
    expect(mergeTag('account.name', 'your "team"')).toBe('{{ account.name | default: "your \\"team\\"" }}');
  });
});

describe('inserting at the caret', () => {
  it('inserts at the caret and moves the caret after the insert', () => {
    expect(insertAt('Hi ,', 3, 3, 'Ana')).toEqual({ value: 'Hi Ana,', caret: 6 });
  });

  it('replaces a selection', () => {
    expect(insertAt('Hi NAME,', 3, 7, 'Ana')).toEqual({ value: 'Hi Ana,', caret: 6 });
  });

  it('appends when the caret is unknown', () => {
    expect(insertAt('Hi', null, null, ' there')).toEqual({ value: 'Hi there', caret: 8 });
  });
});
