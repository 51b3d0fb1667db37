// What the scorers and the account check read about a lead, in one place: the lead (its fields and
// answers), its contact (email status and confidence, phones, consent per channel, suppressions), its
// account, its campaign's qualification form and QA criteria, and its transcript if there is one.
import { and, eq, isNull } from 'drizzle-orm';
import { accountCriteriaSchema, type AccountCriteria, type LeadFields, type Utterance } from '@shared/contracts/leads';
import { formFieldSchema, type FormField } from '@shared/contracts/telephony';
import { normalizePhone } from '@shared/normalize';
import type { Deps } from '../../../core/deps';
import { notFound } from '../../../core/app-error';
import { accounts, callCampaigns, contactConsent, contacts, leadCampaignSettings, leads, leadTranscripts } from '../../../db/schema';
import { findSuppressions } from '../../compliance';

export interface AccountFacts {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  subIndustry: string | null;
  employeeCount: number | null;
  employeeRange: string | null;
  annualRevenue: number | null;
  revenueRange: string | null;
  country: string | null;
  technologies: string[];
}

export interface LeadFacts {
  leadId: string;
  source: string;
  campaignKind: string | null;
  fields: LeadFields;
  answers: Record<string, unknown>;
  contact: {
    email: string | null;
    emailStatus: string | null;
    emailConfidence: number | null;
    directPhone: string | null;
    mobilePhone: string | null;
    country: string | null;
    firstName: string | null;
    lastName: string | null;
    jobTitle: string | null;
  } | null;
  /** Consent in force per channel ('opted_in' | 'opted_out' | 'unknown'); absent: nothing recorded. */
  consent: Partial<Record<'email' | 'phone', string>>;
  /** Whether the lead's email (or its domain) or phone is on the suppression list. */
  suppressed: { email: boolean; phone: boolean };
  account: AccountFacts | null;
  /** The call campaign's qualification form (empty for email campaigns and campaigns without one). */
  form: FormField[];
  criteria: AccountCriteria;
  transcript: Utterance[] | null;
}

const fieldsOf = (value: unknown): LeadFields => (value && typeof value === 'object' ? (value as LeadFields) : {});

export async function loadLeadFacts(deps: Pick<Deps, 'db'>, leadId: string): Promise<LeadFacts> {
  const { db } = deps;
  const [lead] = await db.select().from(leads).where(and(eq(leads.id, leadId), isNull(leads.deletedAt)));
  if (!lead) throw notFound('lead');
  const [[contact], [account], consentRows, [settings], [campaign], [transcript]] = await Promise.all([
    lead.contactId ? db.select().from(contacts).where(eq(contacts.id, lead.contactId)) : Promise.resolve([]),
    lead.accountId ? db.select().from(accounts).where(eq(accounts.id, lead.accountId)) : Promise.resolve([]),
    lead.contactId ? db.select({ channel: contactConsent.channel, status: contactConsent.status }).from(contactConsent).where(eq(contactConsent.contactId, lead.contactId)) : Promise.resolve([]),
    lead.campaignId ? db.select({ criteria: leadCampaignSettings.criteria }).from(leadCampaignSettings).where(eq(leadCampaignSettings.campaignId, lead.campaignId)) : Promise.resolve([]),
    lead.campaignId && lead.campaignKind === 'call' ? db.select({ form: callCampaigns.form }).from(callCampaigns).where(eq(callCampaigns.id, lead.campaignId)) : Promise.resolve([]),
    db.select({ utterances: leadTranscripts.utterances }).from(leadTranscripts).where(eq(leadTranscripts.leadId, leadId)),
  ]);
  // A lead without its own account link takes its contact's.
  let accountRow = account;
  if (!accountRow && contact?.accountId) [accountRow] = await db.select().from(accounts).where(eq(accounts.id, contact.accountId));
  const fields = fieldsOf(lead.fields);
  const email = (fields.email ?? contact?.email ?? '').trim().toLowerCase();
  const phone = normalizePhone(fields.phone ?? contact?.directPhone ?? contact?.mobilePhone ?? null, fields.country ?? contact?.country ?? null);
  const suppressions = await findSuppressions(db, { emails: email ? [email] : [], phones: phone ? [phone] : [] });
  const form = Array.isArray(campaign?.form) ? (campaign.form as unknown[]).flatMap((f) => {
    const parsed = formFieldSchema.safeParse(f);
    return parsed.success ? [parsed.data] : [];
  }) : [];
  const criteria = accountCriteriaSchema.safeParse(settings?.criteria ?? {});
  return {
    leadId,
    source: lead.source,
    campaignKind: lead.campaignKind,
    fields,
    answers: (lead.answers ?? {}) as Record<string, unknown>,
    contact: contact
      ? {
          email: contact.email,
          emailStatus: contact.emailStatus,
          emailConfidence: contact.emailConfidence,
          directPhone: contact.directPhone,
          mobilePhone: contact.mobilePhone,
          country: contact.country,
          firstName: contact.firstName,
          lastName: contact.lastName,
          jobTitle: contact.jobTitle,
        }
      : null,
    consent: Object.fromEntries(consentRows.map((r) => [r.channel, r.status])),
    suppressed: { email: suppressions.emails.size > 0, phone: suppressions.phones.size > 0 },
    account: accountRow
      ? {
          id: accountRow.id,
          name: accountRow.name,
          domain: accountRow.domain,
          industry: accountRow.industry,
          subIndustry: accountRow.subIndustry,
          employeeCount: accountRow.employeeCount,
          employeeRange: accountRow.employeeRange,
          annualRevenue: accountRow.annualRevenue,
          revenueRange: accountRow.revenueRange,
          country: accountRow.country,
          technologies: accountRow.technologies ?? [],
        }
      : null,
    form,
    criteria: criteria.success ? criteria.data : accountCriteriaSchema.parse({}),
    transcript: Array.isArray(transcript?.utterances) ? (transcript.utterances as Utterance[]) : null,
  };
}
