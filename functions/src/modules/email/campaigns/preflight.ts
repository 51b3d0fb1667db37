// Pre-flight: what must hold before a campaign may be scheduled, each item green, amber or red
// with its reason — the sender profile and its domain (verified, with DKIM), the content of each
// variant (the content library's checks), the audience (its size and who the contact gate would
// leave out now, by reason) and a dry render of every admitted recipient.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { PreflightItem } from '@shared/contracts/email-content';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { emailVariants, senderProfiles, sendingDomains } from '../../../db/schema';
import { contentChecks, dryRenderItem } from '../content';
import { senderForSending } from '../settings';
import type { EmailHooks } from '../hooks';
import type { VariantRow } from '../sending/ports';
import { admittedNow, dryRender } from './dry-render';
import type { CampaignRow } from './views';

export type { PreflightItem };

export type PreflightDeps = Pick<Deps, 'db' | 'now' | 'config'>;

const item = (id: string, label: string, status: PreflightItem['status'], reason: string, details?: string[]): PreflightItem => ({
  id,
  label,
  status,
  reason,
  ...(details?.length ? { details } : {}),
});

async function senderItem(db: Database, row: CampaignRow): Promise<PreflightItem> {
  const label = 'Sender domain verified with DKIM';
  if (!row.senderProfileId) return item('sender', label, 'red', 'Choose a sender profile.');
  const [found] = await db
    .select({ name: senderProfiles.name, domain: sendingDomains.domain, status: sendingDomains.status, dkim: sendingDomains.dkimVerified })
    .from(senderProfiles)
    .innerJoin(sendingDomains, eq(sendingDomains.id, senderProfiles.sendingDomainId))
    .where(and(eq(senderProfiles.id, row.senderProfileId), isNull(senderProfiles.deletedAt)));
  if (!found) return item('sender', label, 'red', 'The sender profile no longer exists: choose another.');
  if (found.status !== 'verified') return item('sender', label, 'red', `The sending domain ${found.domain} is not verified yet.`);
  if (!found.dkim) return item('sender', label, 'red', `DKIM is not verified for ${found.domain}: publish its CNAME records.`);
  return item('sender', label, 'green', `${found.domain} is verified with DKIM.`);
}

function audienceItem(counts: { audience: number; admitted: number; excluded: Record<string, number> }): PreflightItem {
  const label = 'Audience and exclusions';
  const reasons = Object.entries(counts.excluded)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason}: ${n}`);
  const excluded = counts.audience - counts.admitted;
  if (counts.admitted === 0) return item('audience', label, 'red', `Nobody in the audience of ${counts.audience} can be emailed now.`, reasons);
  return item(
    'audience',
    label,
    excluded > 0 ? 'amber' : 'green',
    `${counts.admitted} of ${counts.audience} would be sent to; ${excluded} left out by the contact gate.`,
    reasons,
  );
}

function variantsItem(variants: readonly VariantRow[], row: CampaignRow): PreflightItem {
  const missing = variants.filter((v) => !v.subject.trim() || !v.html.trim()).map((v) => `Variant ${v.key}: ${!v.subject.trim() ? 'no subject' : 'no content'}`);
  if (!variants.length || missing.length) return item('content', 'Subject and content', 'red', 'Every variant needs a subject and content.', missing);
  if (row.abTest && variants.length < 2) return item('content', 'Subject and content', 'red', 'An A/B test needs at least two variants.');
  return item('content', 'Subject and content', 'green', `${variants.length} variant${variants.length === 1 ? '' : 's'} ready.`);
}

/** The content library's checks of each variant, named by variant when there are several. */
function variantChecks(variants: readonly VariantRow[]): PreflightItem[] {
  return variants.flatMap((v) =>
    contentChecks({ compiled: { html: v.html, text: v.text }, subject: v.subject, preheader: v.preheader }).map((check) =>
      variants.length > 1 ? { ...check, id: `${v.key}.${check.id}`, label: `Variant ${v.key}: ${check.label}` } : check,
    ),
  );
}

/** The pre-flight items of a campaign as it stands. */
export async function preflightCampaign(deps: PreflightDeps, hooks: EmailHooks, row: CampaignRow): Promise<PreflightItem[]> {
  const variants = await deps.db.select().from(emailVariants).where(eq(emailVariants.campaignId, row.id)).orderBy(asc(emailVariants.key));
  const items = [await senderItem(deps.db, row), variantsItem(variants, row)];
  const ready = variants.filter((v) => v.subject.trim() && v.html.trim());
  if (ready.length) items.push(...variantChecks(ready));
  if (!row.audienceId && !row.followUp) return [...items, item('audience', 'Audience and exclusions', 'red', 'Choose a segment, list or domain set to send to.')];
  const admission = await admittedNow(deps, hooks, row);
  items.push(audienceItem(admission.counts));
  if (ready.length === variants.length && ready.length) {
    const sender = row.senderProfileId ? await senderForSending(deps, row.senderProfileId).catch(() => null) : null;
    const rendered = await dryRender(deps.db, { campaign: row, sender, variants, admitted: admission.admitted });
    const dry = dryRenderItem({ failures: rendered.failures, total: rendered.total });
    items.push(rendered.failed > rendered.failures.length ? { ...dry, reason: `${rendered.failed} of ${rendered.total} recipients failed to render (the first ${rendered.failures.length} listed).` } : dry);
  }
  return items;
}
