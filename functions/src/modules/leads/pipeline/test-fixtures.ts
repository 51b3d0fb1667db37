// Test fixtures of the lead pipeline: a realistic lead (its account, contact and campaign QA
// settings) inserted straight into the tables with its first history row, as the leads core does,
// and a recording put in the bucket the way the Telnyx webhook copies one.
import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { AccountCriteria, LeadFields } from '@shared/contracts/leads';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { accounts, contacts, leadCampaignSettings, leads } from '../../../db/schema';
import { twoToneWav } from '../../../../../infra/local/emulators/wav';
import { recordCreation } from '../leads/transitions';

export interface LeadSeed {
  campaignId?: string;
  fields?: LeadFields;
  answers?: Record<string, unknown>;
  emailStatus?: string | null;
  account?: Partial<typeof accounts.$inferInsert>;
  /** Seconds of dual-channel audio to record for the lead (none when unset). */
  recordingSeconds?: number;
}

let seq = 0;

export async function campaignSettings(db: Database, criteria: Partial<AccountCriteria> = {}): Promise<string> {
  const campaignId = randomUUID();
  await db.insert(leadCampaignSettings).values({ campaignId, campaignKind: 'email', checklist: [], criteria });
  return campaignId;
}

export async function insertLead(deps: Pick<Deps, 'db' | 'aws' | 'config' | 'now'>, seed: LeadSeed = {}): Promise<string> {
  const n = ++seq;
  const fields: LeadFields = {
    firstName: 'Camille',
    lastName: `Martin${n}`,
    email: `camille.martin${n}@acme-${n}.example`,
    phone: '+14155550123',
    title: 'Head of Platform',
    company: `Acme ${n}`,
    domain: `acme-${n}.example`,
    country: 'US',
    ...seed.fields,
  };
  const leadId = randomUUID();
  const recordingKey = seed.recordingSeconds ? `recordings/test/${leadId}.wav` : null;
  if (recordingKey) {
    await deps.aws.s3.send(
      new PutObjectCommand({ Bucket: deps.config.BUCKET_NAME, Key: recordingKey, Body: twoToneWav({ seconds: seed.recordingSeconds! }), ContentType: 'audio/wav' }),
    );
  }
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [account] = await tx
      .insert(accounts)
      .values({ name: fields.company!, domain: fields.domain!, industry: 'Software', employeeCount: 250, annualRevenue: 40_000_000, country: 'US', technologies: ['AWS', 'Snowflake'], ...seed.account })
      .returning({ id: accounts.id });
    const [contact] = await tx
      .insert(contacts)
      .values({
        accountId: account!.id,
        email: fields.email?.toLowerCase() ?? null,
        fullName: `${fields.firstName} ${fields.lastName}`,
        firstName: fields.firstName ?? null,
        lastName: fields.lastName ?? null,
        emailStatus: seed.emailStatus === undefined ? 'valid' : seed.emailStatus,
        directPhone: fields.phone ?? null,
        country: 'US',
        source: 'test',
      })
      .returning({ id: contacts.id });
    await tx.insert(leads).values({
      id: leadId,
      source: recordingKey ? 'call' : 'manual',
      contactId: contact!.id,
      accountId: account!.id,
      campaignId: seed.campaignId ?? null,
      campaignKind: seed.campaignId ? 'email' : null,
      recordingKey,
      fields,
      answers: seed.answers ?? { interest: 'yes' },
    });
    await recordCreation(tx, leadId, null, deps.now());
  });
  return leadId;
}
