// Where leads come from: a positive call's wrap-up (in its transaction, once per call), a person
// (by hand), or a lead CSV matched to our contacts by email. Each lead carries a snapshot of the
// person's details (`fields`, what the client receives), its campaign's client and the first row
// of its history; its QA pipeline starts once the lead is committed.
import { sql, type SQL } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import type { CreateLead, LeadImportResult } from '@shared/contracts/leads';
import { normalizeEmail } from '@shared/normalize';
import type { Deps } from '../../../core/deps';
import { AppError, invalid } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import type { LeadsHooks } from '../hooks';
import { startLeadPipeline } from '../pipeline/start';
import { findCampaign } from './campaign-settings';
import { recordCreation } from './transitions';

/** The most data rows one import takes. */
export const LEAD_IMPORT_MAX_ROWS = 5000;
/** Pipelines an import starts side by side. */
const PIPELINE_STARTS_AT_ONCE = 10;
/** The longest answer cell kept. */
const ANSWER_MAX_CHARS = 2000;

const textArray = (values: readonly (string | null)[]): SQL => sql`${sql.param(values)}::text[]`;

/**
 * The lead's copy of the person's details, from the contact (`c`) and its account (`a`); a contact
 * with only a full name has it split at the first space.
 */
const FIELDS_SNAPSHOT = (phone: SQL) => sql`jsonb_build_object(
    'firstName', coalesce(c.first_name, nullif(split_part(c.full_name, ' ', 1), '')),
    'lastName', coalesce(c.last_name, nullif(regexp_replace(coalesce(c.full_name, ''), '^\\S+\\s*', ''), '')),
    'email', c.email,
    'phone', coalesce(${phone}, c.direct_phone, c.mobile_phone),
    'title', c.job_title,
    'company', a.name,
    'domain', a.domain,
    'country', coalesce(c.country, a.country))`;

/**
 * In the wrap-up's transaction of a positive call: the call's lead (contact, account, campaign,
 * agent, recording, form answers), once — a call already with a lead makes none. Its id, or null.
 */
export async function createLeadFromCall(tx: Database, callId: string, at: Date, hooks: LeadsHooks = {}): Promise<string | null> {
  const created = await queryOne<{ id: string; agent_id: string | null }>(
    tx,
    sql`insert into leads (state, source, contact_id, account_id, campaign_id, campaign_kind, client_org_id, call_id, agent_id,
                           recording_key, answers, fields, created_by, created_at, updated_at)
      select 'new', 'call', k.contact_id, a.id, k.campaign_id, 'call', s.client_org_id, k.id, k.agent_id,
             k.recording_key, coalesce(k.answers, '{}'::jsonb), ${FIELDS_SNAPSHOT(sql`k.to_number`)}, k.agent_id,
             ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
      from calls k
      left join contacts c on c.id = k.contact_id
      left join accounts a on a.id = coalesce(k.account_id, c.account_id)
      left join lead_campaign_settings s on s.campaign_id = k.campaign_id
      where k.id = ${callId}::uuid
      on conflict (call_id) where call_id is not null do nothing
      returning id, agent_id`,
  );
  if (!created) return null;
  await assignOrder(tx, hooks, [created.id]);
  await recordCreation(tx, created.id, created.agent_id, at, 'From a positive call');
  return created.id;
}

/** Leads of a campaign that works a client order carry the order, and the order's client is theirs. */
async function assignOrder(tx: Database, hooks: LeadsHooks, leadIds: readonly string[]): Promise<void> {
  if (!hooks.orderForCampaign || !leadIds.length) return;
  const lead = await queryOne<{ campaign_id: string | null; campaign_kind: 'call' | 'email' | null }>(
    tx,
    sql`select campaign_id::text, campaign_kind from leads where id = ${leadIds[0]!}::uuid`,
  );
  if (!lead?.campaign_id || !lead.campaign_kind) return;
  const order = await hooks.orderForCampaign(tx, lead.campaign_id, lead.campaign_kind);
  if (!order) return;
  await tx.execute(sql`update leads set order_id = ${order.orderId}::uuid, client_org_id = ${order.clientOrgId}::uuid
    where id = any(${sql.param([...leadIds])}::uuid[])`);
}

