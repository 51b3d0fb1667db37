// Delivery configurations: per client organisation, for one campaign or all the client's; a
// webhook or form post (signed with the configuration's own secret, made here, shown once when
// created or rotated and kept sealed) or a CSV file. Removing one keeps its deliveries' history.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DeliveryConfig, DeliveryConfigInput, DeliveryConfigWithSecret, DeliveryKind } from '@shared/contracts/lead-delivery';
import type { z } from 'zod';
import type { deliveryConfigUpdateSchema } from '@shared/contracts/lead-delivery';
import { invalid, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { callCampaigns, deliveryConfigs, emailCampaigns, organisations } from '../../../db/schema';
import type { SealedSecrets } from '../../../adapters/sealed-secrets';
import { newSigningSecret } from './payload';
import { classifyAddress } from '../../../adapters/outbound-target';

export interface ConfigDeps {
  db: Database;
  now: () => Date;
  secrets: SealedSecrets;
  allowLoopback: boolean;
}

type Row = typeof deliveryConfigs.$inferSelect;

/** The campaign's name, whichever kind of campaign the id is (null when none is found). */
export const campaignNameSql = (campaignId: unknown) =>
  sql<string | null>`coalesce((select name from call_campaigns where id = ${campaignId}), (select name from email_campaigns where id = ${campaignId}))`;

const signs = (kind: string) => kind !== 'csv';

async function viewOf(db: Database, row: Row): Promise<DeliveryConfig> {
  const [names] = await db
    .select({ clientName: organisations.name, campaignName: campaignNameSql(row.campaignId) })
    .from(organisations)
    .where(eq(organisations.id, row.clientOrgId));
  return {
    id: row.id,
    clientOrgId: row.clientOrgId,
    clientName: names?.clientName ?? '',
    campaignId: row.campaignId,
    campaignName: row.campaignId ? (names?.campaignName ?? null) : null,
    name: row.name,
    kind: row.kind as DeliveryKind,
    url: row.url,
    fieldMap: row.fieldMap as DeliveryConfig['fieldMap'],
    active: row.active,
    hasSecret: row.secretRef !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function loadRow(db: Database, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(deliveryConfigs)
    .where(and(eq(deliveryConfigs.id, id), isNull(deliveryConfigs.deletedAt)));
  if (!row) throw notFound('delivery configuration');
  return row;
}

/** https, or http to a loopback address when the local stack admits it; a literal refused address is refused now. */
function checkUrl(url: string | null, allowLoopback: boolean): void {
  if (!url) return;
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const verdict = /^[0-9.]+$|:/.test(host) ? classifyAddress(host) : host === 'localhost' ? 'loopback' : 'public';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && allowLoopback && verdict === 'loopback')) {
    throw invalid('body.url', 'must be an https URL');
  }
  if (parsed.username || parsed.password) throw invalid('body.url', 'must not carry credentials');
  if (verdict === 'refused' || (verdict === 'loopback' && !allowLoopback)) throw invalid('body.url', 'must not point at a private, loopback or link-local address');
}

async function checkReferences(db: Database, clientOrgId: string | undefined, campaignId: string | null | undefined): Promise<void> {
  if (clientOrgId) {
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, clientOrgId));
    if (!org) throw invalid('body.clientOrgId', 'is not an organisation');
  }
  if (campaignId) {
    const [call] = await db.select({ id: callCampaigns.id }).from(callCampaigns).where(eq(callCampaigns.id, campaignId));
    const [email] = call ? [call] : await db.select({ id: emailCampaigns.id }).from(emailCampaigns).where(eq(emailCampaigns.id, campaignId));
    if (!email) throw invalid('body.campaignId', 'is not a campaign');
  }
}

export async function listConfigs(db: Database, clientOrgId?: string): Promise<DeliveryConfig[]> {
  const rows = await db
    .select()
    .from(deliveryConfigs)
    .where(and(isNull(deliveryConfigs.deletedAt), clientOrgId ? eq(deliveryConfigs.clientOrgId, clientOrgId) : undefined))
    .orderBy(asc(deliveryConfigs.name), asc(deliveryConfigs.id));
  return Promise.all(rows.map((row) => viewOf(db, row)));
}

