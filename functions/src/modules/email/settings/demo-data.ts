// Demo data for `npm start -- --demo`: a verified sending domain, a warm-up plan, a sender profile
// and two saved templates, written through this directory's services; then campaigns in several
// states, in SQL that writes what the sending engine would have: variants with their tracked
// links, recipients numbered in batches from 1 with SES-shaped message ids, done checkpoints,
// `sent` touches keyed by message id as the batch sender keys them, and the later events.
import { eq, sql } from 'drizzle-orm';
import { newEmailDocument } from '@shared/contracts/email-content';
import type { Deps } from '../../../core/deps';
import { queryOne, queryRows } from '../../../db/rows';
import { emailVariants, sendingDomains } from '../../../db/schema';
import { prepareTracking } from '../content';
import { recordTouches } from '../../activity';
import type { TouchInput } from '@shared/contracts/activity';
import { createSenderProfile } from './sender-profiles';
import { createTemplate } from './templates';
import { createWarmupPlan, utcDate } from './warmup-plans';

const DEMO_DOMAIN = 'news.pivotal-demo.example';
const DAY_MS = 86_400_000;

export interface EmailDemoReport {
  senderProfileId: string;
  templateIds: string[];
  campaigns: number;
}

/** Loads the email demo into a workspace without sending domains; null when it already has some. */
export async function seedEmailDemo(deps: Deps): Promise<EmailDemoReport | null> {
  const any = await queryOne<{ n: number }>(deps.db, sql`select count(*)::int as n from ${sendingDomains}`);
  if (Number(any?.n ?? 0) > 0) return null;
  const now = deps.now();
  // A domain as it is once its DNS records are published and SES has verified it.
  await deps.db.insert(sendingDomains).values({
    domain: DEMO_DOMAIN,
    status: 'verified',
    dkimVerified: true,
    records: ['a1b2c3', 'd4e5f6', 'g7h8i9'].map((t) => ({ type: 'CNAME', name: `${t}._domainkey.${DEMO_DOMAIN}`, value: `${t}.dkim.amazonses.com`, purpose: 'dkim' })).concat([
      { type: 'TXT', name: `mail.${DEMO_DOMAIN}`, value: 'v=spf1 include:amazonses.com ~all', purpose: 'spf' },
      { type: 'TXT', name: `_dmarc.${DEMO_DOMAIN}`, value: `v=DMARC1; p=none; rua=mailto:dmarc@${DEMO_DOMAIN}`, purpose: 'dmarc' },
    ]),
    lastCheckedAt: now,
    verifiedAt: new Date(now.getTime() - 20 * DAY_MS),
    createdAt: new Date(now.getTime() - 21 * DAY_MS),
    updatedAt: now,
  });
  const plan = await createWarmupPlan(deps, { name: 'Three-week ramp', dailyCaps: [200, 400, 800, 1500, 3000, 5000, 8000, 12000, 20000, 30000, 45000, 60000, 80000, 100000] });
  const profile = await createSenderProfile(deps, {
    name: 'Pivotal Demo newsletter',
    fromName: 'Pivotal Demo Co.',
    fromAddress: `hello@${DEMO_DOMAIN}`,
    replyTo: `team@${DEMO_DOMAIN}`,
    postalAddress: '100 Main Street, Springfield, IL 62701, USA',
    provider: 'ses',
    warmupPlanId: plan.id,
    warmupStartedOn: utcDate(new Date(now.getTime() - 10 * DAY_MS)),
    ratePerSecond: 14,
  });
  const templateDeps = { ...deps, assetUrl: (key: string) => `https://assets.pivotal-demo.example/${key}` };
  const update = await createTemplate(
    templateDeps,
    { name: 'Monthly product update', content: { mode: 'blocks', document: newEmailDocument(), subject: 'What’s new this month, {{ contact.first_name | default: "there" }}', preheader: 'Three things worth a minute' } },
    null,
  );
  const invite = await createTemplate(
    templateDeps,
    {
      name: 'Webinar invitation',
      content: {
        mode: 'html',
        subject: 'Join our live session on pipeline quality',
        preheader: 'Thursday, 30 minutes, with Q&A',
        html: '<h1>Hi {{ contact.first_name | default: "there" }},</h1><p>We are running a 30-minute session for {{ account.name | default: "your team" }} on keeping pipeline data clean.</p><p><a href="https://pivotal-demo.example/webinar">Save your seat</a></p><p>{{ sender.from_name }} · {{ sender.postal_address }}<br><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
      },
    },
    null,
  );
  const campaigns = await seedDemoCampaignsWithSql(deps, { senderProfileId: profile.id, templateIds: [update.id, invite.id] });
  return { senderProfileId: profile.id, templateIds: [update.id, invite.id], campaigns };
}

