// The demo library: nine assets of every type, the whitepaper in two versions with previews made
// from real PDFs, the email template edited once, one archived; a second run writes nothing.
import { describe, expect, it } from 'vitest';
import type { AssetPage, AssetVersionList } from '@shared/contracts/content';
import { fileContext } from '../../../../test/support/file-context';
import { seedAssetsDemo } from './demo-data';
import { createContentTestContext, staffWithToken } from './test-context';

const t = fileContext(createContentTestContext);

describe('the demo library', () => {
  it('writes a realistic library once', async () => {
    const viewer = await staffWithToken(t, ['content_creator']);
    const report = await seedAssetsDemo(t.deps);
    expect(report).toMatchObject({ assets: 9, versions: 11 });
    expect(report!.assetIds).toHaveLength(8);
    expect(await seedAssetsDemo(t.deps)).toBeNull();

    const page = (await t.api<AssetPage>(viewer.token, { method: 'GET', path: '/api/content/assets' })).json;
    expect(page.items).toHaveLength(8);
    expect(new Set(page.items.map((i) => i.type))).toEqual(new Set(['document', 'image', 'video_link', 'email_template', 'landing_copy', 'social_post']));
    const archived = (await t.api<AssetPage>(viewer.token, { method: 'GET', path: '/api/content/assets', query: { archived: 'true' } })).json;
    expect(archived.items.map((i) => i.title)).toEqual(['Nurture email 2026 (retired)']);

    const whitepaper = page.items.find((i) => i.title.startsWith('The State of B2B'))!;
    expect(whitepaper).toMatchObject({ versionCount: 2, currentVersion: { number: 2, fileName: 'state-of-demand-gen-2027.pdf' } });
    const history = (await t.api<AssetVersionList>(viewer.token, { method: 'GET', path: `/api/content/assets/${whitepaper.id}/versions` })).json;
    expect(history.items.map((v) => v.source)).toEqual(['upload', 'upload']);
    const preview = await t.api<{ url: string | null }>(viewer.token, { method: 'GET', path: `/api/content/assets/${whitepaper.id}/preview` });
    const png = new Uint8Array(await (await fetch(preview.json.url!)).arrayBuffer());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const banner = page.items.find((i) => i.type === 'image')!;
    expect((await t.api<{ url: string | null }>(viewer.token, { method: 'GET', path: `/api/content/assets/${banner.id}/preview` })).json.url).not.toBeNull();
  });
});
