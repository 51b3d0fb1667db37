// Deterministic sample accounts for the /design page: 100,000 realistic B2B rows from a seeded
// generator (the same rows on every load, no faker in the bundle), and an in-memory stand-in for
// a cursor-paginated list endpoint so the DataTable demo behaves as it does against the API.
import { compileFilter } from '@/components/ui/advanced-filter-bar/evaluate-filter';
import type { SortState } from '@/components/ui/data-table/data-table';
import type { FieldDefinition, FilterGroup } from '@shared/contracts/filters';
import { mulberry32 } from '@shared/seeded-random';

export const STAGES = ['target', 'engaged', 'mql', 'opportunity', 'customer', 'churned'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  target: 'Target',
  engaged: 'Engaged',
  mql: 'MQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  churned: 'Churned',
};

export const INDUSTRIES = [
  'Software',
  'Financial services',
  'Healthcare',
  'Manufacturing',
  'Logistics',
  'Retail',
  'Energy',
  'Telecommunications',
  'Education',
  'Media',
  'Cybersecurity',
  'Biotech',
] as const;

interface CountryInfo {
  code: string;
  name: string;
  tld: string;
  dial: string;
}
const COUNTRIES: CountryInfo[] = [
  { code: 'US', name: 'United States', tld: 'com', dial: '+1' },
  { code: 'GB', name: 'United Kingdom', tld: 'co.uk', dial: '+44' },
  { code: 'DE', name: 'Germany', tld: 'de', dial: '+49' },
  { code: 'FR', name: 'France', tld: 'fr', dial: '+33' },
  { code: 'CA', name: 'Canada', tld: 'ca', dial: '+1' },
  { code: 'AU', name: 'Australia', tld: 'com.au', dial: '+61' },
  { code: 'NL', name: 'Netherlands', tld: 'nl', dial: '+31' },
  { code: 'SE', name: 'Sweden', tld: 'se', dial: '+46' },
  { code: 'IN', name: 'India', tld: 'in', dial: '+91' },
  { code: 'SG', name: 'Singapore', tld: 'sg', dial: '+65' },
];
export const COUNTRY_OPTIONS = COUNTRIES.map((c) => ({ value: c.code, label: c.name }));

export const OWNERS = ['Maya Chen', 'Jonas Weber', 'Priya Raman', 'Diego Alvarez', 'Sofia Rossi', 'Liam O’Connor', 'Hana Sato', 'Noah Fischer'] as const;

