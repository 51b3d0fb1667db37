// The new-order wizard's draft and what it becomes: the body POST /api/portal/orders takes, the
// step each field lives on (so the API's field errors land on the right step and field), and the
// check of one step against the same schema the API uses.
import { orderCreateSchema, type DeliveryMethod, type OrderChannel, type OrderCreate, type OrderCriteria } from '@shared/contracts/portal';

export const WIZARD_STEPS = ['basics', 'criteria', 'targets', 'questions', 'delivery', 'review'] as const;
export type WizardStepId = (typeof WIZARD_STEPS)[number];

export interface QuestionDraft {
  key: number;
  id: string;
  text: string;
  required: boolean;
}

export interface OrderDraft {
  name: string;
  channel: OrderChannel;
  volume: string;
  /** In the currency's units ("42.50"). */
  costPerLead: string;
  currency: string;
  startsOn: string;
  endsOn: string;
  paceKind: 'even' | 'front_loaded' | 'weekly_cap';
  weeklyCap: string;
  criteria: OrderCriteria;
  targetsMode: 'paste' | 'file';
  pastedDomains: string;
  targetsFile: { name: string; csv: string } | null;
  suppressionFile: { name: string; csv: string } | null;
  questions: QuestionDraft[];
  deliveryMethod: DeliveryMethod;
  returnWindowDays: string;
  notes: string;
}

export function emptyDraft(today: string): OrderDraft {
  return {
    name: '',
    channel: 'telemarketing',
    volume: '',
    costPerLead: '',
    currency: 'USD',
    startsOn: today,
    endsOn: '',
    paceKind: 'even',
    weeklyCap: '',
    criteria: { countries: [], industries: [], sizes: [], revenues: [], titles: [], seniorities: [], functions: [] },
    targetsMode: 'paste',
    pastedDomains: '',
    targetsFile: null,
    suppressionFile: null,
    questions: [],
    deliveryMethod: 'portal',
    returnWindowDays: '14',
    notes: '',
  };
}

/** Domains pasted one a line (or separated by commas, spaces or semicolons). */
export function pastedDomainList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/** A number typed in a field: NaN when it is not one (the schema then says what is wrong). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function draftToBody(draft: OrderDraft): OrderCreate {
  const cost = numberOf(draft.costPerLead);
  const pace: OrderCreate['pace'] = draft.paceKind === 'weekly_cap' ? { kind: 'weekly_cap', weeklyCap: numberOf(draft.weeklyCap) } : { kind: draft.paceKind };
  const domains = pastedDomainList(draft.pastedDomains);
  const targets: OrderCreate['targets'] =
    draft.targetsMode === 'file' ? (draft.targetsFile ? { csv: draft.targetsFile.csv } : undefined) : domains.length > 0 ? { domains } : undefined;
  return {
    name: draft.name,
    channel: draft.channel,
    volume: numberOf(draft.volume),
    costPerLeadCents: Number.isNaN(cost) ? cost : Math.round(cost * 100),
    currency: draft.currency,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    pace,
    criteria: draft.criteria,
    questions: draft.questions.map(({ id, text, required }) => ({ id, text, required })),
    deliveryMethod: draft.deliveryMethod,
    returnWindowDays: numberOf(draft.returnWindowDays),
    notes: draft.notes.trim() || null,
    ...(targets ? { targets } : {}),
  };
}

/** The draft's field (an error key) a body path speaks of: `costPerLeadCents` → `costPerLead`, `pace.weeklyCap` → `weeklyCap`. */
export function draftField(path: string): string {
  const [head, second] = path.split('.');
  if (head === 'costPerLeadCents') return 'costPerLead';
  if (head === 'pace') return second === 'weeklyCap' ? 'weeklyCap' : 'paceKind';
  if (head === 'criteria') return `criteria.${second ?? ''}`;
  if (head === 'targets') return 'targets';
  if (head === 'questions') return second === undefined ? 'questions' : `questions.${second}`;
  return head ?? path;
}

export function stepOf(field: string): WizardStepId {
  if (field.startsWith('criteria')) return 'criteria';
  if (field === 'targets' || field === 'suppressions') return 'targets';
  if (field.startsWith('questions')) return 'questions';
  if (field === 'deliveryMethod' || field === 'returnWindowDays' || field === 'notes') return 'delivery';
  return 'basics';
}

/** Errors by draft field, from the schema the API uses: every one, or only one step's. */
export function draftErrors(draft: OrderDraft, step?: WizardStepId): Record<string, string> {
  const parsed = orderCreateSchema.safeParse(draftToBody(draft));
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = draftField(issue.path.map(String).join('.'));
      if (step && stepOf(field) !== step) continue;
      errors[field] ??= issue.code === 'invalid_type' && /nan|number/i.test(issue.message) ? 'must be a number' : issue.message;
    }
  }
  return errors;
}
