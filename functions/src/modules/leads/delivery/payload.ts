// What a client receives: the lead's fields, answers, campaign and ids as JSON (webhooks), the
// field map's fields as a form (form posts) or as CSV columns; and the signature a client checks
// (`t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the secret's text).
import { createHmac, randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { DELIVERABLE_FIELDS, type LeadDeliveryPayload } from '@shared/contracts/lead-delivery';
import { neutralizeFormula } from '@shared/csv/neutralize-formula';

export interface FieldMapEntry {
  from: string;
  to: string;
}

/** A lead as delivery reads it. */
export interface DeliverableLead {
  id: string;
  contactId: string | null;
  accountId: string | null;
  source: string;
  approvedAt: Date | null;
  fields: Record<string, unknown>;
  answers: Record<string, unknown>;
  campaignId: string | null;
  campaignKind: 'call' | 'email' | null;
  campaignName: string | null;
  clientOrgId: string;
  clientName: string;
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => text(v) ?? '').join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** One lead field by its field-map name (`answers.<id>` for an answer); null when it has none. */
export function fieldValue(lead: DeliverableLead, from: string): string | null {
  if (from.startsWith('answers.')) return text(lead.answers[from.slice('answers.'.length)]);
  switch (from) {
    case 'id':
      return lead.id;
    case 'campaignName':
      return lead.campaignName;
    case 'approvedAt':
      return lead.approvedAt?.toISOString() ?? null;
    default:
      return text(lead.fields[from]);
  }
}

/** The field map applied: {client's name: value} (absent values are empty strings). */
export function mapFields(lead: DeliverableLead, fieldMap: FieldMapEntry[]): Record<string, string> {
  return Object.fromEntries(fieldMap.map((m) => [m.to, fieldValue(lead, m.from) ?? '']));
}

export function buildPayload(lead: DeliverableLead, deliveryId: string, fieldMap: FieldMapEntry[], event: LeadDeliveryPayload['event'] = 'lead.delivered'): LeadDeliveryPayload {
  const fields = Object.fromEntries(
    DELIVERABLE_FIELDS.filter((f) => !['id', 'campaignName', 'approvedAt'].includes(f)).map((f) => [f, fieldValue(lead, f)]),
  );
  return {
    event,
    deliveryId,
    lead: {
      id: lead.id,
      contactId: lead.contactId,
      accountId: lead.accountId,
      source: lead.source,
      approvedAt: lead.approvedAt?.toISOString() ?? null,
      fields,
      answers: lead.answers,
    },
    campaign: { id: lead.campaignId, kind: lead.campaignKind, name: lead.campaignName },
    client: { id: lead.clientOrgId, name: lead.clientName },
    mapped: mapFields(lead, fieldMap),
  };
}

/** A form post's body: application/x-www-form-urlencoded of the field map. */
export function formBody(lead: DeliverableLead, fieldMap: FieldMapEntry[]): string {
  return new URLSearchParams(Object.entries(mapFields(lead, fieldMap))).toString();
}

/** The columns of a CSV delivery: the field map, or every deliverable field when it has none. */
export function csvColumns(fieldMap: FieldMapEntry[]): FieldMapEntry[] {
  return fieldMap.length ? fieldMap : DELIVERABLE_FIELDS.map((f) => ({ from: f, to: f }));
}

/** CSV text (CRLF) of the header and the leads' rows, every cell formula-neutralized. */
export function csvText(leads: DeliverableLead[], fieldMap: FieldMapEntry[], withHeader = true): string {
  const columns = csvColumns(fieldMap);
  const rows = leads.map((lead) => columns.map((c) => neutralizeFormula(fieldValue(lead, c.from) ?? '')));
  const header = withHeader ? [columns.map((c) => neutralizeFormula(c.to))] : [];
  return stringify([...header, ...rows], { record_delimiter: '\r\n' });
}

/** `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** A new signing secret: 32 random bytes, hex. */
export const newSigningSecret = () => randomBytes(32).toString('hex');