/**
 * A draft, a scheduled campaign and two sent ones with recipients (first contacts with an email),
 * deliveries, opens, clicks, bounces and an unsubscribe, their events and timeline touches.
 */
export async function seedDemoCampaignsWithSql(deps: Pick<Deps, 'db' | 'now'>, input: { senderProfileId: string; templateIds: string[] }): Promise<number> {
  const now = deps.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const specs = [
    { name: 'Q3 product update', status: 'sent', template: input.templateIds[0]!, startedDaysAgo: 14, offset: 0, size: 200 },
    { name: 'Pipeline webinar invitation', status: 'sent', template: input.templateIds[1]!, startedDaysAgo: 5, offset: 200, size: 150 },
    { name: 'Q4 product update', status: 'scheduled', template: input.templateIds[0]!, startedDaysAgo: -2, offset: 0, size: 0 },
    { name: 'Customer story: Northwind', status: 'draft', template: input.templateIds[1]!, startedDaysAgo: 0, offset: 0, size: 0 },
  ];
  // The scheduled campaign goes to a list, so it sends when its time comes like any other.
  const [list] = await queryRows<{ id: string }>(
    deps.db,
    sql`with list as (
          insert into static_lists (name, description) values ('Newsletter subscribers', 'Contacts who asked for product news')
          on conflict do nothing returning id
        ), members as (
          insert into static_list_members (list_id, contact_id)
          select (select id from list), c.id from contacts c
          where c.email is not null and c.deleted_at is null and exists (select 1 from list)
          order by c.id offset 400 limit 120
        )
        select id from list`,
  );
  const touches: TouchInput[] = [];
  for (const spec of specs) {
    const sent = spec.status === 'sent';
    const [campaign] = await queryRows<{ id: string }>(
      deps.db,
      sql`insert into email_campaigns (name, status, audience_kind, audience_id, sender_profile_id, schedule, scheduled_at, started_at, finished_at, created_at, updated_at)
          values (${spec.name}, ${spec.status}, ${spec.status === 'scheduled' && list ? 'list' : null}, ${spec.status === 'scheduled' ? (list?.id ?? null) : null}::uuid,
            ${input.senderProfileId}::uuid,
            ${spec.status === 'draft' ? null : JSON.stringify({ kind: 'at', at: at(spec.startedDaysAgo) })}::jsonb,
            ${spec.status === 'draft' ? null : at(spec.startedDaysAgo)}::timestamptz, ${sent ? at(spec.startedDaysAgo) : null}::timestamptz,
            ${sent ? at(spec.startedDaysAgo - 0.05) : null}::timestamptz, ${at(Math.max(spec.startedDaysAgo, 0) + 3)}::timestamptz, ${at(Math.max(spec.startedDaysAgo, 0))}::timestamptz)
          returning id`,
    );
    const [variant] = await queryRows<{ id: string; html: string }>(
      deps.db,
      sql`insert into email_variants (campaign_id, key, subject, preheader, mode, document, mjml, html, text)
          select ${campaign!.id}::uuid, 'A', subject, preheader, mode, document, mjml, html, text from email_templates where id = ${spec.template}::uuid
          returning id, html`,
    );
    // The click redirect finds a tracked link's target by its index, as a save through the editor stores it.
    await deps.db.update(emailVariants).set({ links: prepareTracking(variant!.html).links }).where(eq(emailVariants.id, variant!.id));
    if (!sent) continue;
    // One statement for the campaign's recipients: the next contacts with an address, their fates
    // drawn from a hash of the contact (about 3 % bounce, 40 % open, 12 % click; one unsubscribes).
    const recipients = await queryRows<{ id: number; contact_id: string; message_id: string; opened: boolean; clicked: boolean; bounced: boolean; unsubscribed: boolean; sent_at: string }>(
      deps.db,
      sql`with picked as (
            select t.*, row_number() over (order by t.id) as n from (
              select c.id, c.account_id, c.email, abs(hashtext(c.id::text)) % 100 as r
              from contacts c where c.email is not null and c.deleted_at is null order by c.id offset ${spec.offset} limit ${spec.size}
            ) t
          )
          insert into email_recipients (campaign_id, contact_id, account_id, email, variant_id, status, batch_no, message_id, attempts, sent_at,
                                        delivered_at, opened_at, clicked_at, bounce, unsubscribed_at)
          select ${campaign!.id}::uuid, p.id, p.account_id, p.email, ${variant!.id}::uuid, 'sent', 1 + (p.n - 1) / 100,
                 -- An SES message id's shape: 16 hex digits of time, a uuid, six digits.
                 lpad(to_hex((extract(epoch from ${at(spec.startedDaysAgo)}::timestamptz) * 1000)::bigint + p.n), 16, '0') || '-' || md5(${campaign!.id} || p.n)::uuid || '-000000', 1,
                 ${at(spec.startedDaysAgo)}::timestamptz,
                 case when p.r >= 3 then ${at(spec.startedDaysAgo)}::timestamptz + interval '1 minute' end,
                 case when p.r >= 60 then ${at(spec.startedDaysAgo)}::timestamptz + make_interval(mins => 30 + p.r * 7) end,
                 case when p.r >= 88 then ${at(spec.startedDaysAgo)}::timestamptz + make_interval(mins => 40 + p.r * 7) end,
                 case when p.r < 2 then 'hard' when p.r < 3 then 'soft' end,
                 case when p.n = 7 then ${at(spec.startedDaysAgo)}::timestamptz + interval '3 hours' end
          from picked p
          returning id, contact_id, message_id, opened_at is not null as opened, clicked_at is not null as clicked, bounce is not null as bounced,
                    unsubscribed_at is not null as unsubscribed, sent_at::text as sent_at`,
    );
    await batch(deps, campaign!.id, variant!.id);
    for (const r of recipients) {
      const base = { channel: 'email' as const, contactId: r.contact_id, campaignId: campaign!.id };
      const when = (minutes: number) => new Date(new Date(r.sent_at).getTime() + minutes * 60_000).toISOString();
      touches.push({ ...base, sourceEventId: `email:${r.message_id}`, kind: 'sent', occurredAt: when(0) });
      if (r.bounced) touches.push({ ...base, sourceEventId: `email:demo:${campaign!.id}:${r.id}:bounced`, kind: 'bounced', occurredAt: when(1) });
      if (r.opened) touches.push({ ...base, sourceEventId: `email:demo:${campaign!.id}:${r.id}:opened`, kind: 'opened', occurredAt: when(45) });
      if (r.clicked) touches.push({ ...base, sourceEventId: `email:demo:${campaign!.id}:${r.id}:clicked`, kind: 'clicked', occurredAt: when(50) });
      if (r.unsubscribed) touches.push({ ...base, sourceEventId: `email:demo:${campaign!.id}:${r.id}:unsubscribed`, kind: 'unsubscribed', occurredAt: when(180) });
    }
  }
  await recordTouches(deps.db, touches);
  return specs.length;
}

