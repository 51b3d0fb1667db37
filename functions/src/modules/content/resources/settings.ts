// The Resources Centre link's settings: one row. The first save makes the signing secret (answered
// that once, to be copied into the Resources Centre); a rotation makes a new one and keeps the
// previous accepted on inbound requests for an overlap. The endpoint is https (http only to a
// loopback address where DELIVERY_ALLOW_PRIVATE_TARGETS admits it, as lead delivery does).
import { eq } from 'drizzle-orm';
import {
  RC_INBOUND_PATH,
  type ResourcesCentreSettings,
  type ResourcesCentreSettingsWithSecret,
  type ResourcesCentreStatus,
  type resourcesCentreSettingsSchema,
} from '@shared/contracts/content-resources';
import type { z } from 'zod';
import { AppError, invalid } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { resourcesCentreSettings } from '../../../db/schema';
import type { SealedSecrets } from '../../../adapters/sealed-secrets';
import { classifyAddress } from '../../../adapters/outbound-target';
import { newSecret, openSecret, removeSecret, resourcesCentreSecretsFor, sealSecret } from './secrets';

export type SettingsRow = typeof resourcesCentreSettings.$inferSelect;

export interface LinkDeps {
  db: Database;
  now: () => Date;
  secrets: SealedSecrets;
  allowLoopback: boolean;
  publicBaseUrl: string;
}

export const linkDepsOf = (deps: Deps): LinkDeps => ({
  db: deps.db,
  now: deps.now,
  secrets: resourcesCentreSecretsFor(deps.config),
  allowLoopback: deps.config.DELIVERY_ALLOW_PRIVATE_TARGETS,
  publicBaseUrl: deps.config.PUBLIC_BASE_URL,
});

export async function loadSettings(db: Database): Promise<SettingsRow | null> {
  const [row] = await db.select().from(resourcesCentreSettings).where(eq(resourcesCentreSettings.id, 1));
  return row ?? null;
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export function settingsView(row: SettingsRow | null, publicBaseUrl: string, now: Date): ResourcesCentreSettings {
  const previousAccepted = !!row?.previousSecretRef && !!row.previousSecretExpiresAt && row.previousSecretExpiresAt > now;
  return {
    configured: row !== null,
    endpointUrl: row?.endpointUrl ?? null,
    enabled: row?.enabled ?? false,
    rotatedAt: iso(row?.rotatedAt),
    previousSecretAccepted: previousAccepted,
    previousSecretExpiresAt: previousAccepted ? iso(row!.previousSecretExpiresAt) : null,
    lastPushAt: iso(row?.lastPushAt),
    lastPullAt: iso(row?.lastPullAt),
    lastPullError: row?.lastPullError ?? null,
    lastInboundAt: iso(row?.lastInboundAt),
    inboundUrl: `${publicBaseUrl.replace(/\/+$/, '')}${RC_INBOUND_PATH}`,
    updatedAt: iso(row?.updatedAt),
  };
}

export async function getSettings(deps: LinkDeps): Promise<ResourcesCentreSettings> {
  return settingsView(await loadSettings(deps.db), deps.publicBaseUrl, deps.now());
}

/** Whether pushes can go out, and why not. */
export async function linkStatus(db: Database): Promise<ResourcesCentreStatus> {
  const row = await loadSettings(db);
  if (!row) return { configured: false, enabled: false, reason: 'The Resources Centre link is not configured: an admin sets it up in Settings → Resources Centre.' };
  if (!row.enabled) return { configured: true, enabled: false, reason: 'The Resources Centre link is turned off in Settings → Resources Centre.' };
  return { configured: true, enabled: true, reason: null };
}

/** https, or http to a loopback address when admitted; no credentials; no private or link-local literal. */
export function checkEndpoint(raw: string, allowLoopback: boolean): string {
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const verdict = /^[0-9.]+$|:/.test(host) ? classifyAddress(host) : host === 'localhost' ? 'loopback' : 'public';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowLoopback && verdict === 'loopback')) throw invalid('body.endpointUrl', 'must be an https URL');
  if (url.username || url.password) throw invalid('body.endpointUrl', 'must not carry credentials');
  if (url.search || url.hash) throw invalid('body.endpointUrl', 'must not carry a query or a fragment');
  if (verdict === 'refused' || (verdict === 'loopback' && !allowLoopback)) throw invalid('body.endpointUrl', 'must not point at a private, loopback or link-local address');
  return url.toString().replace(/\/+$/, '');
}

