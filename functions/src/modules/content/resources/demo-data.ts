// Demo data for `npm start -- --demo`: reference people from the Resources Centre (speakers,
// organizers, sponsors), one of them edited here and then changed there (an open conflict), and
// a log of recent exchanges. Written once (skipped when reference people exist).
import { sql } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import { referenceConflicts, referencePeople, resourcesCentreLog } from '../../../db/schema';
import { differingFields } from './reference';

export interface ResourcesDemoReport {
  people: number;
  conflicts: number;
  logEntries: number;
}

const HOUR = 3_600_000;

const PEOPLE = [
  { kind: 'speaker', externalId: 'spk-1001', name: 'Amara Okafor', data: { title: 'VP Demand Generation', company: 'Brightline Data', email: 'amara.okafor@brightline.example', bio: 'Runs account-based programmes for mid-market SaaS.' } },
  { kind: 'speaker', externalId: 'spk-1002', name: 'Jonas Lindqvist', data: { title: 'Head of Marketing Operations', company: 'Nordvik Systems', email: 'jonas@nordvik.example', bio: 'Talks about attribution that survives contact with sales.' } },
  { kind: 'speaker', externalId: 'spk-1003', name: 'Priya Raman', data: { title: 'Director, Field Marketing', company: 'Cobalt Health', email: 'priya.raman@cobalt.example', bio: null } },
  { kind: 'organizer', externalId: 'org-2001', name: 'B2B Pipeline Summit', data: { city: 'Chicago', website: 'https://pipeline-summit.example', contact: 'events@pipeline-summit.example' } },
  { kind: 'organizer', externalId: 'org-2002', name: 'Demand Gen Live', data: { city: 'London', website: 'https://dglive.example', contact: null } },
  { kind: 'sponsor', externalId: 'spn-3001', name: 'Northwind Analytics', data: { tier: 'Gold', website: 'https://northwind.example' } },
  { kind: 'sponsor', externalId: 'spn-3002', name: 'Contoso Cloud', data: { tier: 'Silver', website: 'https://contoso.example' } },
] as const;

export async function seedResourcesDemo(deps: Deps): Promise<ResourcesDemoReport | null> {
  const [{ n }] = (await deps.db.select({ n: sql<number>`count(*)::int` }).from(referencePeople)) as [{ n: number }];
  if (n > 0) return null;
  const now = deps.now().getTime();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  const rows = await deps.db
    .insert(referencePeople)
    .values(PEOPLE.map((p, i) => ({ kind: p.kind, externalId: p.externalId, name: p.name, data: { ...p.data }, remoteUpdatedAt: at(72 - i), createdAt: at(72), updatedAt: at(72 - i) })))
    .returning();
  // Edited here (a corrected title), then changed there: one conflict to resolve.
  const edited = rows.find((r) => r.externalId === 'spk-1002')!;
  const ours = { name: edited.name, data: { ...(edited.data as Record<string, string | null>), title: 'VP Marketing Operations' } };
  await deps.db.update(referencePeople).set({ data: ours.data, editedAt: at(30), updatedAt: at(30) }).where(sql`${referencePeople.id} = ${edited.id}`);
  const theirs = { name: 'Jonas Lindqvist', data: { ...(edited.data as Record<string, string | null>), company: 'Nordvik Systems AB', bio: 'Talks about attribution models that survive contact with sales teams.' } };
  await deps.db.insert(referenceConflicts).values({ referenceId: edited.id, incoming: theirs, incomingUpdatedAt: at(6), fields: differingFields(ours, theirs), createdAt: at(5) });
  const log = [
    { direction: 'pull', outcome: 'accepted', httpStatus: 200, detail: '7 people added, 0 updated, 0 in conflict, 0 unchanged, 0 views recorded', durationMs: 182, at: at(72) },
    { direction: 'inbound', outcome: 'accepted', httpStatus: 200, detail: '0 people added, 1 updated, 0 in conflict, 0 unchanged, 3 views recorded', durationMs: 41, at: at(26) },
    { direction: 'inbound', outcome: 'refused', httpStatus: 401, detail: 'Refused: the timestamp is outside the ±300 s window.', durationMs: 3, at: at(20) },
    { direction: 'pull', outcome: 'failed', httpStatus: 503, detail: 'The Resources Centre answered 503: maintenance', durationMs: 1204, at: at(12) },
    { direction: 'pull', outcome: 'accepted', httpStatus: 200, detail: '0 people added, 0 updated, 1 in conflict, 2 unchanged, 0 views recorded', durationMs: 157, at: at(5) },
  ] as const;
  await deps.db.insert(resourcesCentreLog).values(log.map((l) => ({ ...l })));
  return { people: rows.length, conflicts: 1, logEntries: log.length };
}
