// Cognito sign-in end to end on a stack of its own with AUTH_MODE=cognito: cognito-local runs
// inside the stack, a staff user and a client user are created through the API (each gets a
// Cognito user with a temporary password), and each signs in through Amplify in the browser —
// staff behind the sign-in form, the client with the portal's Authenticator — replaces the
// temporary password and lands on their home page, the API accepting cognito-local's tokens.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Organisation, User } from '@shared/contracts/identity';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { E2E_STACK_ENV } from './support/api-session';
import { expectNoSeriousA11yViolations, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { signOut } from './support/session';

const STAFF = { username: 'marta.lind', email: 'marta.lind@northwind-demand.com', firstName: 'Marta', lastName: 'Lind', password: 'Temporary-Staff-Pass-1' };
const CLIENT = { username: 'oskar.berg', email: 'oskar.berg@acme-client.com', firstName: 'Oskar', lastName: 'Berg', password: 'Temporary-Client-Pass-2' };

describe('Cognito sign-in against cognito-local', () => {
  let stack: LocalStack;
  let dataDir: string;
  let browser: BrowserSession;
  let adminToken: string;

  const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(route, stack.url), {
      method,
      headers: { accept: 'application/json', authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-e2e-cognito-'));
    stack = await startLocalStack({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      env: { ...E2E_STACK_ENV, AUTH_MODE: 'cognito' },
      spa: 'prebuilt',
      ephemeral: true,
      fastRetries: true,
    });
    // The bootstrap admin is a Cognito user with ADMIN_PASSWORD as its temporary password.
    const cognito = new CognitoIdentityProviderClient({ region: 'local', endpoint: stack.cognito!.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const clientId = stack.cognito!.staffClientId;
    const username = stack.config.ADMIN_USERNAME;
    const started = await cognito.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: stack.config.ADMIN_PASSWORD } }),
    );
    expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await cognito.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: started.Session, ChallengeResponses: { USERNAME: username, NEW_PASSWORD: 'Admin-Chosen-Pass-9' } }),
    );
    adminToken = done.AuthenticationResult!.AccessToken!;
    cognito.destroy();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /config.json with the emulated pools, and the API takes cognito-local tokens only', async () => {
    const config = (await (await fetch(new URL('/config.json', stack.url))).json()) as Record<string, string>;
    expect(config).toMatchObject({
      authMode: 'cognito',
      staffUserPoolId: stack.cognito!.staffPoolId,
      staffClientId: stack.cognito!.staffClientId,
      portalUserPoolId: stack.cognito!.portalPoolId,
      portalClientId: stack.cognito!.portalClientId,
      userPoolEndpoint: stack.cognito!.endpoint,
    });
    expect((await api<{ username: string; roles: string[] }>('GET', '/api/me')).roles).toContain('admin');
    const forged = await fetch(new URL('/api/me', stack.url), { headers: { authorization: `Bearer ${adminToken.slice(0, -8)}AAAAAAAA` } });
    expect(forged.status).toBe(401);
  });

  it('signs a staff user in through the sign-in form, replacing the temporary password, onto the dashboard', async () => {
    const created = await api<User>('POST', '/api/users', { ...STAFF, roles: ['campaign_manager'] });
    expect(created.username).toBe(STAFF.username);

    const { page } = browser;
    await page.goto(new URL('/sign-in', stack.url).href);
    await page.getByLabel('Username or email').fill(STAFF.username);
    await page.getByLabel('Password', { exact: true }).fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('form', { name: 'Choose a new password' }).waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByLabel('New password', { exact: true }).fill('Staff-Chosen-Pass-3');
    await page.getByLabel('Confirm new password').fill('Staff-Chosen-Pass-3');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByTestId('app-shell').waitFor({ state: 'visible', timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    // The API was called with Amplify's access token, a cognito-local one of the staff pool.
    const stored = async () => (await page.context().storageState()).origins.find((o) => o.origin === new URL(stack.url).origin)?.localStorage ?? [];
    const token = (await stored()).find((item) => item.name.endsWith('.accessToken'))!.value;
    const me = (await (await fetch(new URL('/api/me', stack.url), { headers: { authorization: `Bearer ${token}` } })).json()) as { username: string };
    const signedInAs = { iss: (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iss: string }).iss, username: me.username };
    expect(signedInAs).toEqual({ iss: `${stack.cognito!.endpoint}/${stack.cognito!.staffPoolId}`, username: STAFF.username });
    await screenshot(page, 'cognito-staff-dashboard');

    // Sign-out goes through Amplify: its tokens are gone, and a reload finds no session.
    await signOut(page);
    expect((await stored()).filter((item) => item.name.endsWith('.accessToken'))).toEqual([]);
    await page.goto(new URL('/', stack.url).href);
    await page.getByRole('form', { name: 'Sign in' }).waitFor({ state: 'visible', timeout: 20_000 });
  });

  it("signs a client user in with the portal's Authenticator, replacing the temporary password, onto the portal", async () => {
    const org = await api<Organisation>('POST', '/api/organisations', { name: 'Acme Client Ltd' });
    await api<User>('POST', '/api/users', { ...CLIENT, roles: ['client_user'], orgId: org.id });

    const { page } = browser;
    await page.goto(new URL('/portal/sign-in', stack.url).href);
    const authenticator = page.locator('[data-amplify-authenticator]');
    await authenticator.waitFor({ state: 'visible', timeout: 20_000 });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'cognito-portal-sign-in');
    await authenticator.getByLabel('Username').fill(CLIENT.username);
    await authenticator.getByLabel('Password', { exact: true }).fill(CLIENT.password);
    await authenticator.getByRole('button', { name: 'Sign in', exact: true }).click();
    await authenticator.getByRole('button', { name: 'Change Password' }).waitFor({ state: 'visible', timeout: 20_000 });
    await authenticator.getByLabel('Password', { exact: true }).fill('Client-Chosen-Pass-4');
    await authenticator.getByLabel('Confirm Password').fill('Client-Chosen-Pass-4');
    await authenticator.getByRole('button', { name: 'Change Password' }).click();

    await page.waitForURL((url) => url.pathname.startsWith('/portal') && url.pathname !== '/portal/sign-in', { timeout: 20_000 });
    await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await expect(page.getByRole('main').first().isVisible()).resolves.toBe(true);
    // A client never gets the staff shell.
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    await screenshot(page, 'cognito-portal-home');
  });

  it('shows the portal sign-in in dark mode too, accessible', async () => {
    const dark = await openBrowser({ colorScheme: 'dark' });
    try {
      await dark.page.goto(new URL('/portal/sign-in', stack.url).href);
      await dark.page.locator('[data-amplify-authenticator]').waitFor({ state: 'visible', timeout: 20_000 });
      await expectNoSeriousA11yViolations(dark.page);
      await screenshot(dark.page, 'cognito-portal-sign-in-dark');
    } finally {
      await dark.close();
    }
  });
});
