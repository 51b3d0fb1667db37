// Demo data for `npm start -- --demo`: a default SIP trunk with made-up credentials (sealed like
// any other), a list of contacts to call, and two call campaigns written through this module's
// services — one active with its paused dialer queue, one draft — each with a script, a
// qualification form and dispositions, worked by the agent users when there are any.
import { and, eq, sql } from 'drizzle-orm';
import type { DispositionInput, FormField } from '@shared/contracts/telephony';
import { SYSTEM_ACTOR } from '../../../core/actor';
import type { Deps } from '../../../core/deps';
import { queryOne, queryRows } from '../../../db/rows';
import { contacts, sipTrunks, userRoles, users } from '../../../db/schema';
import type { TelephonyHooks } from '../hooks';
import { trunkDepsOf } from '../settings/routes';
import { createTrunk } from '../settings/trunks';
import { activateCampaign, createCampaign, putAgents } from './service';
import { seedCallHistory } from './demo-calls';
import { fillQueue } from '../dialer/fill';

export interface TelephonyDemoReport {
  trunkId: string;
  campaignIds: string[];
  agents: number;
  /** Calls in the discovery campaign's history. */
  calls: number;
}

const DISCOVERY_FORM: FormField[] = [
  { id: 'current_tool', label: 'What do they use for analytics today?', type: 'text', required: true, max: 200 },
  { id: 'team_size', label: 'Analysts on the team', type: 'number', required: false, min: 0, max: 10000 },
  { id: 'timeline', label: 'Buying timeline', type: 'choice', required: true, options: ['This quarter', 'Next quarter', 'This year', 'No plans'] },
  { id: 'pain_points', label: 'Pain points mentioned', type: 'multi', required: false, options: ['Slow reports', 'Data silos', 'Cost', 'Governance'] },
  { id: 'decision_maker', label: 'Is this the decision-maker?', type: 'yes_no', required: true },
  { id: 'follow_up_on', label: 'Agreed follow-up date', type: 'date', required: false },
];

const WEBINAR_FORM: FormField[] = [
  { id: 'attending', label: 'Will they attend the webinar?', type: 'yes_no', required: true },
  { id: 'session', label: 'Session', type: 'choice', required: false, options: ['Tuesday 10:00', 'Thursday 16:00'] },
  { id: 'colleagues', label: 'Colleagues to invite', type: 'number', required: false, min: 0, max: 20 },
];

const WEBINAR_DISPOSITIONS: DispositionInput[] = [
  { code: 'registered', label: 'Registered', outcomeClass: 'positive', shortcut: '1', retryAfterMinutes: null },
  { code: 'send_details', label: 'Send details by email', outcomeClass: 'neutral', shortcut: '2', retryAfterMinutes: null },
  { code: 'not_interested', label: 'Not interested', outcomeClass: 'negative', shortcut: '3', retryAfterMinutes: null },
  { code: 'call_back', label: 'Call back', outcomeClass: 'callback', shortcut: '4', retryAfterMinutes: null },
  { code: 'do_not_call', label: 'Do not call', outcomeClass: 'do_not_call', shortcut: '5', retryAfterMinutes: null },
  { code: 'wrong_number', label: 'Wrong number', outcomeClass: 'wrong_number', shortcut: '6', retryAfterMinutes: null },
];

