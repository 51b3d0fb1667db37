// Signing in through the real sign-in page, as a person would. Use `signInAsAdmin(page)` in any
// browser test that needs the app; the suite's admin has left the first-run state already.

import type { Page } from 'playwright-core';
import { signInViaApi, type ApiSession } from './api-session';
import { openBrowser, type BrowserSession } from './browser';
import { e2eStack } from './stack';

export interface Credentials {
  username: string;
  password: string;
}

export interface SignInOptions {
  /** The stack to sign in to (default: the suite's shared stack). */
  baseUrl?: string;
  /**
   * What to wait for after submitting: the app shell (default), the forced password-change
   * screen, or nothing (the caller checks an error itself).
   */
  expect?: 'app' | 'password-change' | 'nothing';
}

/** Opens the sign-in page, signs in with the credentials and waits for the app to be ready. */
export async function signIn(page: Page, credentials: Credentials, options: SignInOptions = {}): Promise<void> {
  const baseUrl = options.baseUrl ?? e2eStack().baseUrl;
  await page.goto(new URL('/sign-in', baseUrl).href);
  await page.getByLabel('Username or email').fill(credentials.username);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const expectation = options.expect ?? 'app';
  if (expectation === 'app') await page.getByTestId('app-shell').waitFor({ state: 'visible', timeout: 20_000 });
  if (expectation === 'password-change') await page.getByTestId('password-change').waitFor({ state: 'visible', timeout: 20_000 });
}

export async function signInAsAdmin(page: Page, options: Omit<SignInOptions, 'expect'> = {}): Promise<void> {
  await signIn(page, { username: e2eStack().adminUsername, password: e2eStack().adminPassword }, options);
}

/** Signs out through the user menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /user menu/i }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('Username or email').waitFor({ state: 'visible' });
}

/** A browser of its own with the suite's admin signed in; `timeoutMs` is every wait's default. */
export async function launchSignedIn(colorScheme: 'light' | 'dark', timeoutMs: number): Promise<BrowserSession> {
  const session = await openBrowser({ colorScheme });
  session.page.setDefaultTimeout(timeoutMs);
  await signInAsAdmin(session.page);
  return session;
}

/** Goes to a path of the app on the suite's stack and waits for its shell. */
export async function openApp(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, e2eStack().baseUrl).href);
  await page.getByTestId('app-shell').waitFor({ state: 'visible' });
}

/** The suite's admin, signed in through the API for arranging data. */
export function signInAdminViaApi(): Promise<ApiSession> {
  return signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
}
