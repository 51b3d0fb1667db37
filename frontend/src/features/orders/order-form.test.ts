import { describe, expect, it } from 'vitest';
import { checkOrderForm, emptyOrderForm, parseQuestions, splitDomains, toCents, toStaffOrderCreate, type OrderFormValues } from './order-form';

const ORG = '0b1e6a52-3c1f-4d8e-9a4b-5f2c7d9e1a30';
const filled = (change: Partial<OrderFormValues> = {}): OrderFormValues => ({
  ...emptyOrderForm(new Date('2026-03-01T12:00:00Z'), ORG),
  name: 'Q2 pipeline',
  costPerLead: '85.50',
  ...change,
});

describe('the staff order form', () => {
  it('reads amounts as cents and refuses what is not an amount', () => {
    expect(toCents('85')).toBe(8500);
    expect(toCents('1,250.5')).toBe(125050);
    expect(Number.isNaN(toCents('85.555'))).toBe(true);
    expect(Number.isNaN(toCents('abc'))).toBe(true);
  });

  it('splits a pasted target list and reads optional questions', () => {
    expect(splitDomains('acme.com\nglobex.com, initech.io ;  \n')).toEqual(['acme.com', 'globex.com', 'initech.io']);
    expect(parseQuestions('When do you buy?\n\nBudget approved? (optional)')).toEqual([
      { id: 'q1', text: 'When do you buy?', required: true },
      { id: 'q2', text: 'Budget approved?', required: false },
    ]);
  });

  it('sends the order in the contract’s shape: cents, the pace with its cap, targets pasted or as CSV', () => {
    const order = toStaffOrderCreate(filled({ paceKind: 'weekly_cap', weeklyCap: '20', targets: 'acme.com\nglobex.com', notes: '  ' }));
    expect(order).toMatchObject({ orgId: ORG, costPerLeadCents: 8550, volume: 100, pace: { kind: 'weekly_cap', weeklyCap: 20 }, notes: null, targets: { domains: ['acme.com', 'globex.com'] } });
    expect(toStaffOrderCreate(filled({ targets: 'domain\nacme.com', targetsFromCsv: true })).targets).toEqual({ csv: 'domain\nacme.com' });
    expect(toStaffOrderCreate(filled()).targets).toBeUndefined();
    expect(checkOrderForm(filled())).toEqual({});
  });

  it('puts the contract’s refusals on the fields the form shows', () => {
    const errors = checkOrderForm(filled({ orgId: '', name: ' ', volume: '0', costPerLead: 'x', paceKind: 'weekly_cap', weeklyCap: '', endsOn: '2026-02-01' }));
    expect(Object.keys(errors).sort()).toEqual(['costPerLead', 'endsOn', 'name', 'orgId', 'volume', 'weeklyCap'].sort());
    expect(errors.orgId).toBe('Choose the client.');
    expect(errors.endsOn).toBe('must not be before the start');
  });
});
