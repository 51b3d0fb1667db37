// Demo data for `npm start -- --demo`: a small content library of nine assets — a whitepaper PDF in two versions,
// a case study, a webinar banner image, the webinar's recording link, an email template edited
// once, landing copy, two social posts and an archived nurture email — with previews made as an
// upload makes them. Written once: nothing happens when the library has assets already.
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import { queryOne } from '../../../db/rows';
import { contentAssets } from '../../../db/schema/content';
import { makePreview, renderFirstPage } from './preview';
import { samplePdf } from './sample-pdf';
import { createTextAsset } from './service';
import { writeContentObject } from './storage';
import { createAssetVersion } from './versions';

export interface AssetsDemoReport {
  assets: number;
  versions: number;
  /** The assets in use (not archived), oldest first. */
  assetIds: string[];
}

type DemoDeps = Pick<Deps, 'db' | 'aws' | 'config' | 'now' | 'logger'>;

const DAY = 86_400_000;

async function demoAuthor(deps: DemoDeps): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    deps.db,
    sql`
    select u.id from users u join user_roles r on r.user_id = u.id
    where r.role in ('content_creator', 'campaign_manager', 'admin') and u.status = 'active' and u.org_id is null
    order by case r.role when 'content_creator' then 0 when 'campaign_manager' then 1 else 2 end, u.created_at
    limit 1`,
  );
  return row?.id ?? null;
}

async function uploadDemoFile(
  deps: DemoDeps,
  input: { assetId: string; fileName: string; contentType: string; bytes: Uint8Array; author: string | null; at: Date; note?: string },
): Promise<void> {
  const objectKey = `assets/demo/${input.assetId}/${input.at.getTime()}-${input.fileName}`;
  await writeContentObject(deps, objectKey, input.bytes, input.contentType);
  const file = { objectKey, contentType: input.contentType, sizeBytes: input.bytes.length };
  const previewKey = await makePreview(deps, file, `previews/demo/${input.assetId}/${input.at.getTime()}.png`);
  await createAssetVersion(deps.db, {
    assetId: input.assetId,
    source: 'upload',
    file: { ...file, fileName: input.fileName, previewKey },
    note: input.note ?? null,
    createdBy: input.author,
    at: input.at,
  });
}

async function fileAsset(deps: DemoDeps, meta: { type: 'document' | 'image'; title: string; description: string; tags: string[]; author: string | null; at: Date }): Promise<string> {
  const [row] = await deps.db
    .insert(contentAssets)
    .values({ type: meta.type, title: meta.title, description: meta.description, tags: meta.tags, createdBy: meta.author, updatedBy: meta.author, createdAt: meta.at, updatedAt: meta.at })
    .returning({ id: contentAssets.id });
  return row!.id;
}

