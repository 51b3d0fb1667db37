import { describe, expect, it } from 'vitest';
import { splitCheckInput } from './check-input';

describe('reading the check tool input', () => {
  it('sorts values into emails and phones, whatever separates them', () => {
    expect(splitCheckInput('jane@acme.com\n(617) 555-0142, bob@globex.io; +44 20 7946 0958')).toEqual({
      emails: ['jane@acme.com', 'bob@globex.io'],
      phones: ['(617) 555-0142', '+44 20 7946 0958'],
    });
  });

  it('drops blank lines and surrounding spaces', () => {
    expect(splitCheckInput('\n  jane@acme.com  \n\n,, ;\n')).toEqual({ emails: ['jane@acme.com'], phones: [] });
  });

  it('answers nothing for empty input, and leaves junk for the API to call unreadable', () => {
    expect(splitCheckInput('   ')).toEqual({ emails: [], phones: [] });
    expect(splitCheckInput('not a number')).toEqual({ emails: [], phones: ['not a number'] });
  });
});