/** The sent campaign's batch checkpoints and its tracking and feedback events, from its recipients. */
async function batch(deps: Pick<Deps, 'db'>, campaignId: string, variantId: string): Promise<void> {
  await deps.db.execute(
    sql`insert into email_batches (campaign_id, batch_no, status, recipients, sent, started_at, finished_at)
        select campaign_id, batch_no, 'done', count(*), count(*), min(sent_at), max(sent_at) + interval '2 minutes'
        from email_recipients where campaign_id = ${campaignId}::uuid group by campaign_id, batch_no`,
  );
  // One statement: each recipient's delivery, bounce, open, click and unsubscribe as events.
  await deps.db.execute(
    sql`insert into email_events (source_event_id, campaign_id, recipient_id, variant_id, kind, link_index, detail, occurred_at)
        select 'demo:' || r.id || ':' || e.kind, r.campaign_id, r.id, ${variantId}::uuid, e.kind, e.link_index, e.detail, e.at
        from email_recipients r
        cross join lateral (values
          ('delivery', r.delivered_at, null::int, null::jsonb),
          ('bounce', case when r.bounce is not null then r.sent_at + interval '1 minute' end, null, jsonb_build_object('bounceType', case when r.bounce = 'hard' then 'Permanent' else 'Transient' end)),
          ('open', r.opened_at, null, null),
          ('click', r.clicked_at, 0, null),
          ('unsubscribe', r.unsubscribed_at, null, null)
        ) as e(kind, at, link_index, detail)
        where r.campaign_id = ${campaignId}::uuid and e.at is not null`,
  );
}
