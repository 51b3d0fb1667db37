// What QA needs of a campaign (a call or an email campaign): the client it is for, the checklist an
// analyst completes before approving, the account criteria, whether approved leads go out at once.
// A campaign without saved settings has the defaults (no client, no checklist, any account).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  accountCriteriaSchema,
  checklistItemSchema,
  type ChecklistItem,
  type LeadCampaignSettings,
} from '@shared/contracts/leads';
import type { Deps } from '../../../core/deps';
import { invalid, notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';
import { leadCampaignSettings, leads, organisations } from '../../../db/schema';

export interface LeadCampaign {
  id: string;
  kind: 'call' | 'email';
  name: string;
}

/** The call or email campaign of this id (not deleted), or null. */
export async function findCampaign(db: Database, campaignId: string): Promise<LeadCampaign | null> {
  const row = await queryOne<{ id: string; kind: 'call' | 'email'; name: string }>(
    db,
    sql`select id, 'call' as kind, name from call_campaigns where id = ${campaignId}::uuid and deleted_at is null
      union all
      select id, 'email' as kind, name from email_campaigns where id = ${campaignId}::uuid and deleted_at is null
      limit 1`,
  );
  return row ?? null;
}

const storedChecklist = z.array(checklistItemSchema);

/** A stored checklist as items (a damaged value reads as none: approving then needs nothing ticked). */
export function checklistOf(value: unknown): ChecklistItem[] {
  const parsed = storedChecklist.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The settings a lead of this campaign is reviewed with (the defaults when none are saved or the campaign has none). */
export async function settingsForCampaign(db: Database, campaignId: string | null): Promise<Omit<LeadCampaignSettings, 'campaignKind'>> {
  const [row] = campaignId ? await db.select().from(leadCampaignSettings).where(eq(leadCampaignSettings.campaignId, campaignId)) : [];
  const criteria = accountCriteriaSchema.safeParse(row?.criteria ?? {});
  return {
    clientOrgId: row?.clientOrgId ?? null,
    checklist: checklistOf(row?.checklist ?? []),
    criteria: criteria.success ? criteria.data : accountCriteriaSchema.parse({}),
    autoDeliver: row?.autoDeliver ?? false,
  };
}

export async function getCampaignSettings(deps: Pick<Deps, 'db'>, campaignId: string): Promise<LeadCampaignSettings> {
  const campaign = await findCampaign(deps.db, campaignId);
  if (!campaign) throw notFound('campaign');
  return { campaignKind: campaign.kind, ...(await settingsForCampaign(deps.db, campaignId)) };
}

/**
 * Saves a campaign's QA settings. The campaign's leads not yet with the client follow a change of
 * client (a lead already published stays with the client that received it).
 */
export async function putCampaignSettings(deps: Pick<Deps, 'db' | 'now'>, campaignId: string, input: LeadCampaignSettings): Promise<LeadCampaignSettings> {
  const campaign = await findCampaign(deps.db, campaignId);
  if (!campaign) throw notFound('campaign');
  if (input.campaignKind !== campaign.kind) throw invalid('body.campaignKind', `must be ${campaign.kind}: this is ${campaign.kind === 'call' ? 'a call' : 'an email'} campaign`);
  const seen = new Set<string>();
  input.checklist.forEach((item, i) => {
    if (seen.has(item.id)) throw invalid(`body.checklist.${i}.id`, `repeats the item ${item.id}`);
    seen.add(item.id);
  });
  const now = deps.now();
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    if (input.clientOrgId) {
      const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.clientOrgId));
      if (!org) throw invalid('body.clientOrgId', 'is not an organisation');
    }
    const values = { campaignKind: campaign.kind, clientOrgId: input.clientOrgId, checklist: input.checklist, criteria: input.criteria, autoDeliver: input.autoDeliver, updatedAt: now };
    await tx
      .insert(leadCampaignSettings)
      .values({ campaignId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: leadCampaignSettings.campaignId, set: values });
    await tx
      .update(leads)
      .set({ clientOrgId: input.clientOrgId, updatedAt: now })
      .where(
        and(
          eq(leads.campaignId, campaignId),
          inArray(leads.state, ['new', 'under_review', 'approved', 'rejected']),
          sql`${leads.clientOrgId} is distinct from ${input.clientOrgId}::uuid`,
        ),
      );
  });
  return getCampaignSettings(deps, campaignId);
}
