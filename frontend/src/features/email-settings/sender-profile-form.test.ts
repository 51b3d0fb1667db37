import { describe, expect, it } from 'vitest';
import { NONE, senderProfileFormSchema, senderProfileFormValues, senderProfileRequest, type SenderProfileFormValues } from './sender-profile-form';

const POOL = '0190c6c4-7b1e-7000-8000-00000000abcd';
const PLAN = '0190c6c4-7b1e-7000-8000-00000000beef';

const filled = (overrides: Partial<SenderProfileFormValues> = {}): SenderProfileFormValues => ({
  ...senderProfileFormValues(null),
  name: 'Acme news',
  fromName: 'Acme',
  fromAddress: 'News@Mail.Acme.example',
  postalAddress: '1 Market St, San Francisco, CA 94105, USA',
  ...overrides,
});

describe('the sender profile form’s request', () => {
  it('sends empty text and “none” choices as null, with SES and 14 a second by default', () => {
    expect(senderProfileFormSchema.parse(filled())).toEqual({
      name: 'Acme news',
      fromName: 'Acme',
      fromAddress: 'news@mail.acme.example',
      replyTo: null,
      postalAddress: '1 Market St, San Francisco, CA 94105, USA',
      provider: 'ses',
      ipPoolId: null,
      trackingDomainId: null,
      warmupPlanId: null,
      warmupStartedOn: null,
      ratePerSecond: 14,
    });
  });

  it('drops the IP pool for a provider other than SES, and the start date without a plan', () => {
    expect(senderProfileRequest(filled({ provider: 'sendgrid', ipPoolId: POOL, warmupStartedOn: '2025-03-01' }))).toMatchObject({ ipPoolId: null, warmupStartedOn: null });
    expect(senderProfileRequest(filled({ ipPoolId: POOL, warmupPlanId: PLAN, warmupStartedOn: '2025-03-01' }))).toMatchObject({ ipPoolId: POOL, warmupPlanId: PLAN, warmupStartedOn: '2025-03-01' });
    expect(senderProfileRequest(filled({ warmupPlanId: NONE, warmupStartedOn: '2025-03-01' })).warmupStartedOn).toBeNull();
  });

  it('puts the API schema’s complaints on the form’s fields', () => {
    const result = senderProfileFormSchema.safeParse(filled({ fromAddress: 'not an address', replyTo: 'nope', ratePerSecond: Number.NaN }));
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['fromAddress', 'ratePerSecond', 'replyTo']);
  });
});
