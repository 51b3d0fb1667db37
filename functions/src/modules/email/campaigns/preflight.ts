// Pre-flight: what must hold before a campaign may be scheduled, each item green, amber or red
// with its reason — the sender profile and its domain (verified, with DKIM), the audience (its
// size and who the contact gate would leave out now, by reason), and the content of each variant.
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { emailVariants, senderProfiles, sendingDomains } from '../../../db/schema';
import { previewAudience } from '../../activity';
import type { EmailHooks } from '../hooks';
import { campaignAudience } from '../sending/campaign-audience';
import type { CampaignRow } from './views';

export interface PreflightItem {
  id: string;
  label: string;
  status: 'green' | 'amber' | 'red';
  reason: string;
  details?: string[];
}

export type PreflightDeps = Pick<Deps, 'db' | 'now'>;

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

async function audienceItem(deps: PreflightDeps, hooks: EmailHooks, row: CampaignRow): Promise<PreflightItem> {
  const label = 'Audience and exclusions';
  if (!row.audienceId && !row.followUp) return item('audience', label, 'red', 'Choose a segment, list or domain set to send to.');
  const audience = await campaignAudience(deps.db, hooks, row);
  const counts = await previewAudience(deps.db, audience, { channel: 'email', at: deps.now(), campaign: { id: row.id } });
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

async function variantsItem(db: Database, row: CampaignRow): Promise<PreflightItem> {
  const variants = await db.select().from(emailVariants).where(eq(emailVariants.campaignId, row.id));
  const missing = variants.filter((v) => !v.subject.trim() || !v.html.trim()).map((v) => `Variant ${v.key}: ${!v.subject.trim() ? 'no subject' : 'no content'}`);
  if (!variants.length || missing.length) return item('content', 'Subject and content', 'red', 'Every variant needs a subject and content.', missing);
  if (row.abTest && variants.length < 2) return item('content', 'Subject and content', 'red', 'An A/B test needs at least two variants.');
  return item('content', 'Subject and content', 'green', `${variants.length} variant${variants.length === 1 ? '' : 's'} ready.`);
}

/** The pre-flight items of a campaign as it stands. */
export async function preflightCampaign(deps: PreflightDeps, hooks: EmailHooks, row: CampaignRow): Promise<PreflightItem[]> {
  return [await senderItem(deps.db, row), await variantsItem(deps.db, row), await audienceItem(deps, hooks, row)];
}
