// The dry render of pre-flight: who the contact gate would admit now (the admission is made in a
// transaction that is then rolled back, so no proof and no holds remain), and each of them
// rendered with every variant exactly as the batch would, so a recipient whose data breaks the
// content is found before sending rather than failed during it.
import type { GateCounts } from '@shared/contracts/activity';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { admitAudience } from '../../activity';
import { mergeContext, type DryRenderFailure } from '../content';
import type { SenderForSending } from '../settings';
import type { EmailHooks } from '../hooks';
import { campaignAudience, selectionOf } from '../sending/campaign-audience';
import { prepareVariant, recordsOf, type PreparedVariant } from '../sending/kit';
import type { VariantRow } from '../sending/ports';
import type { CampaignRow } from './views';

/** Contacts read and rendered per round. */
const CHUNK = 1000;
/** Failures listed at most (the count is always whole). */
const MAX_LISTED = 50;

class RolledBack extends Error {
  constructor(readonly result: { counts: GateCounts; admitted: Array<{ contactId: string; accountId: string | null; email: string }> }) {
    super('rolled back');
  }
}

/** Whom the gate admits now, without keeping the admission. */
export async function admittedNow(deps: Pick<Deps, 'db' | 'now' | 'config'>, hooks: EmailHooks, row: CampaignRow) {
  try {
    await deps.db.transaction(async (txn) => {
      const tx = txn as unknown as Database;
      const audience = await campaignAudience(tx, hooks, row);
      const result = await admitAudience(tx, audience, {
        channel: 'email',
        at: deps.now(),
        campaign: { id: row.id },
        selection: selectionOf(row),
        actorId: null,
        retainDays: deps.config.GATE_PROOF_RETENTION_DAYS,
      });
      const admitted = result.admitted.flatMap((c) => (c.email ? [{ contactId: c.contactId, accountId: c.accountId, email: c.email }] : []));
      throw new RolledBack({ counts: result.counts, admitted });
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
  throw new Error('The admission was not rolled back.');
}

export interface DryRenderResult {
  total: number;
  failed: number;
  failures: DryRenderFailure[];
}

/** Renders every admitted recipient with every variant; lists the first failures by contact. */
export async function dryRender(
  db: Database,
  input: {
    campaign: Pick<CampaignRow, 'id' | 'name'>;
    sender: SenderForSending | null;
    variants: readonly VariantRow[];
    admitted: ReadonlyArray<{ contactId: string; accountId: string | null; email: string }>;
  },
): Promise<DryRenderResult> {
  const failures: DryRenderFailure[] = [];
  let failed = 0;
  const prepared: Array<{ key: string; variant: PreparedVariant }> = [];
  for (const v of input.variants) {
    try {
      prepared.push({ key: v.key, variant: prepareVariant(v) });
    } catch {
      // The content item reports a variant that does not parse; nobody can render it.
      return { total: input.admitted.length, failed: input.admitted.length, failures: [] };
    }
  }
  // The links render as placeholders: signing them per recipient proves nothing about the content.
  const link = 'https://example.invalid/t/u/dry-render';
  const urls = { open: 'https://example.invalid/t/o/dry-render', click: () => link };
  const sender = { fromName: input.sender?.from.name ?? '', fromEmail: input.sender?.from.address ?? null, postalAddress: input.sender?.postalAddress ?? '' };
  for (let from = 0; from < input.admitted.length; from += CHUNK) {
    const chunk = input.admitted.slice(from, from + CHUNK);
    const records = await recordsOf(db, chunk);
    for (const r of chunk) {
      const context = mergeContext({
        contact: records.contacts.get(r.contactId) ?? null,
        account: (r.accountId ? records.accounts.get(r.accountId) : undefined) ?? null,
        campaign: { name: input.campaign.name },
        sender,
        links: { unsubscribeUrl: link, preferencesUrl: link },
      });
      for (const { key, variant } of prepared) {
        try {
          variant.tracking.render(variant.personalizer.render(context).html, urls);
        } catch (error) {
          failed++;
          const reason = error instanceof Error ? error.message : String(error);
          if (failures.length < MAX_LISTED) failures.push({ contactId: r.contactId, email: r.email, reason: prepared.length > 1 ? `variant ${key}: ${reason}` : reason });
          break;
        }
      }
    }
  }
  return { total: input.admitted.length, failed, failures };
}