/** Starts a committed lead's pipeline; a start that fails is logged and left to the sweeper. */
export async function startCreatedLead(deps: Deps, leadId: string): Promise<void> {
  try {
    await startLeadPipeline(deps, leadId);
  } catch (error) {
    deps.logger.warn('lead pipeline not started: the sweeper will start it', { leadId, error: (error as Error).message });
  }
}

/** The campaign a lead is made for, checked against the kind the request names. */
async function campaignFor(db: Database, campaignId: string, kind: 'call' | 'email') {
  const campaign = await findCampaign(db, campaignId);
  if (!campaign || campaign.kind !== kind) throw invalid('body.campaignId', `is not ${kind === 'call' ? 'a call' : 'an email'} campaign`);
  return campaign;
}

/** Inserts leads for (contact, answers) pairs of one campaign in one statement; their ids in the same order. */
async function insertLeads(
  tx: Database,
  input: {
    campaignId: string;
    campaignKind: 'call' | 'email';
    source: 'import' | 'manual';
    actorId: string;
    at: Date;
    rows: { contactId: string; answers: Record<string, unknown>; notes: string | null }[];
    hooks: LeadsHooks;
  },
): Promise<string[]> {
  const at = input.at.toISOString();
  // One statement for every row of the import (at most LEAD_IMPORT_MAX_ROWS), ids in the input's order.
  const rows = await queryRows<{ id: string; ord: number }>(
    tx,
    sql`with input as (
        select * from unnest(${textArray(input.rows.map((r) => r.contactId))}, ${textArray(input.rows.map((r) => JSON.stringify(r.answers)))},
                             ${textArray(input.rows.map((r) => r.notes))}) with ordinality as t(contact_id, answers, notes, ord)
      ), made as (
        insert into leads (state, source, contact_id, account_id, campaign_id, campaign_kind, client_org_id, answers, fields, notes, created_by, created_at, updated_at)
        select 'new', ${input.source}, c.id, a.id, ${input.campaignId}::uuid, ${input.campaignKind}, s.client_org_id, i.answers::jsonb,
               ${FIELDS_SNAPSHOT(sql`null::text`)}, i.notes, ${input.actorId}::uuid, ${at}::timestamptz, ${at}::timestamptz
        from input i
        join contacts c on c.id = i.contact_id::uuid
        left join accounts a on a.id = c.account_id
        left join lead_campaign_settings s on s.campaign_id = ${input.campaignId}::uuid
        order by i.ord
        returning id, contact_id
      )
      select m.id, i.ord::int as ord from made m join input i on i.contact_id::uuid = m.contact_id order by i.ord`,
  );
  const ids = rows.map((r) => r.id);
  await assignOrder(tx, input.hooks, ids);
  // Each lead's first history row, in one statement.
  await tx.execute(sql`insert into lead_transitions (lead_id, from_state, to_state, actor_id, note, at)
    select id, null, 'new', ${input.actorId}::uuid, ${input.source === 'import' ? 'Imported' : 'Created by hand'}, ${at}::timestamptz
    from unnest(${textArray(ids)}::uuid[]) as t(id)`);
  return ids;
}

/** A lead made by a person for a contact and a campaign; its pipeline starts after the commit. */
export async function createLead(deps: Deps, actorId: string, input: CreateLead, hooks: LeadsHooks = {}): Promise<string> {
  const [id] = await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    await campaignFor(tx, input.campaignId, input.campaignKind);
    const contact = await queryOne<{ id: string }>(tx, sql`select id from contacts where id = ${input.contactId}::uuid and deleted_at is null`);
    if (!contact) throw invalid('body.contactId', 'is not a contact');
    return insertLeads(tx, {
      campaignId: input.campaignId,
      campaignKind: input.campaignKind,
      source: 'manual',
      actorId,
      at: deps.now(),
      rows: [{ contactId: contact.id, answers: input.answers, notes: input.notes }],
      hooks,
    });
  });
  await startCreatedLead(deps, id!);
  return id!;
}

function parseLeadCsv(csv: string): string[][] {
  try {
    // Blank lines are kept as records so that row numbers match the file's (a multi-line cell aside).
    return parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true, max_record_size: 100_000 }) as string[][];
  } catch (error) {
    throw invalid('body.csv', `is not a CSV file we can read (${(error as Error).message.split('\n')[0]!.slice(0, 200)})`);
  }
}

