// The demo's call history: ten working days of a campaign's calls to its list, as the dialer and
// the agents would have left them — most unanswered, some answering machines, connected calls
// with their dispositions, notes and answers (and, when the campaign has one, the consent
// announcement played at the bridge), one abandoned call with its safe-harbour message — and the
// touches each wrote, so the contact timelines, the reports and the compliance page have
// something to show. Deterministic (seeded), written set-based.
import { sql } from 'drizzle-orm';
import type { TouchInput } from '@shared/contracts/activity';
import type { Deps } from '../../../core/deps';
import { queryRows } from '../../../db/rows';
import { recordTouches } from '../../activity';
import { callTouchId } from '../calls/call-keys';
import { mulberry32 } from '@shared/seeded-random';

type Target = {
  contactId: string;
  accountId: string | null;
  phone: string;
};

type DispositionRow = {
  id: string;
  code: string;
  label: string;
  outcomeClass: string;
};

const DAY = 86_400_000;
const NOTES: Record<string, string> = {
  positive: 'Keen on a walkthrough; asked for the deck first.',
  negative: 'Happy with their current tool, contract runs two more years.',
  neutral: 'Spoke to an assistant; the decision-maker is travelling.',
  callback: 'Asked to be called back after their board meeting.',
};

/** Writes the call history of `campaignId` to up to 60 of `targets`; answers how many calls. */
export async function seedCallHistory(deps: Deps, campaignId: string, agentIds: readonly string[], now = deps.now()): Promise<number> {
  const targets = await queryRows<Target>(
    deps.db,
    sql`select c.id as "contactId", c.account_id as "accountId", coalesce(c.direct_phone, c.mobile_phone) as phone
        from contacts c join static_list_members m on m.contact_id = c.id
        join call_campaigns cc on cc.id = ${campaignId}::uuid and cc.audience->>'id' = m.list_id::text
        where c.deleted_at is null and coalesce(c.direct_phone, c.mobile_phone) is not null
        order by c.id limit 60`,
  );
  const dispositions = await queryRows<DispositionRow>(
    deps.db,
    sql`select id, code, label, outcome_class as "outcomeClass" from call_dispositions
        where campaign_id = ${campaignId}::uuid and outcome_class in ('positive', 'negative', 'neutral', 'callback') order by position`,
  );
  if (!targets.length || !dispositions.length) return 0;

  const random = mulberry32(41);
  const rows: string[][] = [];
  const touches: TouchInput[] = [];
  const abandoned: Array<{ callId: string; answeredAt: Date }> = [];
  targets.forEach((t, i) => {
    const callId = `00000000-0000-7000-8000-${String(900000000000 + i).padStart(12, '0')}`;
    // A weekday between 09:00 and 17:00 New York time, within the last two weeks.
    const started = new Date(now.getTime() - (1 + Math.floor(random() * 13)) * DAY);
    started.setUTCHours(13 + Math.floor(random() * 8), Math.floor(random() * 60), Math.floor(random() * 60), 0);
    if (started.getUTCDay() === 0) started.setTime(started.getTime() + DAY);
    if (started.getUTCDay() === 6) started.setTime(started.getTime() - DAY);
    const at = (seconds: number) => new Date(started.getTime() + seconds * 1000).toISOString();
    const agentId = agentIds.length ? agentIds[i % agentIds.length]! : null;
    const roll = random();
    const base = { channel: 'call' as const, contactId: t.contactId, campaignId };
    touches.push({ ...base, sourceEventId: callTouchId(callId, 'attempted'), kind: 'attempted', occurredAt: started.toISOString(), summary: `Called ${t.phone}` });
    // state, amd, answered, human, bridged, ended, cause, abandoned, disposition, notes, answers
    if (i === 7) {
      // A person answered and no agent was free within 2 s: the safe-harbour message played.
      rows.push([callId, t.contactId, t.accountId ?? '', agentId ?? '', t.phone, started.toISOString(), 'ended', 'human', at(5), '', '', at(16), 'normal_clearing', 't', '', '', '']);
      abandoned.push({ callId, answeredAt: new Date(started.getTime() + 5000) });
    } else if (roll < 0.45) {
      rows.push([callId, t.contactId, t.accountId ?? '', agentId ?? '', t.phone, started.toISOString(), 'ended', '', '', '', '', at(20), 'timeout', 'f', '', '', '']);
    } else if (roll < 0.6) {
      rows.push([callId, t.contactId, t.accountId ?? '', agentId ?? '', t.phone, started.toISOString(), 'ended', 'machine', at(6), '', '', at(9), 'normal_clearing', 'f', '', '', '']);
    } else {
      const d = dispositions[Math.floor(random() * dispositions.length)]!;
      const talk = 45 + Math.floor(random() * 400);
      const answers = JSON.stringify({ timeline: ['This quarter', 'Next quarter', 'This year', 'No plans'][Math.floor(random() * 4)], decision_maker: random() < 0.6 });
      rows.push([callId, t.contactId, t.accountId ?? '', agentId ?? '', t.phone, started.toISOString(), 'ended', 'human', at(6), at(7), d.id, at(7 + talk), 'normal_clearing', 'f', NOTES[d.outcomeClass] ?? '', answers, at(7 + talk + 40)]);
      touches.push({ ...base, sourceEventId: callTouchId(callId, 'connected'), kind: 'connected', occurredAt: at(7), summary: `Connected to ${t.phone}` });
      const outcome = d.outcomeClass === 'positive' || d.outcomeClass === 'negative' ? d.outcomeClass : 'neutral';
      touches.push({ ...base, sourceEventId: callTouchId(callId, 'disposition'), kind: 'disposition', outcome, disposition: d.code, occurredAt: at(7 + talk + 40), summary: d.label });
    }
  });

  const col = (k: number) => sql.param(rows.map((r) => r[k] || null));
  await deps.db.execute(sql`insert into calls (id, campaign_id, contact_id, account_id, agent_id, origin, to_number, from_number, started_at, state, amd_result,
        answered_at, human_at, bridged_at, consent_announced_at, disposition_id, ended_at, hangup_cause, abandoned, notes, answers, disposition_at, last_event_at)
      select t.id::uuid, ${campaignId}::uuid, t.contact_id::uuid, t.account_id::uuid, t.agent_id::uuid, 'dialer', t.phone, '+14155550100', t.started::timestamptz, t.state,
        t.amd, t.answered::timestamptz, case when t.amd = 'human' then t.answered::timestamptz end, t.bridged::timestamptz,
        case when announced.yes then t.bridged::timestamptz end, t.disposition::uuid, t.ended::timestamptz,
        t.cause, t.abandoned = 't', t.notes, t.answers::jsonb, t.disposition_at::timestamptz, t.ended::timestamptz
      from (select coalesce(btrim(consent_announcement), '') <> '' as yes from call_campaigns where id = ${campaignId}::uuid) as announced,
        unnest(${col(0)}::text[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::text[], ${col(5)}::text[], ${col(6)}::text[], ${col(7)}::text[],
                  ${col(8)}::text[], ${col(9)}::text[], ${col(10)}::text[], ${col(11)}::text[], ${col(12)}::text[], ${col(13)}::text[], ${col(14)}::text[], ${col(15)}::text[],
                  ${col(16)}::text[])
        as t(id, contact_id, account_id, agent_id, phone, started, state, amd, answered, bridged, disposition, ended, cause, abandoned, notes, answers, disposition_at)
      on conflict do nothing`);
  for (const a of abandoned) {
    await deps.db.execute(sql`insert into call_events (event_id, call_id, event_type, occurred_at, payload)
      values (${`demo:${a.callId}:speak`}, ${a.callId}::uuid, 'call.speak.started', ${new Date(a.answeredAt.getTime() + 2000).toISOString()}::timestamptz, '{}'::jsonb)
      on conflict do nothing`);
  }
  for (let i = 0; i < touches.length; i += 500) await recordTouches(deps.db, touches.slice(i, i + 500));
  return rows.length;
}
