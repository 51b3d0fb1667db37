// Reference data from the Resources Centre (speakers, organizers, sponsors) and the view events it
// reports. A record is upserted by (kind, its id there), newer than what was last accepted; a
// record a person edited here after its last accepted remote update is not overwritten: the
// incoming version becomes a conflict (the fields that differ) for a person to resolve, keeping
// ours or taking theirs.
import { and, asc, desc, eq, ilike, inArray, isNotNull, sql } from 'drizzle-orm';
import type {
  ConflictResolution,
  InboundResult,
  ReferenceConflict,
  ReferenceKind,
  ReferencePerson,
  ReferenceRecord,
  ViewEvent,
} from '@shared/contracts/content-resources';
import { AppError, notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { userNameSql } from './log';
import { contacts, contentAssets, contentEvents, referenceConflicts, referencePeople, resourcesCentrePushes, trackingLinks, users } from '../../../db/schema';

type PersonRow = typeof referencePeople.$inferSelect;
type Data = Record<string, string | null>;

const dataOf = (value: unknown): Data => (value && typeof value === 'object' ? (value as Data) : {});

/** The fields whose values differ: `name`, then the data fields in order. */
export function differingFields(ours: { name: string; data: Data }, theirs: { name: string; data: Data }): string[] {
  const fields = ours.name === theirs.name ? [] : ['name'];
  const keys = [...new Set([...Object.keys(ours.data), ...Object.keys(theirs.data)])].sort();
  for (const key of keys) if ((ours.data[key] ?? null) !== (theirs.data[key] ?? null)) fields.push(key);
  return fields;
}

/** Edited here after its last accepted remote update: an incoming change must not overwrite it. */
const editedHere = (row: PersonRow) => row.editedAt !== null && (row.remoteUpdatedAt === null || row.editedAt > row.remoteUpdatedAt);

/** Applies incoming records (one batch, in one transaction). */
export async function applyReferences(db: Database, records: ReferenceRecord[], now: Date): Promise<InboundResult['references']> {
  const result = { created: 0, updated: 0, conflicts: 0, unchanged: 0 };
  if (!records.length) return result;
  // The last record of a key in the batch wins.
  const byKey = new Map(records.map((r) => [`${r.kind}\u0000${r.id}`, r]));
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const existing = await tx
      .select()
      .from(referencePeople)
      .where(inArray(referencePeople.externalId, [...new Set([...byKey.values()].map((r) => r.id))]));
    const known = new Map(existing.map((row) => [`${row.kind}\u0000${row.externalId}`, row]));
    const upserts: (typeof referencePeople.$inferInsert)[] = [];
    const conflicts: (typeof referenceConflicts.$inferInsert)[] = [];
    for (const [key, record] of byKey) {
      const incomingAt = new Date(record.updatedAt);
      const row = known.get(key);
      const theirs = { name: record.name, data: record.data };
      if (row && row.remoteUpdatedAt && incomingAt <= row.remoteUpdatedAt) {
        result.unchanged++;
        continue;
      }
      if (row && editedHere(row)) {
        const fields = differingFields({ name: row.name, data: dataOf(row.data) }, theirs);
        if (fields.length) {
          conflicts.push({ referenceId: row.id, incoming: theirs, incomingUpdatedAt: incomingAt, fields, createdAt: now });
          result.conflicts++;
          continue;
        }
      }
      upserts.push({ kind: record.kind, externalId: record.id, name: record.name, data: record.data, remoteUpdatedAt: incomingAt, createdAt: now, updatedAt: now });
      if (row) result.updated++;
      else result.created++;
    }
    if (upserts.length) {
      // One statement for the batch's new and changed records; a row edited here since it was read keeps its edit.
      await tx
        .insert(referencePeople)
        .values(upserts)
        .onConflictDoUpdate({
          target: [referencePeople.kind, referencePeople.externalId],
          set: { name: sql`excluded.name`, data: sql`excluded.data`, remoteUpdatedAt: sql`excluded.remote_updated_at`, updatedAt: now },
          setWhere: sql`${referencePeople.editedAt} is null or ${referencePeople.editedAt} <= coalesce(${referencePeople.remoteUpdatedAt}, '-infinity'::timestamptz) or excluded.name = ${referencePeople.name} and excluded.data = ${referencePeople.data}`,
        });
    }
    if (conflicts.length) {
      // A newer incoming version replaces the person's open conflict: one to resolve at a time.
      await tx
        .delete(referenceConflicts)
        .where(and(inArray(referenceConflicts.referenceId, conflicts.map((c) => c.referenceId)), eq(referenceConflicts.state, 'open')));
      await tx.insert(referenceConflicts).values(conflicts);
    }
    return result;
  });
}

