import { describe, expect, it } from 'vitest';
import { draftErrors, draftField, draftToBody, emptyDraft, pastedDomainList, stepOf, type OrderDraft } from './order-draft';

const filled = (change: Partial<OrderDraft> = {}): OrderDraft => ({
  ...emptyDraft('2027-01-04'),
  name: 'Q1 data leaders',
  volume: '250',
  costPerLead: '42.50',
  endsOn: '2027-03-31',
  ...change,
});

describe('the new-order draft', () => {
  it('becomes the body the API takes: cents, numbers, pace, pasted domains', () => {
    const body = draftToBody(filled({ paceKind: 'weekly_cap', weeklyCap: '30', pastedDomains: 'acme.com\nglobex.io, initech.de\n\n', notes: '  ' }));
    expect(body).toMatchObject({
      name: 'Q1 data leaders',
      volume: 250,
      costPerLeadCents: 4250,
      startsOn: '2027-01-04',
      endsOn: '2027-03-31',
      pace: { kind: 'weekly_cap', weeklyCap: 30 },
      notes: null,
      targets: { domains: ['acme.com', 'globex.io', 'initech.de'] },
    });
  });

  it('sends an uploaded CSV as it is, and no targets when none were given', () => {
    expect(draftToBody(filled({ targetsMode: 'file', targetsFile: { name: 't.csv', csv: 'domain\nacme.com' } })).targets).toEqual({ csv: 'domain\nacme.com' });
    expect(draftToBody(filled()).targets).toBeUndefined();
    expect(pastedDomainList(' a.com ;b.com\tc.com ')).toEqual(['a.com', 'b.com', 'c.com']);
  });

  it("checks one step against the API's schema, naming the draft's fields", () => {
    const empty = emptyDraft('2027-01-04');
    const basics = draftErrors(empty, 'basics');
    expect(Object.keys(basics).sort()).toEqual(['costPerLead', 'endsOn', 'name', 'volume']);
    expect(basics.volume).toBe('must be a number');
    expect(draftErrors(empty, 'criteria')).toEqual({});
    expect(draftErrors(filled({ endsOn: '2027-01-01' }), 'basics')).toEqual({ endsOn: 'must not be before the start' });
    expect(draftErrors(filled())).toEqual({});
  });

  it("puts the API's field paths on the step and field that show them", () => {
    expect(draftField('costPerLeadCents')).toBe('costPerLead');
    expect(draftField('pace.weeklyCap')).toBe('weeklyCap');
    expect(draftField('criteria.countries.0')).toBe('criteria.countries');
    expect(draftField('targets.domains')).toBe('targets');
    expect(draftField('questions.1.id')).toBe('questions.1');
    expect(stepOf('criteria.countries')).toBe('criteria');
    expect(stepOf('targets')).toBe('targets');
    expect(stepOf('returnWindowDays')).toBe('delivery');
    expect(stepOf('endsOn')).toBe('basics');
  });
});
