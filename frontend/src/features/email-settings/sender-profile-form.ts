// The sender profile form's values (what the controls hold: text, and a "none" choice for the
// optional references) and how they become the API's request, checked by the API's own schema.
import { z } from 'zod';
import { senderProfileInputSchema, type EmailProviderName, type SenderProfile, type SenderProfileInput } from '@shared/contracts/email';

/** The "none" choice of an optional select (a select item cannot hold an empty value). */
export const NONE = '__none__';

export interface SenderProfileFormValues {
  name: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  postalAddress: string;
  provider: EmailProviderName;
  ipPoolId: string;
  trackingDomainId: string;
  warmupPlanId: string;
  warmupStartedOn: string;
  ratePerSecond: number;
}

export const DEFAULT_RATE_PER_SECOND = 14;

export function senderProfileFormValues(profile: SenderProfile | null): SenderProfileFormValues {
  return {
    name: profile?.name ?? '',
    fromName: profile?.fromName ?? '',
    fromAddress: profile?.fromAddress ?? '',
    replyTo: profile?.replyTo ?? '',
    postalAddress: profile?.postalAddress ?? '',
    provider: profile?.provider ?? 'ses',
    ipPoolId: profile?.ipPoolId ?? NONE,
    trackingDomainId: profile?.trackingDomainId ?? NONE,
    warmupPlanId: profile?.warmupPlanId ?? NONE,
    warmupStartedOn: profile?.warmupStartedOn ?? '',
    ratePerSecond: profile?.ratePerSecond ?? DEFAULT_RATE_PER_SECOND,
  };
}

const orNull = (value: string) => (value.trim() === '' || value === NONE ? null : value.trim());

/** The request the form's values make: empty text and "none" become null; a pool only with SES; a start date only with a plan. */
export function senderProfileRequest(values: SenderProfileFormValues): Record<keyof SenderProfileInput, unknown> {
  const plan = orNull(values.warmupPlanId);
  return {
    name: values.name,
    fromName: values.fromName,
    fromAddress: values.fromAddress,
    replyTo: orNull(values.replyTo),
    postalAddress: values.postalAddress,
    provider: values.provider,
    ipPoolId: values.provider === 'ses' ? orNull(values.ipPoolId) : null,
    trackingDomainId: orNull(values.trackingDomainId),
    warmupPlanId: plan,
    warmupStartedOn: plan ? orNull(values.warmupStartedOn) : null,
    ratePerSecond: values.ratePerSecond,
  };
}

export const senderProfileFormSchema = z.preprocess((values: SenderProfileFormValues) => senderProfileRequest(values), senderProfileInputSchema);