export async function seedAssetsDemo(deps: DemoDeps): Promise<AssetsDemoReport | null> {
  const [existing] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(contentAssets);
  if (Number(existing?.n ?? 0) > 0) return null;
  const author = await demoAuthor(deps);
  const now = deps.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  let versions = 0;

  // The whitepaper: the first draft, then the revised edition.
  const whitepaper = await fileAsset(deps, {
    type: 'document',
    title: 'The State of B2B Demand Generation 2027',
    description: 'Our flagship whitepaper: survey of 400 marketing leaders on pipeline, intent data and ABM budgets.',
    tags: ['whitepaper', 'abm', 'gated'],
    author,
    at: at(30),
  });
  const paper = (edition: string) =>
    samplePdf('The State of B2B Demand Generation 2027', [
      edition,
      '',
      'Key findings',
      '1. 68% of teams moved budget from paid social to intent-led outreach.',
      '2. Accounts engaged on three channels convert 2.4x more often.',
      '3. Speed to lead under five minutes doubles meeting rates.',
      '',
      'Pivotal Research - demand generation benchmark series',
    ]);
  await uploadDemoFile(deps, { assetId: whitepaper, fileName: 'state-of-demand-gen-2027-draft.pdf', contentType: 'application/pdf', bytes: paper('Draft for review'), author, at: at(30) });
  await uploadDemoFile(deps, {
    assetId: whitepaper,
    fileName: 'state-of-demand-gen-2027.pdf',
    contentType: 'application/pdf',
    bytes: paper('Final edition'),
    author,
    at: at(21),
    note: 'Final edition after legal review',
  });
  versions += 2;

  const caseStudy = await fileAsset(deps, {
    type: 'document',
    title: 'Case study: Contoso doubles qualified pipeline',
    description: 'How Contoso used account-based telemarketing to double SQLs in two quarters.',
    tags: ['case-study', 'telemarketing'],
    author,
    at: at(18),
  });
  await uploadDemoFile(deps, {
    assetId: caseStudy,
    fileName: 'contoso-case-study.pdf',
    contentType: 'application/pdf',
    bytes: samplePdf('Case study: Contoso', ['Challenge: a long sales cycle and cold outbound.', 'Approach: intent data + ABM call campaigns.', 'Result: 2x qualified pipeline in 6 months.'], [0.05, 0.55, 0.5]),
    author,
    at: at(18),
  });
  versions += 1;

  // The webinar banner: an image drawn from a one-page PDF.
  const banner = await fileAsset(deps, {
    type: 'image',
    title: 'Webinar banner: Pipeline Acceleration Live',
    description: 'Hero image for the webinar registration page and social posts (1200 px).',
    tags: ['webinar', 'banner'],
    author,
    at: at(14),
  });
  const bannerPng = await renderFirstPage(samplePdf('Pipeline Acceleration Live', ['Thursday, 4 pm CET - 45 minutes', 'Register now'], [0.05, 0.55, 0.5]), 'application/pdf');
  await uploadDemoFile(deps, { assetId: banner, fileName: 'webinar-banner.png', contentType: 'image/png', bytes: bannerPng, author, at: at(14) });
  versions += 1;

  const texts: Parameters<typeof createTextAsset>[1][] = [
    {
      type: 'video_link',
      title: 'Webinar recording: ABM in 30 minutes',
      description: 'On-demand recording of the March webinar with the Q&A.',
      tags: ['webinar', 'abm'],
      url: 'https://video.example.com/webinars/abm-in-30-minutes',
      createdBy: author,
      at: at(12),
    },
    {
      type: 'landing_copy',
      title: 'Whitepaper landing page',
      description: 'Copy for the gated download page of the 2027 whitepaper.',
      tags: ['whitepaper', 'gated'],
      body: '# What 400 marketing leaders changed this year\n\nIntent data, ABM and speed to lead: see where budgets moved and what it did to pipeline.\n\n- 68% moved budget to intent-led outreach\n- Three-channel accounts convert 2.4x more often\n\n**Download the report**',
      createdBy: author,
      at: at(10),
    },
    {
      type: 'social_post',
      title: 'LinkedIn: whitepaper launch',
      description: '',
      tags: ['whitepaper', 'linkedin'],
      body: 'Where did B2B marketing budgets go this year? We asked 400 demand-gen leaders. The answers surprised us. Get the 2027 report:',
      createdBy: author,
      at: at(9),
    },
    {
      type: 'social_post',
      title: 'X: webinar reminder',
      description: '',
      tags: ['webinar', 'x'],
      body: 'Tomorrow 4 pm CET: Pipeline Acceleration Live. 45 minutes, no fluff, live Q&A. Save your seat:',
      createdBy: author,
      at: at(3),
    },
  ];
  for (const text of texts) {
    await createTextAsset(deps.db, text);
    versions += 1;
  }

  // The follow-up email: written, then edited a week later.
  const email = await createTextAsset(deps.db, {
    type: 'email_template',
    title: 'Whitepaper follow-up',
    description: 'Sent two days after a download.',
    tags: ['whitepaper', 'nurture'],
    subject: 'Your copy of the 2027 demand generation report',
    body: 'Hi {{ contact.first_name }},\n\nThanks for downloading the report. Page 4 has the benchmark most teams ask us about.\n\nBest,\nThe Pivotal team',
    createdBy: author,
    at: at(8),
  });
  await createAssetVersion(deps.db, {
    assetId: email.assetId,
    source: 'edit',
    subject: 'The benchmark everyone asks about (page 4)',
    body: 'Hi {{ contact.first_name }},\n\nThanks for downloading the report. Page 4 has the speed-to-lead benchmark most teams ask us about: worth five minutes.\n\nWant to see how you compare? Reply and we will run the numbers for {{ account.name }}.\n\nBest,\nThe Pivotal team',
    note: 'Shorter subject, a call to action',
    createdBy: author,
    at: at(1),
  });
  versions += 2;

  const old = await createTextAsset(deps.db, {
    type: 'email_template',
    title: 'Nurture email 2026 (retired)',
    description: 'Replaced by the whitepaper follow-up.',
    tags: ['nurture'],
    subject: 'Still thinking about pipeline?',
    body: 'Hi {{ contact.first_name }},\n\nA quick note from last year’s nurture track.',
    createdBy: author,
    at: at(60),
  });
  await deps.db.update(contentAssets).set({ archivedAt: at(20) }).where(eq(contentAssets.id, old.assetId));
  versions += 1;

  const made = await deps.db.select({ id: contentAssets.id, archivedAt: contentAssets.archivedAt }).from(contentAssets).orderBy(contentAssets.createdAt, contentAssets.id);
  return { assets: made.length, versions, assetIds: made.filter((a) => !a.archivedAt).map((a) => a.id) };
}