/** Records the view events as the asset's `view` events (an event id makes a repeat count once). */
export async function recordViews(db: Database, views: ViewEvent[]): Promise<InboundResult['views']> {
  if (!views.length) return { recorded: 0, unknownAsset: 0 };
  const remoteIds = [...new Set(views.map((v) => v.assetRemoteId).filter((v): v is string => !!v))];
  const assetIds = [...new Set(views.map((v) => v.assetId).filter((v): v is string => !!v))];
  const codes = [...new Set(views.map((v) => v.trackingCode).filter((v): v is string => !!v))];
  const emails = [...new Set(views.map((v) => v.email?.trim().toLowerCase()).filter((v): v is string => !!v))];
  const [pushed, assets, links, people] = await Promise.all([
    remoteIds.length
      ? db
          .selectDistinct({ remoteId: resourcesCentrePushes.remoteId, assetId: resourcesCentrePushes.assetId })
          .from(resourcesCentrePushes)
          .where(and(inArray(resourcesCentrePushes.remoteId, remoteIds), isNotNull(resourcesCentrePushes.remoteId)))
      : [],
    assetIds.length ? db.select({ id: contentAssets.id }).from(contentAssets).where(inArray(contentAssets.id, assetIds)) : [],
    codes.length ? db.select().from(trackingLinks).where(inArray(trackingLinks.code, codes)) : [],
    emails.length ? db.select({ id: contacts.id, email: contacts.email }).from(contacts).where(and(inArray(contacts.email, emails), sql`${contacts.deletedAt} is null`)) : [],
  ]);
  const assetOfRemote = new Map(pushed.map((p) => [p.remoteId!, p.assetId]));
  const knownAssets = new Set(assets.map((a) => a.id));
  const linkOf = new Map(links.map((l) => [l.code, l]));
  const contactOf = new Map(people.map((p) => [p.email!, p.id]));
  const rows: (typeof contentEvents.$inferInsert)[] = [];
  let unknownAsset = 0;
  for (const view of views) {
    const assetId = view.assetId && knownAssets.has(view.assetId) ? view.assetId : view.assetRemoteId ? assetOfRemote.get(view.assetRemoteId) : undefined;
    if (!assetId) {
      unknownAsset++;
      continue;
    }
    const link = view.trackingCode ? linkOf.get(view.trackingCode) : undefined;
    const usable = link && link.assetId === assetId ? link : undefined;
    rows.push({
      assetId,
      kind: 'view',
      linkId: usable?.id ?? null,
      contactId: usable?.contactId ?? (view.email ? (contactOf.get(view.email.trim().toLowerCase()) ?? null) : null),
      campaignKind: usable?.campaignKind ?? null,
      campaignId: usable?.campaignId ?? null,
      sourceEventId: view.eventId ? `resources-centre:${view.eventId}` : null,
      at: new Date(view.at),
    });
  }
  // One multi-row insert for the batch; a repeated event id is kept once.
  const inserted = rows.length ? await db.insert(contentEvents).values(rows).onConflictDoNothing().returning({ id: contentEvents.id }) : [];
  return { recorded: inserted.length, unknownAsset };
}

// ---------------------------------------------------------------- people and conflicts

