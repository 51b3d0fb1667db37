// The compliance guard: the one way to turn an audience into the contacts that may be emailed or
// dialled now. Every send and dial path goes through applyComplianceGuard; nothing else in the
// code base decides who is contactable. One set-based statement classifies contacts — suppressed
// address, suppressed domain, suppressed phone, opted out, time zone unknown, outside the calling
// window — for the next slice of the audience in id order (the page) and, when asked, for the
// whole audience (the counts of who is left out and why). Phone calls also keep the stricter
// hours of the contact's state where calling_hour_rules has them (Florida 08:00–20:00, …).
import { sql, type SQL } from 'drizzle-orm';
import { EXCLUSION_REASONS, type ConsentChannel, type ExclusionReason } from '@shared/contracts/compliance';
import type { FilterGroup } from '@shared/contracts/filters';
import { compileFilter } from '../../db/filter-sql';
import { emailBaseSql } from '../../db/schema';
import { queryOne } from '../../db/rows';
import { invalid } from '../../core/app-error';
import { CONTACT_RESOURCE } from '../../records/fields';
import { textArray, type Db } from './suppressions-repo';
import { zoneMaps } from './time-zones';

/**
 * Who to consider. Segments and lists pass a query selecting one column of contact ids; the filter
 * bar's language is compiled against the contact fields; a dialler checks single contacts by id.
 */
export type Audience =
  | { kind: 'ids'; ids: readonly string[] }
  | { kind: 'query'; sql: SQL }
  | { kind: 'filter'; filter: FilterGroup };

/** Local time of the called party, 'HH:MM'; start inclusive, end exclusive. */
export interface CallingWindow {
  start: string;
  end: string;
}

/** The TCPA/TSR hours (8 a.m. to 9 p.m. at the called party's location); campaigns may narrow them. */
export const DEFAULT_CALLING_WINDOW: CallingWindow = { start: '08:00', end: '21:00' };
export const DEFAULT_GUARD_PAGE = 1000;
export const MAX_GUARD_PAGE = 10_000;

export interface GuardOptions {
  channel: ConsentChannel;
  /** The instant the contact would be reached (the calling window is checked at it). */
  now?: Date;
  /** Phone only; the campaign's window. */
  callingWindow?: CallingWindow;
  /** Where the previous page stopped (its nextCursor). */
  after?: string;
  /** How many audience members a page looks at (the contactable among them come back). */
  limit?: number;
  /** Count the whole audience by outcome (default true; later pages can skip it). */
  counts?: boolean;
}

export interface ContactableContact {
  contactId: string;
  /** Email channel: the address to write to. */
  email: string | null;
  /** Phone channel: the numbers that may be dialled (direct first), suppressed ones left out. */
  phones: string[];
  /** Phone channel: the zones the window was checked in. */
  timeZones: string[];
}

export interface GuardCounts {
  /** Live contacts in the audience. */
  audience: number;
  contactable: number;
  /** Each excluded contact counts once, under the first reason in EXCLUSION_REASONS order. */
  excluded: Record<ExclusionReason, number>;
}

