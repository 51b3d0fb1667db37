// Saved mapping profiles: header → target plus import options, reused by the mapping screen and
// named in drop-folder paths (imports/inbox/<profile>/<file>.csv).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { autoMap, normalizeHeader } from '@shared/csv/auto-map';
import type { ColumnMapping, MappingProfile, mappingProfileInputSchema } from '@shared/contracts/imports';
import type { Deps } from '../../core/deps';
import { AppError, notFound } from '../../core/app-error';
import type { Principal } from '../../core/principal';
import { importMappingProfiles } from '../../db/schema';
import { isUniqueViolation } from '../../db/pg-errors';
import { profileView } from './views';

type ProfileInput = z.output<typeof mappingProfileInputSchema>;
type ProfileRow = typeof importMappingProfiles.$inferSelect;
const live = isNull(importMappingProfiles.deletedAt);

export async function listProfiles(deps: Pick<Deps, 'db'>): Promise<{ items: MappingProfile[] }> {
  const rows = await deps.db.select().from(importMappingProfiles).where(live).orderBy(asc(sql`lower(${importMappingProfiles.name})`));
  return { items: rows.map(profileView) };
}

export async function findProfileByName(deps: Pick<Deps, 'db'>, name: string): Promise<ProfileRow | undefined> {
  const [row] = await deps.db
    .select()
    .from(importMappingProfiles)
    .where(and(live, eq(sql`lower(${importMappingProfiles.name})`, name.toLowerCase())));
  return row;
}

export async function getProfile(deps: Pick<Deps, 'db'>, id: string): Promise<MappingProfile> {
  const [row] = await deps.db.select().from(importMappingProfiles).where(and(live, eq(importMappingProfiles.id, id)));
  if (!row) throw notFound('mapping profile');
  return profileView(row);
}

const nameTaken = (name: string) => new AppError('conflict', { detail: `A mapping profile named "${name}" exists already.`, errors: [{ field: 'body.name', message: 'is taken' }] });

export async function saveProfile(
  deps: Pick<Deps, 'db' | 'now'>,
  principal: Principal,
  input: Pick<ProfileInput, 'name' | 'mapping' | 'options'> & { description?: string | null },
): Promise<MappingProfile> {
  try {
    const [row] = await deps.db
      .insert(importMappingProfiles)
      .values({ name: input.name, description: input.description ?? null, mapping: input.mapping, options: input.options, createdBy: principal.userId })
      .returning();
    return profileView(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function updateProfile(deps: Pick<Deps, 'db' | 'now'>, id: string, input: ProfileInput): Promise<MappingProfile> {
  try {
    const [row] = await deps.db
      .update(importMappingProfiles)
      .set({ name: input.name, description: input.description ?? null, mapping: input.mapping, options: input.options, updatedAt: deps.now() })
      .where(and(live, eq(importMappingProfiles.id, id)))
      .returning();
    if (!row) throw notFound('mapping profile');
    return profileView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function deleteProfile(deps: Pick<Deps, 'db' | 'now'>, id: string): Promise<void> {
  const [row] = await deps.db
    .update(importMappingProfiles)
    .set({ deletedAt: deps.now(), updatedAt: deps.now() })
    .where(and(live, eq(importMappingProfiles.id, id)))
    .returning({ id: importMappingProfiles.id });
  if (!row) throw notFound('mapping profile');
}

/**
 * A profile's mapping applied to a file's headers (matched case-, space- and punctuation-
 * insensitively); headers the profile does not name are ignored.
 */
export function applyProfile(profile: Pick<ProfileRow, 'mapping'>, headers: string[]): ColumnMapping {
  const byHeader = new Map((profile.mapping as { header: string; target: string | null }[]).map((m) => [normalizeHeader(m.header), m.target]));
  return headers.map((header, column) => ({ column, target: (byHeader.get(normalizeHeader(header)) ?? null) as ColumnMapping[number]['target'] }));
}

/** The default Pivotal template mapping: exact template headers and known synonyms; other columns become custom fields. */
export function templateMapping(headers: string[]): ColumnMapping {
  return autoMap(headers).map((s) => ({
    column: s.column,
    target: s.method === 'exact' || s.method === 'synonym' || s.method === 'custom' ? s.target : null,
  }));
}