export async function getConfig(db: Database, id: string): Promise<DeliveryConfig> {
  return viewOf(db, await loadRow(db, id));
}

/** Creates a configuration; a webhook or form post gets its signing secret, answered this once. */
export async function createConfig(deps: ConfigDeps, input: DeliveryConfigInput, actorId: string | null): Promise<DeliveryConfigWithSecret> {
  checkUrl(input.url, deps.allowLoopback);
  await checkReferences(deps.db, input.clientOrgId, input.campaignId);
  const secret = signs(input.kind) ? newSigningSecret() : null;
  const row = await deps.db.transaction(async (tx) => {
    const now = deps.now();
    const [created] = await tx
      .insert(deliveryConfigs)
      .values({ ...input, url: input.kind === 'csv' ? null : input.url, createdBy: actorId, createdAt: now, updatedAt: now })
      .returning();
    if (!secret) return created!;
    // Sealed before the row commits: a store that refuses leaves no configuration without its secret.
    const secretRef = await deps.secrets.seal(created!.id, secret);
    const [sealed] = await tx.update(deliveryConfigs).set({ secretRef }).where(eq(deliveryConfigs.id, created!.id)).returning();
    return sealed!;
  });
  return { ...(await viewOf(deps.db, row)), secret };
}

export async function updateConfig(deps: ConfigDeps, id: string, patch: z.infer<typeof deliveryConfigUpdateSchema>): Promise<DeliveryConfig> {
  const row = await loadRow(deps.db, id);
  if (patch.url !== undefined) {
    if (row.kind !== 'csv' && !patch.url) throw invalid('body.url', 'is required for a webhook or a form post');
    checkUrl(patch.url, deps.allowLoopback);
  }
  if (patch.fieldMap !== undefined && row.kind === 'form_post' && !patch.fieldMap.length) throw invalid('body.fieldMap', 'must map at least one field for a form post');
  await checkReferences(deps.db, undefined, patch.campaignId);
  const [updated] = await deps.db
    .update(deliveryConfigs)
    .set({ ...patch, ...(row.kind === 'csv' ? { url: null } : {}), updatedAt: deps.now() })
    .where(and(eq(deliveryConfigs.id, id), isNull(deliveryConfigs.deletedAt)))
    .returning();
  if (!updated) throw notFound('delivery configuration');
  return viewOf(deps.db, updated);
}

/** A new signing secret, answered this once; the old one stops signing at once. */
export async function rotateSecret(deps: ConfigDeps, id: string): Promise<DeliveryConfigWithSecret> {
  const row = await loadRow(deps.db, id);
  if (!signs(row.kind)) throw invalid('kind', 'A CSV configuration signs nothing: it has no secret');
  const secret = newSigningSecret();
  const secretRef = await deps.secrets.seal(row.id, secret);
  const [updated] = await deps.db.update(deliveryConfigs).set({ secretRef, updatedAt: deps.now() }).where(eq(deliveryConfigs.id, id)).returning();
  return { ...(await viewOf(deps.db, updated!)), secret };
}

/** Removes a configuration (its deliveries and receipts stay) and forgets its secret. */
export async function deleteConfig(deps: ConfigDeps, id: string): Promise<void> {
  const row = await loadRow(deps.db, id);
  await deps.db.update(deliveryConfigs).set({ deletedAt: deps.now(), active: false, updatedAt: deps.now() }).where(eq(deliveryConfigs.id, id));
  if (row.secretRef) await deps.secrets.remove(row.secretRef);
}

/** The configuration's secret in the clear, for signing (null for CSV). */
export async function openSecret(secrets: SealedSecrets, row: Pick<Row, 'id' | 'secretRef'>): Promise<string | null> {
  return row.secretRef ? secrets.open(row.id, row.secretRef) : null;
}

export const configDepsOf = (deps: Deps, secrets: SealedSecrets): ConfigDeps => ({
  db: deps.db,
  now: deps.now,
  secrets,
  allowLoopback: deps.config.DELIVERY_ALLOW_PRIVATE_TARGETS,
});
