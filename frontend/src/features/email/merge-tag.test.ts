import { describe, expect, it } from 'vitest';
import { fieldLabel, insertAt, mergeTag, splitMergeTags } from './merge-tag';

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

describe('merge tags in plain text', () => {
  it('cuts the text at each field, with its fallback unescaped', () => {
    expect(splitMergeTags('Hi {{ contact.first_name | default: "the \\"team\\"" }}, from {{sender.from_name}}')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'field', key: 'contact.first_name', fallback: 'the "team"', source: '{{ contact.first_name | default: "the \\"team\\"" }}' },
      { kind: 'text', text: ', from ' },
      { kind: 'field', key: 'sender.from_name', fallback: '', source: '{{sender.from_name}}' },
    ]);
  });

  it('leaves other Liquid and plain braces as text', () => {
    expect(splitMergeTags('{% if x %}a{% endif %} {not a tag}')).toEqual([{ kind: 'text', text: '{% if x %}a{% endif %} {not a tag}' }]);
  });

  it('names a field by its last part', () => {
    expect(fieldLabel('contact.first_name')).toBe('First name');
  });
});