async function personViews(db: Database, rows: PersonRow[]): Promise<ReferencePerson[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const editors = [...new Set(rows.map((r) => r.editedBy).filter((v): v is string => !!v))];
  const [open, names] = await Promise.all([
    db
      .select({ referenceId: referenceConflicts.referenceId, n: sql<number>`count(*)::int` })
      .from(referenceConflicts)
      .where(and(inArray(referenceConflicts.referenceId, ids), eq(referenceConflicts.state, 'open')))
      .groupBy(referenceConflicts.referenceId),
    editors.length ? db.select({ id: users.id, name: userNameSql }).from(users).where(inArray(users.id, editors)) : [],
  ]);
  const openOf = new Map(open.map((o) => [o.referenceId, o.n]));
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ReferenceKind,
    externalId: r.externalId,
    name: r.name,
    data: dataOf(r.data),
    remoteUpdatedAt: r.remoteUpdatedAt?.toISOString() ?? null,
    editedAt: r.editedAt?.toISOString() ?? null,
    editedBy: r.editedBy ? { id: r.editedBy, name: nameOf.get(r.editedBy) ?? '' } : null,
    openConflicts: openOf.get(r.id) ?? 0,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listPeople(db: Database, query: { kind?: ReferenceKind | undefined; q?: string | undefined }): Promise<ReferencePerson[]> {
  const rows = await db
    .select()
    .from(referencePeople)
    .where(and(query.kind ? eq(referencePeople.kind, query.kind) : undefined, query.q ? ilike(referencePeople.name, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined))
    .orderBy(asc(referencePeople.kind), asc(referencePeople.name), asc(referencePeople.id))
    .limit(500);
  return personViews(db, rows);
}

/** An edit here: marks the record edited, so an incoming change to it becomes a conflict. */
export async function updatePerson(db: Database, id: string, patch: { name?: string | undefined; data?: Data | undefined }, actorId: string | null, now: Date): Promise<ReferencePerson> {
  const [row] = await db
    .update(referencePeople)
    .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.data !== undefined ? { data: patch.data } : {}), editedAt: now, editedBy: actorId, updatedAt: now })
    .where(eq(referencePeople.id, id))
    .returning();
  if (!row) throw notFound('reference person');
  return (await personViews(db, [row]))[0]!;
}

export async function listConflicts(db: Database, state: 'open' | 'resolved'): Promise<ReferenceConflict[]> {
  const rows = await db
    .select({ conflict: referenceConflicts, person: referencePeople, resolverName: userNameSql })
    .from(referenceConflicts)
    .innerJoin(referencePeople, eq(referencePeople.id, referenceConflicts.referenceId))
    .leftJoin(users, eq(users.id, referenceConflicts.resolvedBy))
    .where(eq(referenceConflicts.state, state))
    .orderBy(desc(referenceConflicts.createdAt), desc(referenceConflicts.id))
    .limit(500);
  const people = new Map((await personViews(db, rows.map((r) => r.person))).map((p) => [p.id, p]));
  return rows.map(({ conflict: c, person, resolverName }) => {
    const incoming = c.incoming as { name: string; data: Data };
    return {
      id: c.id,
      person: people.get(person.id)!,
      incoming: { name: incoming.name, data: dataOf(incoming.data) },
      incomingUpdatedAt: c.incomingUpdatedAt?.toISOString() ?? null,
      fields: c.fields,
      state: c.state as 'open' | 'resolved',
      resolution: c.resolution as ConflictResolution | null,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      resolvedBy: c.resolvedBy ? { id: c.resolvedBy, name: resolverName ?? '' } : null,
      createdAt: c.createdAt.toISOString(),
    };
  });
}

/**
 * Resolves an open conflict. Taking theirs applies the incoming record (the edit here is over);
 * keeping ours records their version as seen and our edit as standing, so the next change there
 * is again a conflict rather than an overwrite.
 */
export async function resolveConflict(db: Database, id: string, resolution: ConflictResolution, actorId: string | null, now: Date): Promise<ReferenceConflict> {
  await db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [conflict] = await tx.select().from(referenceConflicts).where(eq(referenceConflicts.id, id)).for('update');
    if (!conflict) throw notFound('conflict');
    if (conflict.state !== 'open') throw new AppError('conflict', { detail: 'This conflict is already resolved.' });
    const incoming = conflict.incoming as { name: string; data: Data };
    const seenAt = conflict.incomingUpdatedAt ?? now;
    await tx
      .update(referencePeople)
      .set(
        resolution === 'take_theirs'
          ? { name: incoming.name, data: incoming.data, remoteUpdatedAt: seenAt, editedAt: null, editedBy: null, updatedAt: now }
          : { remoteUpdatedAt: seenAt, editedAt: new Date(Math.max(now.getTime(), seenAt.getTime() + 1)), editedBy: actorId, updatedAt: now },
      )
      .where(eq(referencePeople.id, conflict.referenceId));
    await tx.update(referenceConflicts).set({ state: 'resolved', resolution, resolvedBy: actorId, resolvedAt: now }).where(eq(referenceConflicts.id, id));
  });
  const resolved = (await listConflicts(db, 'resolved')).find((c) => c.id === id);
  return resolved!;
}