/** Saves the endpoint and the switch; the first save makes the secret, answered this once. */
export async function saveSettings(
  deps: LinkDeps,
  input: z.output<typeof resourcesCentreSettingsSchema>,
  actorId: string | null,
): Promise<ResourcesCentreSettingsWithSecret> {
  const endpointUrl = checkEndpoint(input.endpointUrl, deps.allowLoopback);
  const now = deps.now();
  const existing = await loadSettings(deps.db);
  if (existing) {
    const [row] = await deps.db
      .update(resourcesCentreSettings)
      .set({ endpointUrl, enabled: input.enabled, updatedBy: actorId, updatedAt: now })
      .where(eq(resourcesCentreSettings.id, 1))
      .returning();
    return { ...settingsView(row!, deps.publicBaseUrl, now), secret: null };
  }
  const secret = newSecret();
  const secretRef = await sealSecret(deps.secrets, secret);
  const [row] = await deps.db
    .insert(resourcesCentreSettings)
    .values({ id: 1, endpointUrl, enabled: input.enabled, secretRef, updatedBy: actorId, createdAt: now, updatedAt: now })
    // Two first saves at once: the second is an ordinary update and its secret is dropped.
    .onConflictDoUpdate({ target: resourcesCentreSettings.id, set: { endpointUrl, enabled: input.enabled, updatedBy: actorId, updatedAt: now } })
    .returning();
  const made = row!.secretRef === secretRef;
  if (!made) await removeSecret(deps.secrets, secretRef);
  return { ...settingsView(row!, deps.publicBaseUrl, now), secret: made ? secret : null };
}

/** A new secret, answered this once; the previous one is still accepted inbound for `overlapHours`. */
export async function rotateSecret(deps: LinkDeps, overlapHours: number, actorId: string | null): Promise<ResourcesCentreSettingsWithSecret> {
  const row = await loadSettings(deps.db);
  if (!row) throw new AppError('conflict', { detail: 'Save the Resources Centre link first: it has no secret to rotate.' });
  const now = deps.now();
  const secret = newSecret();
  const secretRef = await sealSecret(deps.secrets, secret);
  const overlap = overlapHours > 0;
  const [updated] = await deps.db
    .update(resourcesCentreSettings)
    .set({
      secretRef,
      previousSecretRef: overlap ? row.secretRef : null,
      previousSecretExpiresAt: overlap ? new Date(now.getTime() + overlapHours * 3600_000) : null,
      rotatedAt: now,
      updatedBy: actorId,
      updatedAt: now,
    })
    .where(eq(resourcesCentreSettings.id, 1))
    .returning();
  // The secret before the previous one (and the old current one, without an overlap) is forgotten.
  const forgotten = [row.previousSecretRef, overlap ? null : row.secretRef].filter((s): s is string => !!s);
  for (const stored of forgotten) await removeSecret(deps.secrets, stored);
  return { ...settingsView(updated!, deps.publicBaseUrl, now), secret };
}

/** The secrets an inbound request may be signed with now: the current one, and the previous during the overlap. */
export async function acceptedSecrets(secrets: SealedSecrets, row: SettingsRow, now: Date): Promise<string[]> {
  const current = await openSecret(secrets, row.secretRef);
  const previousValid = row.previousSecretRef && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now;
  return previousValid ? [current, await openSecret(secrets, row.previousSecretRef!)] : [current];
}

/** The current secret in the clear (null when the link is not configured): what signs outbound requests. */
export async function currentSecret(deps: Deps): Promise<string | null> {
  const row = await loadSettings(deps.db);
  return row ? openSecret(resourcesCentreSecretsFor(deps.config), row.secretRef) : null;
}
