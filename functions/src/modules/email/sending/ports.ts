// What the batch sender needs to turn a claimed recipient into a sent message, as a port: the
// content (render, sign tracking links, unsubscribe headers), the provider of the sender profile
// and the rate gate of its identity. The kit wired for production is kit.ts; the engine itself
// never looks inside a message.
import type { emailCampaigns, emailVariants, senderProfiles } from '../../../db/schema';
import type { ClaimedRecipient } from './batches';

export type SenderRow = typeof senderProfiles.$inferSelect;
export type VariantRow = typeof emailVariants.$inferSelect;
export type CampaignRowOf = typeof emailCampaigns.$inferSelect;

/** A composed message, or why this recipient's message could not be built (it fails with the reason). */
export type Composed<M> = { recipientId: number; message: M } | { recipientId: number; error: string };

export interface BatchComposer<M> {
  /** Renders and signs the messages of these recipients (their contact data read in one go). */
  compose(recipients: readonly ClaimedRecipient[]): Promise<Composed<M>[]>;
}

/** How a provider call ended when it did not send: the delivery layer's error kinds. */
export type SendFailureKind = 'throttled' | 'rejected' | 'blocked' | 'uncertain' | 'transient';

export interface PaceGrant {
  granted: number;
  /** The identity's warm-up cap for the day is used up: wait `retryAfterMs` (to the next day). */
  dailyCapReached: boolean;
  retryAfterMs: number;
}

export interface SendingKit<M> {
  composer(input: { campaign: CampaignRowOf; variants: readonly VariantRow[]; sender: SenderRow }): Promise<BatchComposer<M>>;
  provider(sender: SenderRow): { send(message: M): Promise<{ messageId: string }> };
  /** Waits (per-second rate) until `want` sends may go, or stops at the daily cap. */
  pace(sender: SenderRow, want: number): Promise<PaceGrant>;
  sleep(ms: number): Promise<void>;
}

/** The kind of a provider failure (the delivery layer classifies every error it throws); anything unclassified may have sent. */
export function failureKindOf(error: unknown): SendFailureKind {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return kind === 'throttled' || kind === 'rejected' || kind === 'blocked' || kind === 'transient' || kind === 'uncertain' ? kind : 'uncertain';
}

export function retryAfterOf(error: unknown): number | undefined {
  const ms = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && ms >= 0 ? ms : undefined;
}

export const reasonOf = (error: unknown): string => (error instanceof Error && error.message ? error.message : String(error)).slice(0, 500);
