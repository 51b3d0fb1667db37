// The script's content links for the person on the line: each asset linked to the campaign as that
// contact's own tracking URL (channel call_script), so a click on the link the agent sends them is
// theirs, in this campaign. Read as the console reads the contact: a campaign an agent is not
// assigned to, or a contact out of their reach, answers the same 404 as a missing one.
import { and, eq, isNull } from 'drizzle-orm';
import type { ScriptContentLink } from '@shared/contracts/telephony';
import { notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import { contacts } from '../../../db/schema';
import { contactVisibleTo } from '../../../records/record-scope';
import type { TelephonyHooks } from '../hooks';
import { readableCampaign, type Reader } from './service';

export async function scriptContentLinks(
  deps: Pick<Deps, 'db' | 'config'>,
  hooks: Pick<TelephonyHooks, 'scriptContent'>,
  input: { campaignId: string; contactId: string; reader: Reader },
): Promise<ScriptContentLink[]> {
  await readableCampaign(deps.db, input.campaignId, input.reader);
  const [contact] = await deps.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, input.contactId), isNull(contacts.deletedAt), contactVisibleTo(input.reader)));
  if (!contact) throw notFound('contact');
  const fields = await hooks.scriptContent.fields(deps.db, input.campaignId);
  if (fields.length === 0) return [];
  const urls = await hooks.scriptContent.urls(deps, { campaignId: input.campaignId, contactId: contact.id });
  return fields.map((f) => ({ key: f.key, assetId: f.assetId, title: f.title, url: urls[f.key] ?? null }));
}
