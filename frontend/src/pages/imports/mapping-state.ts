// The mapping screen's rules, kept apart from its markup: the starting mapping from the file's
// analysis, a saved profile applied to the file's headers, the choices offered for a column, and
// what stops the import from starting (a field mapped twice, no email and no name).
import type { ImportAnalysis, MappingProfile } from '@shared/contracts/imports';
import { normalizeHeader } from '@shared/csv/auto-map';
import { TEMPLATE_TARGETS, customFieldName, headerOfTarget, type TemplateTarget } from '@shared/csv/mapping-target';

/** A target for each column of the file, by index; null ignores the column. */
export type MappingDraft = (string | null)[];

/** One of these is needed for a contact to be created or matched (the API says the same). */
export const IDENTITY_TARGETS = ['contact.email', 'contact.fullName', 'contact.firstName', 'contact.lastName'] as const;

export function initialMapping(analysis: Pick<ImportAnalysis, 'columns'>): MappingDraft {
  return analysis.columns.map((c) => c.target);
}

/** A profile's targets for the file's headers, matched the way the drop folder matches them. */
export function applyProfileToHeaders(profile: Pick<MappingProfile, 'mapping'>, headers: readonly string[]): MappingDraft {
  const byHeader = new Map(profile.mapping.map((m) => [normalizeHeader(m.header), m.target]));
  return headers.map((header) => byHeader.get(normalizeHeader(header)) ?? null);
}

/** "contact.email" → "Email"; "account.name" → "Company Name"; custom fields by name. */
export function targetLabel(target: string | null): string {
  if (target === null) return 'Ignore this column';
  const custom = /^(contact|account)\.custom\.(.+)$/.exec(target);
  if (custom) return `Custom field: ${custom[2]}`;
  return (TEMPLATE_TARGETS as readonly string[]).includes(target) ? headerOfTarget(target as TemplateTarget) : target;
}

export interface TargetGroup {
  label: string;
  targets: string[];
}

/** The choices for one column: contact fields, company fields, and a custom field named after the header. */
export function targetGroups(header: string): TargetGroup[] {
  const custom = customFieldName(header);
  const groups: TargetGroup[] = [
    { label: 'Contact', targets: TEMPLATE_TARGETS.filter((t) => t.startsWith('contact.')) },
    { label: 'Company', targets: TEMPLATE_TARGETS.filter((t) => t.startsWith('account.')) },
  ];
  if (custom) groups.push({ label: 'Custom', targets: [`contact.custom.${custom}`] });
  return groups;
}

/** The searchable picker's options for one column: ignore, then every target of targetGroups (and the current one). */
export function targetOptions(header: string, current: string | null, ignoreValue: string): { value: string; label: string }[] {
  const targets = targetGroups(header).flatMap((g) => g.targets);
  if (current !== null && !targets.includes(current)) targets.push(current);
  return [{ value: ignoreValue, label: targetLabel(null) }, ...targets.map((t) => ({ value: t, label: targetLabel(t) }))];
}

export type MatchTone = 'neutral' | 'warning' | 'default' | 'success';

/**
 * The colour of a column's match badge. A column that goes into a new custom field matched no
 * template field, so it is amber like a weak guess, never green: the file says something the
 * template does not know, and a person should look.
 */
export function matchTone(method: string, confidence: number): MatchTone {
  if (method === 'ignored') return 'neutral';
  if (method === 'custom') return 'warning';
  if (method === 'manual' || method === 'profile') return 'default';
  return confidence >= 0.85 ? 'success' : 'warning';
}

/** Columns that feed no template field: new custom fields (and ignored columns, counted apart). */
export function unmappedCount(draft: MappingDraft): number {
  return draft.filter((t) => t !== null && !(TEMPLATE_TARGETS as readonly string[]).includes(t)).length;
}

export interface MappingProblems {
  /** Column index → why its target cannot stay. */
  columns: Map<number, string>;
  /** Why the mapping as a whole cannot start. */
  general: string | null;
}

export function checkMapping(draft: MappingDraft, headers: readonly string[]): MappingProblems {
  const columns = new Map<number, string>();
  const firstUse = new Map<string, number>();
  draft.forEach((target, column) => {
    if (target === null) return;
    const first = firstUse.get(target);
    if (first === undefined) firstUse.set(target, column);
    else columns.set(column, `${targetLabel(target)} is already mapped from “${headers[first] ?? `column ${first + 1}`}”`);
  });
  const hasIdentity = draft.some((t) => t !== null && (IDENTITY_TARGETS as readonly string[]).includes(t));
  return {
    columns,
    general: hasIdentity ? null : 'Map a column to Email or to a name (Full Name, First Name or Last Name).',
  };
}

export function isMappingValid(problems: MappingProblems): boolean {
  return problems.columns.size === 0 && problems.general === null;
}
