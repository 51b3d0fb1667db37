// The asset library through the API: text assets and video links are created with version 1; the
// list searches title, description and tags case-insensitively, filters by type, tag and archived,
// and pages by cursor; details change, an archive is undone; edits and restores make new versions
// whose history says who, when and how; agents read but do not write, portal users get nothing.
import { describe, expect, it } from 'vitest';
import type { AssetPage, AssetVersionList, AssetVersionView, AssetView } from '@shared/contracts/content';
import { fileContext } from '../../../../test/support/file-context';
import { createAssetVersion, createTextAsset } from '../index';
import { clientWithToken, createContentTestContext, staffWithToken, type UserWithToken } from './test-context';

const t = fileContext(createContentTestContext);

describe('the asset library', () => {
  let creator: UserWithToken;
  let agent: UserWithToken;
  const people = async () => {
    creator ??= await staffWithToken(t, ['content_creator']);
    agent ??= await staffWithToken(t, ['agent']);
  };
  const create = (body: unknown, token = creator.token) => t.api<AssetView>(token, { method: 'POST', path: '/api/content/assets', body });
  const list = (query: Record<string, string> = {}) => t.api<AssetPage>(creator.token, { method: 'GET', path: '/api/content/assets', query });

  it('creates an email template with version 1 written by its author', async () => {
    await people();
    const res = await create({
      type: 'email_template',
      title: '  Webinar invite ',
      description: 'First touch of the March webinar',
      tags: ['Webinar', ' Invite '],
      subject: 'Join us live on Thursday',
      body: 'Hi {{ contact.first_name }}, …',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      type: 'email_template',
      title: 'Webinar invite',
      tags: ['webinar', 'invite'],
      versionCount: 1,
      usageCount: 0,
      archived: false,
      currentVersion: { number: 1, source: 'edit' },
      current: { number: 1, source: 'edit', subject: 'Join us live on Thursday', body: 'Hi {{ contact.first_name }}, …', current: true, downloadUrl: null, previewUrl: null },
    });
    expect(res.json.createdBy?.id).toBe(creator.id);
    expect(res.json.current?.createdBy?.id).toBe(creator.id);
  });

  it('refuses content the type does not carry, and bad fields, with the field and the reason', async () => {
    await people();
    const noBody = await create({ type: 'social_post', title: 'Launch post' });
    expect(noBody.status).toBe(400);
    expect(noBody.json.errors).toEqual([{ field: 'body', message: 'must not be empty' }]);
    const noUrl = await create({ type: 'video_link', title: 'Recording' });
    expect(noUrl.json.errors).toEqual([{ field: 'url', message: 'is required for a video link' }]);
    const subject = await create({ type: 'landing_copy', title: 'Page', body: 'Copy', subject: 'Nope' });
    expect(subject.json.errors).toEqual([{ field: 'subject', message: 'only an email template has a subject' }]);
    const bad = await create({ type: 'document', title: '', url: 'not a url' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.map((e) => e.field).sort()).toEqual(['body.title', 'body.type', 'body.url']);
  });

  it('searches title, description and tags case-insensitively, filters by type and tag, pages by cursor', async () => {
    await people();
    const video = await create({ type: 'video_link', title: 'Recording: Intent Data 101', description: 'On-demand', tags: ['recordings'], url: 'https://video.example.com/intent-101' });
    const post = await create({ type: 'social_post', title: 'Launch post', description: 'Announces the INTENT report', tags: ['launch'], body: 'It is out.' });
    const landing = await create({ type: 'landing_copy', title: 'Report page', tags: ['intent-data'], body: '# Read it' });
    const underscore = await create({ type: 'social_post', title: 'snake_case post', body: 'x' });
    expect(video.status).toBe(201);

    const ids = (page: AssetPage) => page.items.map((i) => i.id);
    expect(ids((await list({ q: 'intent' })).json).sort()).toEqual([video.json.id, post.json.id, landing.json.id].sort());
    expect(ids((await list({ q: 'INTENT-DATA' })).json)).toEqual([landing.json.id]);
    expect(ids((await list({ q: 'intent', type: 'social_post' })).json)).toEqual([post.json.id]);
    expect(ids((await list({ tag: 'Recordings' })).json)).toEqual([video.json.id]);
    // "_" is a character, not a wildcard.
    expect(ids((await list({ q: 'e_c' })).json)).toEqual([underscore.json.id]);

    const first = await list({ limit: '2' });
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).not.toBeNull();
    const second = await list({ limit: '2', cursor: first.json.nextCursor! });
    expect(ids(second.json).some((id) => ids(first.json).includes(id))).toBe(false);
    const all = await list({ limit: '200' });
    expect(all.json.nextCursor).toBeNull();
    expect(all.json.items.map((i) => i.updatedAt)).toEqual([...all.json.items.map((i) => i.updatedAt)].sort().reverse());

    const badCursor = await list({ cursor: 'nonsense' });
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.errors?.[0]?.field).toBe('query.cursor');
    const badType = await list({ type: 'podcast' });
    expect(badType.status).toBe(400);
  });

  it('changes details without touching what is not sent; archive hides the asset, PATCH archived:false brings it back', async () => {
    await people();
    const asset = (await create({ type: 'social_post', title: 'Teaser', description: 'Keep me', tags: ['teaser'], body: 'Soon.' })).json;
    const patched = await t.api<AssetView>(creator.token, { method: 'PATCH', path: `/api/content/assets/${asset.id}`, body: { title: 'Teaser v2' } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({ title: 'Teaser v2', description: 'Keep me', tags: ['teaser'], versionCount: 1 });
    const empty = await t.api(creator.token, { method: 'PATCH', path: `/api/content/assets/${asset.id}`, body: {} });
    expect(empty.status).toBe(400);

    const archived = await t.api<AssetView>(creator.token, { method: 'DELETE', path: `/api/content/assets/${asset.id}` });
    expect(archived.json.archived).toBe(true);
    expect((await list({ q: 'Teaser v2' })).json.items).toHaveLength(0);
    expect((await list({ q: 'Teaser v2', archived: 'true' })).json.items.map((i) => i.id)).toEqual([asset.id]);
    const edit = await t.api(creator.token, { method: 'POST', path: `/api/content/assets/${asset.id}/versions`, body: { body: 'Now!' } });
    expect(edit.status).toBe(409);

    const back = await t.api<AssetView>(creator.token, { method: 'PATCH', path: `/api/content/assets/${asset.id}`, body: { archived: false } });
    expect(back.json.archived).toBe(false);
    expect((await list({ q: 'Teaser v2' })).json.items.map((i) => i.id)).toEqual([asset.id]);
  });

  it('an edit makes a new version; a restore copies an old one as the newest; the history says who, when and how', async () => {
    await people();
    const asset = (await create({ type: 'email_template', title: 'Follow-up', subject: 'First subject', body: 'First body' })).json;
    const v1 = asset.current!;
    t.clock.advance(60_000);
    const edited = await t.api<AssetVersionView>(creator.token, {
      method: 'POST',
      path: `/api/content/assets/${asset.id}/versions`,
      body: { subject: 'Second subject', body: 'Second body', note: 'Tighter copy' },
    });
    expect(edited.status, edited.text).toBe(201);
    expect(edited.json).toMatchObject({ number: 2, source: 'edit', subject: 'Second subject', note: 'Tighter copy', current: true });

    t.clock.advance(60_000);
    const restored = await t.api<AssetVersionView>(creator.token, { method: 'POST', path: `/api/content/assets/${asset.id}/versions/${v1.id}/restore` });
    expect(restored.status, restored.text).toBe(201);
    expect(restored.json).toMatchObject({ number: 3, source: 'restore', subject: 'First subject', body: 'First body', restoredFrom: { id: v1.id, number: 1 }, current: true });

    const history = await t.api<AssetVersionList>(agent.token, { method: 'GET', path: `/api/content/assets/${asset.id}/versions` });
    expect(history.status).toBe(200);
    expect(history.json.items.map((v) => [v.number, v.source, v.current])).toEqual([
      [3, 'restore', true],
      [2, 'edit', false],
      [1, 'edit', false],
    ]);
    expect(history.json.items.every((v) => v.createdBy?.id === creator.id)).toBe(true);
    expect(new Date(history.json.items[0]!.createdAt).getTime() - new Date(history.json.items[1]!.createdAt).getTime()).toBe(60_000);

    const old = await t.api<AssetVersionView>(agent.token, { method: 'GET', path: `/api/content/assets/${asset.id}/versions/${edited.json.id}` });
    expect(old.json).toMatchObject({ number: 2, body: 'Second body', current: false });
    const view = await t.api<AssetView>(agent.token, { method: 'GET', path: `/api/content/assets/${asset.id}` });
    expect(view.json).toMatchObject({ versionCount: 3, currentVersion: { number: 3, source: 'restore' }, current: { body: 'First body' } });

    const other = (await create({ type: 'social_post', title: 'Other', body: 'x' })).json;
    const foreign = await t.api(creator.token, { method: 'POST', path: `/api/content/assets/${other.id}/versions/${v1.id}/restore` });
    expect(foreign.status).toBe(404);
  });

  it('the drafting service writes an AI version and a new AI-written asset through the module face', async () => {
    await people();
    const created = await createTextAsset(t.deps.db, { type: 'social_post', title: 'AI post', body: 'Drafted.', source: 'ai', aiModel: 'gpt-test', brief: 'Launch tease', createdBy: creator.id });
    expect(created.number).toBe(1);
    const next = await createAssetVersion(t.deps.db, { assetId: created.assetId, source: 'ai', body: 'Drafted again.', aiModel: 'gpt-test', brief: 'Shorter', createdBy: creator.id });
    expect(next.number).toBe(2);
    const history = await t.api<AssetVersionList>(creator.token, { method: 'GET', path: `/api/content/assets/${created.assetId}/versions` });
    expect(history.json.items.map((v) => [v.number, v.source, v.aiModel])).toEqual([
      [2, 'ai', 'gpt-test'],
      [1, 'ai', 'gpt-test'],
    ]);
  });

  it('an agent reads the library but does not write; a portal user gets nothing', async () => {
    await people();
    const asset = (await create({ type: 'social_post', title: 'Readable', body: 'x' })).json;
    expect((await t.api(agent.token, { method: 'GET', path: '/api/content/assets' })).status).toBe(200);
    expect((await t.api(agent.token, { method: 'GET', path: `/api/content/assets/${asset.id}` })).status).toBe(200);
    expect((await create({ type: 'social_post', title: 'Nope', body: 'x' }, agent.token)).status).toBe(403);
    expect((await t.api(agent.token, { method: 'DELETE', path: `/api/content/assets/${asset.id}` })).status).toBe(403);
    expect((await t.api(agent.token, { method: 'POST', path: '/api/content/assets/uploads', body: {} })).status).toBe(403);
    const client = await clientWithToken(t);
    expect((await t.api(client.token, { method: 'GET', path: '/api/content/assets' })).status).toBe(403);
    expect((await t.api(client.token, { method: 'GET', path: `/api/content/assets/${asset.id}` })).status).toBe(403);
    expect((await t.api('', { method: 'GET', path: '/api/content/assets' })).status).toBe(401);
  });
});
