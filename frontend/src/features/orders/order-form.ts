// The staff "New order" form's values and what they send: money typed in the currency's units
// becomes cents, the pace its kind (with a weekly cap), questions one per line, the target list
// a pasted list of domains or an uploaded CSV. The contract's schema checks the result, and its
// messages are moved back onto the fields the form shows.
import { staffOrderCreateSchema, type DeliveryMethod, type OrderChannel, type Pace } from '@shared/contracts/portal';
import type { StaffOrderCreate } from './orders-api';

export const CRITERIA_KEYS = ['countries', 'industries', 'sizes', 'revenues', 'titles', 'seniorities', 'functions'] as const;
export type CriteriaKey = (typeof CRITERIA_KEYS)[number];

export interface OrderFormValues {
  orgId: string;
  name: string;
  channel: OrderChannel;
  volume: string;
  /** In the currency's units (85 or 85.50). */
  costPerLead: string;
  currency: string;
  startsOn: string;
  endsOn: string;
  paceKind: Pace['kind'];
  weeklyCap: string;
  criteria: Record<CriteriaKey, string[]>;
  /** One question a line; a line ending in "(optional)" is not required. */
  questions: string;
  deliveryMethod: DeliveryMethod;
  returnWindowDays: string;
  notes: string;
  /** Domains one per line (or separated by commas or spaces), or the CSV file's text. */
  targets: string;
  targetsFromCsv: boolean;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function emptyOrderForm(today: Date, orgId = ''): OrderFormValues {
  return {
    orgId,
    name: '',
    channel: 'telemarketing',
    volume: '100',
    costPerLead: '',
    currency: 'USD',
    startsOn: isoDay(today),
    endsOn: isoDay(new Date(today.getTime() + 30 * 86_400_000)),
    paceKind: 'even',
    weeklyCap: '',
    criteria: { countries: [], industries: [], sizes: [], revenues: [], titles: [], seniorities: [], functions: [] },
    questions: '',
    deliveryMethod: 'portal',
    returnWindowDays: '14',
    notes: '',
    targets: '',
    targetsFromCsv: false,
  };
}

/** "85", "85.5", "1,250.00" → cents; NaN when it is not an amount. */
export function toCents(text: string): number {
  const cleaned = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  return Math.round(Number(cleaned) * 100);
}

/** A pasted list of domains: split on new lines, commas, semicolons and spaces, blanks dropped. */
export function splitDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

const OPTIONAL = /\s*\(optional\)\s*$/i;

export function parseQuestions(text: string): { id: string; text: string; required: boolean }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => ({ id: `q${i + 1}`, text: line.replace(OPTIONAL, ''), required: !OPTIONAL.test(line) }));
}

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function toStaffOrderCreate(v: OrderFormValues): StaffOrderCreate {
  const targets = v.targets.trim() ? (v.targetsFromCsv ? { csv: v.targets } : { domains: splitDomains(v.targets) }) : undefined;
  return {
    orgId: v.orgId,
    name: v.name.trim(),
    channel: v.channel,
    volume: whole(v.volume),
    costPerLeadCents: toCents(v.costPerLead),
    currency: v.currency.trim().toUpperCase(),
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    pace: v.paceKind === 'weekly_cap' ? { kind: 'weekly_cap', weeklyCap: whole(v.weeklyCap) } : { kind: v.paceKind },
    criteria: { ...v.criteria },
    questions: parseQuestions(v.questions),
    deliveryMethod: v.deliveryMethod,
    returnWindowDays: whole(v.returnWindowDays),
    notes: v.notes.trim() || null,
    ...(targets ? { targets } : {}),
  };
}

/** Where the form shows a message about a path of the request. */
export function formFieldOf(path: readonly (string | number)[]): string {
  const [head, second] = path.map(String);
  if (head === 'costPerLeadCents') return 'costPerLead';
  if (head === 'pace') return second === 'weeklyCap' ? 'weeklyCap' : 'paceKind';
  if (head === 'criteria') return `criteria.${second ?? 'countries'}`;
  if (head === 'targets') return 'targets';
  if (head === 'questions') return 'questions';
  return head ?? 'name';
}

const MESSAGES: Record<string, string> = {
  orgId: 'Choose the client.',
  volume: 'A whole number of leads, at least 1.',
  costPerLead: 'An amount, such as 85 or 85.50.',
  weeklyCap: 'A whole number of leads a week, at least 1.',
  returnWindowDays: 'A whole number of days, from 0 to 90.',
};

/** The form's problems by field (empty: it may be sent). */
export function checkOrderForm(v: OrderFormValues): Record<string, string> {
  const parsed = staffOrderCreateSchema.safeParse(toStaffOrderCreate(v));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  // The schema checks the window only once every field is valid; said at once here.
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.endsOn = 'must not be before the start';
  for (const issue of parsed.error.issues) {
    const field = formFieldOf(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    errors[field] ??= MESSAGES[field] ?? issue.message;
  }
  return errors;
}