/**
 * A lead CSV for a campaign: its Email column is matched to our contacts (normalized); its other
 * columns become the lead's answers. A row without a known contact, or whose contact already has a
 * lead of this campaign (or an earlier row), is skipped with the reason; the rest are made in one
 * transaction, so an import is whole or not at all, and importing a file again makes nothing new.
 */
export async function importLeads(
  deps: Deps,
  actorId: string,
  input: { campaignId: string; campaignKind: 'call' | 'email'; csv: string },
  hooks: LeadsHooks = {},
): Promise<LeadImportResult> {
  const records = parseLeadCsv(input.csv);
  const blank = (cells: string[]) => cells.every((cell) => !cell.trim());
  const [header, ...data] = records;
  if (!header || blank(header)) throw invalid('body.csv', 'has no header row');
  const emailAt = header.findIndex((h) => /^e-?mail( address)?$/i.test(h.trim()));
  if (emailAt < 0) throw invalid('body.csv', 'needs an Email column');
  if (!data.some((cells) => !blank(cells))) throw invalid('body.csv', 'has no rows under its header');
  if (data.length > LEAD_IMPORT_MAX_ROWS) throw invalid('body.csv', `has ${data.length} rows: at most ${LEAD_IMPORT_MAX_ROWS} at a time`);

  const skipped: LeadImportResult['skipped'] = [];
  const wanted: { row: number; email: string; answers: Record<string, unknown> }[] = [];
  data.forEach((cells, i) => {
    const row = i + 2;
    if (blank(cells)) return;
    const raw = cells[emailAt]?.trim() ?? '';
    if (!raw) return skipped.push({ row, reason: 'No email' });
    const email = normalizeEmail(raw);
    if (!email) return skipped.push({ row, reason: `"${raw.slice(0, 100)}" is not an email address` });
    // Own properties whatever the column is called (a header may be "__proto__").
    const answers: Record<string, unknown> = Object.fromEntries(
      header.flatMap((name, col) => {
        const value = cells[col]?.trim();
        return col !== emailAt && name.trim() && value ? [[name.trim(), value.slice(0, ANSWER_MAX_CHARS)]] : [];
      }),
    );
    wanted.push({ row, email, answers });
  });

  const result = await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    await campaignFor(tx, input.campaignId, input.campaignKind);
    // Imports into one campaign take turns, so the same file sent twice at once still makes each lead once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`leads:import:${input.campaignId}`}))`);
    const emails = [...new Set(wanted.map((w) => w.email))];
    const known = await queryRows<{ id: string; email: string; has_lead: boolean }>(
      tx,
      sql`select c.id, c.email,
          exists (select 1 from leads l where l.contact_id = c.id and l.campaign_id = ${input.campaignId}::uuid and l.deleted_at is null) as has_lead
        from contacts c where c.deleted_at is null and c.email = any(${textArray(emails)})`,
    );
    const byEmail = new Map(known.map((k) => [k.email, k]));
    const firstRow = new Map<string, number>();
    const rows: { contactId: string; answers: Record<string, unknown>; notes: null }[] = [];
    for (const w of wanted) {
      const contact = byEmail.get(w.email);
      if (!contact) {
        skipped.push({ row: w.row, reason: `No contact with the email ${w.email}` });
      } else if (contact.has_lead) {
        skipped.push({ row: w.row, reason: 'This contact already has a lead in this campaign' });
      } else if (firstRow.has(contact.id)) {
        skipped.push({ row: w.row, reason: `Duplicate of row ${firstRow.get(contact.id)}` });
      } else {
        firstRow.set(contact.id, w.row);
        rows.push({ contactId: contact.id, answers: w.answers, notes: null });
      }
    }
    const leadIds = rows.length
      ? await insertLeads(tx, { campaignId: input.campaignId, campaignKind: input.campaignKind, source: 'import', actorId, at: deps.now(), rows, hooks })
      : [];
    if (leadIds.length !== rows.length) throw new AppError('conflict', { detail: 'Some contacts changed during the import: nothing was imported, try again.' });
    return { created: leadIds.length, leadIds, skipped: skipped.sort((a, b) => a.row - b.row) };
  });
  // Ten at a time: a large import's starts overlap, and any that fail are the sweeper's.
  for (let i = 0; i < result.leadIds.length; i += PIPELINE_STARTS_AT_ONCE) {
    await Promise.all(result.leadIds.slice(i, i + PIPELINE_STARTS_AT_ONCE).map((id) => startCreatedLead(deps, id)));
  }
  return result;
}
