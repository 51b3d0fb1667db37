// Rows as the API answers them: ISO timestamps, plain numbers, empty lists instead of nulls.
import type { Account, AccountSummary, Contact } from '@shared/contracts/accounts';
import type { accounts, contacts } from '../db/schema';

export type AccountRow = typeof accounts.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function accountView(row: AccountRow, extra: { contactCount?: number } = {}): Account {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    website: row.website,
    linkedinUrl: row.linkedinUrl,
    linkedinCompanyId: row.linkedinCompanyId,
    industry: row.industry,
    subIndustry: row.subIndustry,
    sicCode: row.sicCode,
    naicsCode: row.naicsCode,
    employeeCount: row.employeeCount,
    employeeRange: row.employeeRange as Account['employeeRange'],
    annualRevenue: row.annualRevenue,
    revenueRange: row.revenueRange as Account['revenueRange'],
    street: row.street,
    city: row.city,
    state: row.state,
    postalCode: row.postalCode,
    country: row.country,
    phone: row.phone,
    phoneRaw: row.phoneRaw,
    technologies: row.technologies ?? [],
    description: row.description,
    customFields: row.customFields ?? {},
    enrichmentStatus: row.enrichmentStatus as Account['enrichmentStatus'],
    enrichedAt: iso(row.enrichedAt),
    confidence: row.confidence,
    source: row.source,
    createdBy: row.createdBy,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
    ...(extra.contactCount !== undefined ? { contactCount: extra.contactCount } : {}),
  };
}

export function contactView(row: ContactRow, account: AccountSummary | null): Contact {
  return {
    id: row.id,
    accountId: row.accountId,
    account,
    researchDate: row.researchDate,
    fullName: row.fullName,
    firstName: row.firstName,
    lastName: row.lastName,
    jobTitle: row.jobTitle,
    jobFunction: row.jobFunction,
    seniority: row.seniority as Contact['seniority'],
    email: row.email,
    emailConfidence: row.emailConfidence,
    emailStatus: row.emailStatus as Contact['emailStatus'],
    directPhone: row.directPhone,
    directPhoneRaw: row.directPhoneRaw,
    directPhoneConfidence: row.directPhoneConfidence,
    mobilePhone: row.mobilePhone,
    mobilePhoneRaw: row.mobilePhoneRaw,
    mobilePhoneConfidence: row.mobilePhoneConfidence,
    phoneExtension: row.phoneExtension,
    linkedinUrl: row.linkedinUrl,
    city: row.city,
    state: row.state,
    country: row.country,
    postalCode: row.postalCode,
    timezone: row.timezone,
    monthsInRole: row.monthsInRole,
    monthsAtCompany: row.monthsAtCompany,
    consentStatus: row.consentStatus as Contact['consentStatus'],
    source: row.source,
    customFields: row.customFields ?? {},
    createdBy: row.createdBy,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
  };
}