/** Loads the telephony demo into a workspace without trunks; null when it has some, or when passwords cannot be sealed. */
export async function seedTelephonyDemo(deps: Deps, hooks?: TelephonyHooks): Promise<TelephonyDemoReport | null> {
  const any = await queryOne<{ n: number }>(deps.db, sql`select count(*)::int as n from ${sipTrunks}`);
  if (Number(any?.n ?? 0) > 0) return null;
  if (!deps.config.TELEPHONY_SECRET_KEY && !deps.config.TELEPHONY_SECRET_PREFIX) return null;

  const trunk = await createTrunk(trunkDepsOf(deps), {
    name: 'Telnyx — North America',
    sipHost: 'sip.telnyx.com',
    sipUsername: 'pivotal-demo',
    // Made up: the local Telnyx stand-in accepts any credentials.
    sipPassword: 'demo-trunk-passw0rd',
    connectionId: '1684641123236054244',
    callerIds: ['+14155550100', '+12125550142'],
    isDefault: true,
    active: true,
  });

  // The people to call: contacts with a phone number, in a list of their own.
  const [list] = await queryRows<{ id: string }>(
    deps.db,
    sql`with list as (
          insert into static_lists (name, description) values ('Call targets: data leaders', 'Contacts with a phone number for the discovery calls')
          on conflict do nothing returning id
        ), members as (
          insert into static_list_members (list_id, contact_id)
          select (select id from list), c.id from ${contacts} c
          where (c.direct_phone is not null or c.mobile_phone is not null) and c.deleted_at is null and exists (select 1 from list)
          order by c.id limit 150
        )
        select id from list`,
  );

  const discovery = await createCampaign(deps, SYSTEM_ACTOR, {
    name: 'Data platform discovery calls',
    audience: list ? { kind: 'list', id: list.id } : null,
    trunkId: null,
    callerId: '+14155550100',
    sellerName: 'Pivotal Demo Co.',
    sellerPhone: '+14155550100',
    script: DISCOVERY_SCRIPT_HTML,
    form: DISCOVERY_FORM,
    callingWindow: { start: '09:00', end: '17:30' },
    record: true,
    consentAnnouncement: 'This call may be recorded for quality and training.',
    recordingRetentionDays: 180,
  });
  const webinar = await createCampaign(
    deps,
    SYSTEM_ACTOR,
    {
      name: 'Spring webinar invitations',
      audience: list ? { kind: 'list', id: list.id } : null,
      trunkId: trunk.id,
      callerId: '+12125550142',
      sellerName: 'Pivotal Demo Co.',
      sellerPhone: '+12125550142',
      script: WEBINAR_SCRIPT_HTML,
      form: WEBINAR_FORM,
      record: false,
      recordingRetentionDays: 365,
    },
    WEBINAR_DISPOSITIONS,
  );

  const agents = await deps.db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'agent'), eq(users.status, 'active')));
  if (agents.length) {
    for (const campaign of [discovery, webinar]) await putAgents(deps, campaign.id, agents.map((a) => a.id));
  }
  // The discovery calls are running (their dialer queue filled, paused until someone starts it)
  // and have two weeks of calls behind them.
  if (hooks && list) {
    await activateCampaign(deps, hooks, discovery.id);
    await fillQueue(deps, hooks, discovery.id, SYSTEM_ACTOR);
  }
  const calls = list ? await seedCallHistory(deps, discovery.id, agents.map((a) => a.id)) : 0;
  return { trunkId: trunk.id, campaignIds: [discovery.id, webinar.id], agents: agents.length, calls };
}

const DISCOVERY_SCRIPT_HTML = `<h3>Opening</h3>
<p>Hi {{ contact.first_name | default: "there" }}, this is Sam from Pivotal Demo Co. I'm calling because teams like yours at {{ account.name | default: "your company" }} often tell us their reporting is slow. Have I caught you at a bad time?</p>
<h3>Discovery</h3>
<ul><li>What do you use for analytics today?</li><li>How many analysts work with it?</li><li>What would you change first?</li></ul>
<h3>Close</h3>
<p>Would a <strong>20-minute walkthrough</strong> next week help? I can send an invitation to {{ contact.email | default: "your inbox" }}.</p>`;

const WEBINAR_SCRIPT_HTML = `<h3>Invitation</h3>
<p>Hi {{ contact.first_name | default: "there" }}, we're hosting a short webinar on modern data platforms for {{ account.industry | default: "teams like yours" }}. Could I save you a seat?</p>
<h3>If they say yes</h3>
<p>Pick a session, and ask whether colleagues should join too.</p>`;
