// Social publishing end to end on the suite's stack: a LinkedIn account connected through the API
// (its token accepted by the social stand-in), then in the page a post drafted with AI (the OpenAI
// stand-in), scheduled about 20 seconds ahead and shown on the calendar; the stand-in's LinkedIn
// receives it at its time and the post shows Published. Both themes are axe-clean, with screenshots.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialAccountView, SocialPostView } from '@shared/contracts/content-social';
import { expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './support/browser';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { e2eStack } from './support/stack';
import { isDark } from './support/suite';

const WAIT_MS = 30_000;
const BRIEF = 'Announce our zero-trust playbook for mid-market CIOs. It covers identity, segmentation and a 90-day rollout plan.';

interface ReceivedPost {
  platform: string;
  author: string;
  text: string;
  at: string;
}

const receivedPosts = async (): Promise<ReceivedPost[]> => ((await (await fetch(`${e2eStack().socialStandinUrl}/__standin/posts`)).json()) as { posts: ReceivedPost[] }).posts;

describe('scheduling a social post drafted with AI', () => {
  let admin: ApiSession;
  let account: SocialAccountView;
  let browser: BrowserSession | undefined;
  const memberId = `e2e${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    admin = await signInAdminViaApi();
    const token = `e2e-linkedin-${randomUUID()}`;
    const added = await fetch(`${e2eStack().socialStandinUrl}/__standin/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'linkedin', token, id: memberId, name: 'E2E Demand Team' }),
    });
    expect(added.status).toBe(201);
    account = await admin.request<SocialAccountView>('POST', '/api/content/social/accounts', { platform: 'linkedin', accessToken: token });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('drafts the post with AI, schedules it, shows it on the calendar, and it is published at its time (light)', async () => {
    browser = await launchSignedIn('light', WAIT_MS);
    const { page } = browser;
    await openApp(page, '/content/social');
    await page.getByRole('heading', { name: 'Social', level: 1 }).waitFor();
    await page.getByTestId('social-account').filter({ hasText: 'E2E Demand Team' }).waitFor();

    await page.getByRole('button', { name: /New post/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Account').click();
    await page.getByRole('option', { name: 'LinkedIn · E2E Demand Team' }).click();

    await dialog.getByRole('button', { name: 'Draft with AI' }).click();
    await dialog.getByLabel('Brief').fill(BRIEF);
    await dialog.getByRole('button', { name: 'Write draft' }).click();
    const text = dialog.getByLabel('Text');
    await expect.poll(() => text.inputValue(), { timeout: WAIT_MS }).toContain('Our zero-trust playbook for mid-market CIOs');
    await dialog.getByText('From the AI-written asset').waitFor();
    const body = await text.inputValue();
    await expect.poll(() => dialog.getByTestId('post-counter').textContent()).toContain(`${[...body].length} / 3,000 characters on LinkedIn`);

    // About 20 seconds ahead, in the browser's zone.
    const due = await page.evaluate(() => {
      const at = new Date(Date.now() + 20_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return { local: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`, iso: at.toISOString() };
    });
    await dialog.getByLabel('Date and time').fill(due.local);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-social-new-post-light');
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const posts = await admin.request<{ items: SocialPostView[] }>('GET', `/api/content/social/posts?from=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}&accountId=${account.id}`);
    const post = posts.items.find((p) => p.body === body)!;
    expect(post).toMatchObject({ state: 'scheduled', asset: { title: expect.stringContaining('LinkedIn post') } });
    expect(Math.abs(Date.parse(post.scheduledAt!) - Date.parse(due.iso))).toBeLessThan(1000);

    // On the calendar, on its day, as scheduled.
    const chip = page.locator(`[data-testid="calendar-post"][data-post-id="${post.id}"]`);
    await chip.waitFor();
    expect(await chip.getAttribute('aria-label')).toContain('scheduled');
    expect(await page.locator('td[data-day]').filter({ has: chip }).count()).toBe(1);

    // The stand-in's LinkedIn receives it at its time, as the connected member.
    await expect.poll(async () => (await receivedPosts()).find((p) => p.text === body), { timeout: 90_000, interval: 1_000 }).toMatchObject({ platform: 'linkedin', author: `urn:li:person:${memberId}` });
    const received = (await receivedPosts()).find((p) => p.text === body)!;
    expect(Date.parse(received.at)).toBeGreaterThanOrEqual(Date.parse(due.iso) - 1000);

    await expect.poll(() => chip.getAttribute('aria-label'), { timeout: WAIT_MS }).toContain('published');
    await chip.click();
    const detail = page.getByTestId('post-detail');
    await detail.waitFor();
    await page.getByRole('dialog').getByText('Published', { exact: true }).first().waitFor();
    await detail.getByRole('link', { name: /view on LinkedIn/ }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-social-published-light');
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-social-calendar-light');
  }, 240_000);

  it('shows the calendar, the agenda and the post cleanly in dark mode', async () => {
    await browser?.close();
    browser = await launchSignedIn('dark', WAIT_MS);
    const { page } = browser;
    await openApp(page, '/content/social');
    expect(await isDark(page)).toBe(true);
    await page.getByTestId('calendar-post').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-social-calendar-dark');
    await page.getByRole('button', { name: 'Agenda' }).click();
    await page.getByTestId('agenda-post').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-social-agenda-dark');
    await page.getByTestId('agenda-post').first().click();
    await page.getByTestId('post-detail').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-social-detail-dark');
  }, 120_000);
});