export interface GuardResult {
  /** The contactable among the next `limit` live audience members in id order (maybe none). */
  contacts: ContactableContact[];
  /** Pass as `after` for the next page; null when the audience is done. */
  nextCursor: string | null;
  counts: GuardCounts | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The audience as a query of one column of contact ids. */
export function audienceSql(audience: Audience): SQL {
  switch (audience.kind) {
    case 'ids': {
      const bad = audience.ids.findIndex((id) => !UUID.test(id));
      if (bad >= 0) throw invalid(`audience.ids.${bad}`, 'is not a contact id');
      return sql`select unnest(${textArray(audience.ids as string[])}::uuid[])`;
    }
    case 'query':
      return audience.sql;
    case 'filter':
      return sql`select contacts.id from contacts where ${compileFilter(audience.filter, CONTACT_RESOURCE.filter)}`;
  }
}

/**
 * The zone lookup, bound as two JSON parameters: `keys` maps a lookup key (`tz:<zone>`,
 * `r:<country>:<state>`, `c:<country>`, `p:<phone prefix>`) to the id of a zone set, and `sets`
 * maps each id to its zones. Rows look keys up with `->>` (no join the planner could turn into a
 * loop per contact) and carry only set ids; whether a set is outside the window is worked out
 * once per query, over the few hundred sets.
 */
interface ZoneParams {
  keys: string;
  sets: string;
  setIds: string[];
  setZones: string[];
}

let zoneParams: ZoneParams | undefined;

function zoneMapParams(): ZoneParams {
  if (zoneParams) return zoneParams;
  const maps = zoneMaps();
  const keys: Record<string, string> = {};
  const idOfList = new Map<string, string>();
  const add = (key: string, list: readonly string[]) => {
    const joined = [...list].sort().join(',');
    let id = idOfList.get(joined);
    if (!id) idOfList.set(joined, (id = `s${idOfList.size}`));
    keys[key] = id;
  };
  for (const [name, zone] of maps.zones) add(`tz:${name}`, [zone]);
  for (const [region, list] of maps.regions) add(`r:${region}`, list);
  for (const [country, list] of maps.countries) add(`c:${country}`, list);
  for (const [prefix, list] of maps.phonePrefixes) add(`p:${prefix}`, list);
  // A state's code for its calling-hour rules (`g:US:florida` → `US:FL`).
  for (const [region, code] of maps.regionCodes) keys[`g:${region}`] = code;
  const sets = Object.fromEntries([...idOfList].map(([joined, id]) => [id, joined]));
  zoneParams = { keys: JSON.stringify(keys), sets: JSON.stringify(sets), setIds: [...idOfList.values()], setZones: [...idOfList.keys()] };
  return zoneParams;
}

/** True when the local time in zone `zone` at `now` is inside the window. */
function inWindowSql(zone: SQL, now: string, window: CallingWindow): SQL {
  const local = sql`(${now}::timestamptz at time zone ${zone})::time`;
  return window.start < window.end
    ? sql`(${local} >= ${window.start}::time and ${local} < ${window.end}::time)`
    : sql`(${local} >= ${window.start}::time or ${local} < ${window.end}::time)`;
}

/** Opted out for the channel: the channel's recorded consent decides; without one, the contact's template Consent Status. */
const OPTED_OUT = sql`case when cc.contact_id is not null then cc.status = 'opted_out' else coalesce(consent_status = 'opted-out', false) end`;

/**
 * CTEs `<name>_base` (the live contacts of `ids`) … `<name>` (id, email, phones, zones, reason:
 * null when contactable). The guard builds one for the page and one for the counts.
 */
type Classification = (name: string, ids: SQL) => SQL;

function baseCte(name: string, ids: SQL): SQL {
  return sql`${sql.raw(name)}_base as (
      select c.id, lower(btrim(c.email)) as email, c.direct_phone, c.mobile_phone, c.direct_phone_raw, c.mobile_phone_raw,
        c.timezone, c.country, c.state, c.consent_status
      from contacts c
      where c.deleted_at is null and c.id in (${ids})
    )`;
}

const emailClassification: Classification = (name, ids) => {
  const n = sql.raw(name);
  return sql`
    ${baseCte(name, ids)},
    ${n}_hosts as (
      -- A domain entry is a registrable domain: it matches the host or any subdomain, which for a
      -- registrable entry means the host ends in 2 to 6 labels equal to it (private suffixes such
      -- as s3.dualstack.<region>.amazonaws.com make deep ones). (offset 0: the labels are split
      -- once per contact, not once per join.)
      select b.*, x.s2, x.s3, x.s4, x.s5, x.s6
      from ${n}_base b
      cross join lateral (
        select case when k >= 2 then array_to_string(l[k - 1:], '.') end as s2,
               case when k >= 3 then array_to_string(l[k - 2:], '.') end as s3,
               case when k >= 4 then array_to_string(l[k - 3:], '.') end as s4,
               case when k >= 5 then array_to_string(l[k - 4:], '.') end as s5,
               case when k >= 6 then array_to_string(l[k - 5:], '.') end as s6
        from (select l, cardinality(l) as k from (select string_to_array(split_part(b.email, '@', 2), '.') as l offset 0) q1) q2
      ) x
    ),
    ${n} as (
      select h.id, h.email, '{}'::text[] as phones, '{}'::text[] as zones,
        case
          when h.email is null or h.email = '' then 'no_email'
          when se.id is not null then 'suppressed_email'
          when sd2.id is not null or sd3.id is not null or sd4.id is not null or sd5.id is not null or sd6.id is not null then 'suppressed_domain'
          when ${OPTED_OUT} then 'opted_out'
        end as reason
      from ${n}_hosts h
      -- An address entry covers the mailbox, plus-tagged aliases included (the email_base index).
      left join suppressions se on se.email_base = ${emailBaseSql(sql`h.email`)}
      left join suppressions sd2 on sd2.type = 'domain' and sd2.value = h.s2
      left join suppressions sd3 on sd3.type = 'domain' and sd3.value = h.s3
      left join suppressions sd4 on sd4.type = 'domain' and sd4.value = h.s4
      left join suppressions sd5 on sd5.type = 'domain' and sd5.value = h.s5
      left join suppressions sd6 on sd6.type = 'domain' and sd6.value = h.s6
      left join contact_consent cc on cc.contact_id = h.id and cc.channel = 'email'
    )`;
};

/**
 * Phone only, once per query: the lookup keys (bound once, read through a one-row CTE), the ids
 * of the zone sets with a zone outside the window at `now`, and the pairs `<state>|<set>` where a
 * stricter state rule (calling_hour_rules: narrower hours, or a day closed, by local weekday) shuts
 * the window in a zone of the set — a state's rule is read in every zone the contact could be in.
 */
function zoneCtes(now: string, window: CallingWindow): SQL {
  const zones = zoneMapParams();
  const local = sql`(${now}::timestamptz at time zone z.zone)`;
  return sql`zone_keys as (
      select ${zones.keys}::jsonb as keys
    ),
    zone_sets as (
      select s.id, s.zones from unnest(${textArray(zones.setIds)}, ${textArray(zones.setZones)}) as s(id, zones)
    ),
    closed_sets as (
      -- The local time is the same for every contact of a zone: each zone set is checked once.
      select coalesce(jsonb_object_agg(s.id, true), '{}'::jsonb) as ids
      from zone_sets s
      where exists (select 1 from unnest(string_to_array(s.zones, ',')) as z(zone) where not ${inWindowSql(sql`z.zone`, now, window)})
    ),
    closed_region_sets as (
      -- A handful of rules against a few hundred sets, once per query (rules are start < end).
      select coalesce(jsonb_object_agg(k.key, true), '{}'::jsonb) as ids
      from (
        select distinct r.country || ':' || r.region || '|' || s.id as key
        from calling_hour_rules r
        cross join zone_sets s
        cross join lateral unnest(string_to_array(s.zones, ',')) as z(zone)
        where (r.weekday is null or r.weekday = extract(dow from ${local})::int)
          and (r.closed or not (${local}::time >= r.start_time::time and ${local}::time < r.end_time::time))
      ) k
    )`;
}

const phoneClassification: Classification = (name, ids) => {
  const n = sql.raw(name);
  const key = (k: SQL) => sql`((select keys from zone_keys) ->> (${k}))`;
  // Calling codes are prefix-free and North American keys are +1 and the area code: the longest
  // key a number starts with is its one key.
  const phoneSet = (phone: SQL) =>
    sql`coalesce(${key(sql`'p:' || left(${phone}, 5)`)}, ${key(sql`'p:' || left(${phone}, 4)`)}, ${key(sql`'p:' || left(${phone}, 3)`)}, ${key(sql`'p:' || left(${phone}, 2)`)})`;
  return sql`
    ${baseCte(name, ids)},
    ${n}_located as (
      select b.id, b.direct_phone, b.mobile_phone,
        -- A number kept only as written (no country to read it in) was never checked against the
        -- do-not-call list: it is not dialled, and a contact with nothing else is left out for it.
        (b.direct_phone is null and nullif(btrim(b.direct_phone_raw), '') is not null)
          or (b.mobile_phone is null and nullif(btrim(b.mobile_phone_raw), '') is not null) as has_unverified,
        spd.id is not null as direct_suppressed, spm.id is not null as mobile_suppressed,
        ${OPTED_OUT} as opted_out,
        coalesce(
          ${key(sql`'tz:' || lower(btrim(b.timezone))`)},
          ${key(sql`'r:' || upper(btrim(b.country)) || ':' || lower(btrim(b.state))`)},
          ${key(sql`'c:' || upper(btrim(b.country))`)}
        ) as place_set,
        ${key(sql`'g:' || upper(btrim(b.country)) || ':' || lower(btrim(b.state))`)} as region
      from ${n}_base b
      left join suppressions spd on spd.type = 'phone' and spd.value = b.direct_phone
      left join suppressions spm on spm.type = 'phone' and spm.value = b.mobile_phone
      left join contact_consent cc on cc.contact_id = b.id and cc.channel = 'phone'
    ),
    ${n}_sets as (
      -- Where nothing tells the place, every zone either number could be in.
      select l.*,
        coalesce(l.place_set, ${phoneSet(sql`l.direct_phone`)}, ${phoneSet(sql`l.mobile_phone`)}) as set_a,
        case when l.place_set is null and l.direct_phone is not null then ${phoneSet(sql`l.mobile_phone`)} end as set_b
      from ${n}_located l
    ),
    ${n} as (
      select w.id, null::text as email,
        array_remove(array[
          case when not w.direct_suppressed then w.direct_phone end,
          case when not w.mobile_suppressed and w.mobile_phone is distinct from w.direct_phone then w.mobile_phone end
        ], null) as phones,
        array[w.set_a, w.set_b] as zones,
        case
          when w.direct_phone is null and w.mobile_phone is null then case when w.has_unverified then 'phone_unverified' else 'no_phone' end
          when (w.direct_phone is null or w.direct_suppressed) and (w.mobile_phone is null or w.mobile_suppressed) then 'suppressed_phone'
          when w.opted_out then 'opted_out'
          when w.set_a is null then 'unknown_time_zone'
          when (select ids from closed_sets) ? w.set_a or coalesce((select ids from closed_sets) ? w.set_b, false) then 'outside_calling_window'
          when w.region is not null and (select ids from closed_region_sets) ? (w.region || '|' || w.set_a) then 'outside_calling_window'
        end as reason
      from ${n}_sets w
    )`;
};

/** The zones of a classified row aliased `p`: the union of its zone sets (ids → zones). */
export function pageZonesSql(channel: ConsentChannel): SQL {
  if (channel === 'email') return sql`p.zones`;
  const sets = zoneMapParams().sets;
  return sql`(select coalesce(array_agg(distinct z order by z), '{}') from unnest(p.zones) as s(id),
    unnest(string_to_array(${sql.param(sets)}::jsonb ->> s.id, ',')) as z)`;
}

function assertWindow(window: CallingWindow): void {
  if (!HH_MM.test(window.start)) throw invalid('callingWindow.start', 'must be a time HH:MM');
  if (!HH_MM.test(window.end)) throw invalid('callingWindow.end', 'must be a time HH:MM');
  if (window.start === window.end) throw invalid('callingWindow', 'must not be empty');
}

/**
 * The guard's classification of `ids` as CTEs ending in `<name>` (id, email, phones, zones,
 * reason: null when contactable), for a caller that adds rules on top in the same statement
 * (the contact-policy gate). Goes after `with`.
 */
export function guardClassificationSql(name: string, ids: SQL, options: { channel: ConsentChannel; now: Date; callingWindow?: CallingWindow }): SQL {
  const window = options.callingWindow ?? DEFAULT_CALLING_WINDOW;
  if (options.channel === 'phone') assertWindow(window);
  const classify = options.channel === 'email' ? emailClassification : phoneClassification;
  const zones = options.channel === 'phone' ? sql`${zoneCtes(options.now.toISOString(), window)},` : sql``;
  return sql`${zones} ${classify(name, ids)}`;
}

/**
 * The contacts of an audience that may be reached on a channel at `now`, one page at a time in id
 * order, with counts of the whole audience by outcome. Email: not suppressed by address or by
 * domain, not opted out of email. Phone: at least one number not on the do-not-call list, not
 * opted out of calls, and the local time inside the calling window in every zone the contact
 * could be in (see time-zones.ts for how zones are derived; no zone → left out).
 */
export async function applyComplianceGuard(db: Db, audience: Audience, options: GuardOptions): Promise<GuardResult> {
  const window = options.callingWindow ?? DEFAULT_CALLING_WINDOW;
  if (options.channel === 'phone') assertWindow(window);
  const limit = options.limit ?? DEFAULT_GUARD_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GUARD_PAGE) throw invalid('limit', `must be 1 to ${MAX_GUARD_PAGE}`);
  if (options.after !== undefined && !UUID.test(options.after)) throw invalid('after', 'is not a contact id');
  const now = (options.now ?? new Date()).toISOString();
  const withCounts = options.counts ?? true;

