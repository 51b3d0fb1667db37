// The one table of how a campaign's status may move. Every status write goes through
// `moveCampaign`, a conditional UPDATE that only succeeds from a status the table allows, so two
// people (or a person and the sending engine) racing on one campaign cannot make an illegal move.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '@shared/contracts/email';
import { AppError, notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { emailCampaigns } from '../../../db/schema';

/** From each status, the statuses it may move to. `sent` and `cancelled` are final. */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  // Schedule (after a clean pre-flight).
  draft: ['scheduled'],
  // Its time came; back to draft to edit; held; called off.
  scheduled: ['sending', 'draft', 'paused', 'cancelled'],
  // Paused by a person, the circuit breaker or a blocked sender; done; called off.
  sending: ['paused', 'sent', 'cancelled'],
  // Resumed (to sending when it had started, else back to its schedule); called off.
  paused: ['sending', 'scheduled', 'cancelled'],
  sent: [],
  cancelled: [],
};

export function canMove(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}

/** The statuses a campaign may move to `to` from. */
export function sourcesOf(to: CampaignStatus): CampaignStatus[] {
  return (Object.keys(CAMPAIGN_TRANSITIONS) as CampaignStatus[]).filter((from) => canMove(from, to));
}

export function illegalMove(from: CampaignStatus, to: CampaignStatus): AppError {
  return new AppError('conflict', {
    detail: `A ${CAMPAIGN_STATUS_LABELS[from].toLowerCase()} campaign cannot become ${CAMPAIGN_STATUS_LABELS[to].toLowerCase()}.`,
    extra: { status: from },
  });
}

type CampaignRow = typeof emailCampaigns.$inferSelect;
type CampaignChanges = Partial<Pick<CampaignRow, 'schedule' | 'scheduledAt' | 'startedAt' | 'finishedAt' | 'pausedReason' | 'executionArn'>>;

/**
 * Moves a campaign to `to` if its status allows it (and, when given, only from `from`), in one
 * conditional statement. `version` bumps when a person made the move (`expectVersion` checks it).
 * Answers the updated row; throws a 409 naming the status when the move is not allowed now.
 */
export async function moveCampaign(
  db: Database,
  campaignId: string,
  to: CampaignStatus,
  options: { from?: readonly CampaignStatus[]; changes?: CampaignChanges; expectVersion?: number; userId?: string | null; at: Date },
): Promise<CampaignRow> {
  const allowed = sourcesOf(to).filter((s) => !options.from || options.from.includes(s));
  const [row] = await db
    .update(emailCampaigns)
    .set({
      status: to,
      ...options.changes,
      updatedAt: options.at,
      ...(options.userId !== undefined ? { updatedBy: options.userId, version: sql`${emailCampaigns.version} + 1` } : {}),
    })
    .where(
      and(
        eq(emailCampaigns.id, campaignId),
        isNull(emailCampaigns.deletedAt),
        inArray(emailCampaigns.status, allowed.length ? allowed : ['__none__']),
        ...(options.expectVersion !== undefined ? [eq(emailCampaigns.version, options.expectVersion)] : []),
      ),
    )
    .returning();
  if (row) return row;
  const [current] = await db
    .select({ status: emailCampaigns.status, version: emailCampaigns.version })
    .from(emailCampaigns)
    .where(and(eq(emailCampaigns.id, campaignId), isNull(emailCampaigns.deletedAt)));
  if (!current) throw notFound('campaign');
  if (options.expectVersion !== undefined && current.version !== options.expectVersion && allowed.includes(current.status as CampaignStatus)) {
    throw staleCampaign(current.version);
  }
  throw illegalMove(current.status as CampaignStatus, to);
}

export function staleCampaign(version: number): AppError {
  return new AppError('stale_write', { detail: 'The campaign was changed by someone else: reload it and try again.', extra: { version } });
}