const PREFIXES = ['Blue', 'North', 'Bright', 'Iron', 'Summit', 'Cedar', 'Harbor', 'Apex', 'Vertex', 'Lumen', 'Nova', 'Quantum', 'Silver', 'Granite', 'Pioneer', 'Atlas', 'Beacon', 'Crest', 'Delta', 'Evergreen', 'Keystone', 'Meridian', 'Orbit', 'Redwood'];
const NOUNS = ['Analytics', 'Logistics', 'Health', 'Systems', 'Labs', 'Capital', 'Software', 'Networks', 'Energy', 'Foods', 'Robotics', 'Security', 'Media', 'Partners', 'Cloud', 'Bio', 'Mobility', 'Payments', 'Learning', 'Retail'];
const SUFFIXES = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'Group', 'Corp.', 'AG', 'SA'];
const FIRST = ['Emma', 'Oliver', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Zoe', 'Arjun', 'Lena', 'Mateo', 'Chloe', 'Kenji', 'Nora', 'Samuel', 'Ines', 'Felix'];
const LAST = ['Johnson', 'Müller', 'Patel', 'Garcia', 'Smith', 'Nakamura', 'Dubois', 'Andersson', 'Brown', 'Kowalski', 'Rossi', 'Kim', 'Nguyen', 'Schmidt', 'Lopez', 'Clarke'];

export interface SampleAccount {
  id: string;
  name: string;
  domain: string;
  industry: string;
  country: string;
  employees: number;
  revenue: number;
  stage: Stage;
  owner: string;
  contact: string;
  email: string;
  phone: string;
  score: number;
  lastActivity: string;
  openOpportunity: boolean;
}

const pick = <T,>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const ascii = (s: string) => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
const DAY_MS = 86_400_000;
const TODAY = Date.UTC(2026, 10, 20);

export function generateAccounts(count: number, seed = 20_260_101): SampleAccount[] {
  const rand = mulberry32(seed);
  const rows: SampleAccount[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const prefix = pick(rand, PREFIXES);
    const noun = pick(rand, NOUNS);
    const country = pick(rand, COUNTRIES);
    const variant = Math.floor(i / (PREFIXES.length * NOUNS.length));
    const domainBase = `${ascii(prefix)}${ascii(noun)}${variant > 0 ? variant : ''}`;
    const domain = `${domainBase}.${country.tld}`;
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const employees = Math.round(10 ** (1 + rand() * 3.7));
    const stage = pick(rand, STAGES);
    rows[i] = {
      id: `acc_${String(i + 1).padStart(6, '0')}`,
      name: `${prefix} ${noun} ${pick(rand, SUFFIXES)}`,
      domain,
      industry: pick(rand, INDUSTRIES),
      country: country.code,
      employees,
      revenue: Math.round(employees * (60_000 + rand() * 240_000)),
      stage,
      owner: pick(rand, OWNERS),
      contact: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}@${domain}`,
      phone: `${country.dial}${String(Math.floor(2_000_000_000 + rand() * 7_999_999_999)).slice(0, country.dial === '+1' ? 10 : 9)}`,
      score: Math.floor(rand() * 101),
      lastActivity: new Date(TODAY - Math.floor(rand() * 400) * DAY_MS).toISOString().slice(0, 10),
      openOpportunity: stage === 'opportunity' || (stage === 'engaged' && rand() < 0.3),
    };
  }
  return rows;
}

export const ACCOUNT_FIELDS: FieldDefinition[] = [
  { key: 'name', label: 'Account', type: 'text', sortable: true },
  { key: 'domain', label: 'Domain', type: 'text', sortable: true, mono: true },
  { key: 'industry', label: 'Industry', type: 'enum', options: INDUSTRIES.map((v) => ({ value: v, label: v })), sortable: true },
  { key: 'country', label: 'Country', type: 'enum', options: COUNTRY_OPTIONS, sortable: true },
  { key: 'stage', label: 'Stage', type: 'enum', options: STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })), sortable: true },
  { key: 'owner', label: 'Owner', type: 'enum', options: OWNERS.map((o) => ({ value: o, label: o })), sortable: true },
  { key: 'employees', label: 'Employees', type: 'number', sortable: true, mono: true },
  { key: 'revenue', label: 'Annual revenue', type: 'number', sortable: true, mono: true },
  { key: 'score', label: 'Intent score', type: 'number', sortable: true, mono: true },
  { key: 'lastActivity', label: 'Last activity', type: 'date', sortable: true, mono: true },
  { key: 'openOpportunity', label: 'Open opportunity', type: 'boolean' },
];

export interface AccountPage {
  rows: SampleAccount[];
  total: number;
  nextCursor: string | null;
}

/**
 * Answers like a list endpoint: filter, sort, then a page after an opaque cursor. The filtered
 * and sorted result is cached per query so paging through it is cheap.
 */
export function createAccountSource(all: SampleAccount[], latencyMs = 120) {
  let cacheKey = '';
  let cached: SampleAccount[] = all;
  function resultFor(filter: FilterGroup, sort: SortState | null): SampleAccount[] {
    const key = JSON.stringify([filter, sort]);
    if (key === cacheKey) return cached;
    let rows = filter.conditions.length > 0 ? all.filter(compileFilter<SampleAccount>(filter, ACCOUNT_FIELDS)) : all.slice();
    if (sort) {
      const k = sort.id as keyof SampleAccount;
      const dir = sort.desc ? -1 : 1;
      rows = rows.sort((a, b) => {
        const x = a[k];
        const y = b[k];
        if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
        return String(x).localeCompare(String(y)) * dir || a.id.localeCompare(b.id);
      });
    }
    cacheKey = key;
    cached = rows;
    return rows;
  }
  return function query(params: { filter: FilterGroup; sort: SortState | null; cursor: string | null; limit: number }): Promise<AccountPage> {
    return new Promise((resolve) => {
      setTimeout(() => {
        const rows = resultFor(params.filter, params.sort);
        const offset = params.cursor ? Number(atob(params.cursor)) : 0;
        const page = rows.slice(offset, offset + params.limit);
        const next = offset + page.length;
        resolve({ rows: page, total: rows.length, nextCursor: next < rows.length ? btoa(String(next)) : null });
      }, latencyMs);
    });
  };
}
