import { describe, expect, it } from 'vitest';
import { sendingDomainFor } from './sender-domain';

const domains = [{ domain: 'acme.example' }, { domain: 'mail.acme.example' }, { domain: 'other.example' }];

describe('the sending domain of a from address', () => {
  it('is the domain of the address, or the longest one its host ends in', () => {
    expect(sendingDomainFor('news@mail.acme.example', domains)?.domain).toBe('mail.acme.example');
    expect(sendingDomainFor('news@eu.mail.acme.example', domains)?.domain).toBe('mail.acme.example');
    expect(sendingDomainFor('Team@ACME.example', domains)?.domain).toBe('acme.example');
  });

  it('is none for an address elsewhere, a look-alike host, or no address yet', () => {
    expect(sendingDomainFor('news@elsewhere.example', domains)).toBeUndefined();
    expect(sendingDomainFor('news@notacme.example', domains)).toBeUndefined();
    expect(sendingDomainFor('news', domains)).toBeUndefined();
    expect(sendingDomainFor('news@', domains)).toBeUndefined();
  });
});