  const classify = options.channel === 'email' ? emailClassification : phoneClassification;
  const members = audienceSql(audience);
  const row = await queryOne<{ scanned: number; last_id: string | null; audience: number | null; excluded: Record<string, number> | null; page: RawContact[] | null }>(
    db,
    sql`with page_ids as (
        -- The page: the next live audience members in id order (the primary key walks them).
        select c.id from contacts c
        where c.deleted_at is null ${options.after ? sql`and c.id > ${options.after}::uuid` : sql``}
          and c.id in (select a.id from (${members}) as a(id))
        order by c.id
        limit ${limit}
      ),
      ${options.channel === 'phone' ? sql`${zoneCtes(now, window)},` : sql``}
      ${classify('page', sql`select id from page_ids`)}
      ${withCounts ? sql`, ${classify('everyone', sql`select a.id from (${members}) as a(id)`)}` : sql``}
      select
        (select count(*)::int from page_ids) as scanned,
        (select max(id::text) from page_ids) as last_id,
        ${withCounts ? sql`(select count(*)::int from everyone)` : sql`null::int`} as audience,
        ${
          withCounts
            ? sql`(select coalesce(json_object_agg(reason, n), '{}'::json)
                from (select reason, count(*)::int as n from everyone where reason is not null group by reason) r)`
            : sql`null::json`
        } as excluded,
        (select coalesce(json_agg(json_build_object('id', p.id, 'email', p.email, 'phones', p.phones, 'zones', ${pageZonesSql(options.channel)}) order by p.id), '[]'::json)
          from page p where p.reason is null) as page`,
  );

  const raw = (typeof row?.page === 'string' ? JSON.parse(row.page) : row?.page ?? []) as RawContact[];
  const contacts: ContactableContact[] = raw.map((c) => ({
    contactId: c.id,
    email: options.channel === 'email' ? c.email : null,
    phones: c.phones ?? [],
    timeZones: c.zones ?? [],
  }));
  let counts: GuardCounts | null = null;
  if (withCounts && row) {
    const found = (typeof row.excluded === 'string' ? JSON.parse(row.excluded) : row.excluded ?? {}) as Record<string, number>;
    const excluded = Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, Number(found[reason] ?? 0)])) as Record<ExclusionReason, number>;
    const audienceCount = Number(row.audience ?? 0);
    counts = { audience: audienceCount, contactable: audienceCount - Object.values(excluded).reduce((a, b) => a + b, 0), excluded };
  }
  const full = Number(row?.scanned ?? 0) === limit;
  return { contacts, nextCursor: full && row?.last_id ? row.last_id : null, counts };
}

interface RawContact {
  id: string;
  email: string | null;
  phones: string[] | null;
  zones: string[] | null;
}
