// Sign-in through Cognito (authMode `cognito`): the staff pool behind the sign-in form, the
// portal pool behind the portal's sign-in page. Amplify holds one configuration at a time, so the
// pool last signed in with is remembered and configured again on the next load; Amplify keeps the
// tokens and refreshes them. Loaded on demand: the local issuer's users never download it.
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, signIn, signOut, updatePassword } from 'aws-amplify/auth';
import { authFlowFor, userPoolSettings, type RuntimeConfig, type UserPoolKind } from './runtime-config';

const POOL_KEY = 'pivotal-crm.sign-in-pool';

export type CognitoSignInResult = { done: true } | { done: false; step: 'new-password' };

function rememberedPool(): UserPoolKind {
  try {
    return localStorage.getItem(POOL_KEY) === 'portal' ? 'portal' : 'staff';
  } catch {
    return 'staff';
  }
}

function remember(kind: UserPoolKind): void {
  try {
    localStorage.setItem(POOL_KEY, kind);
  } catch {
    // Private modes without storage: the staff pool is tried on the next load.
  }
}

let configured: UserPoolKind | null = null;

/** Points Amplify at the pool; later calls (sign-in, tokens, sign-out) use it. */
export function selectPool(config: RuntimeConfig, kind: UserPoolKind): void {
  if (configured === kind) return;
  const { userPoolId, userPoolClientId, userPoolEndpoint } = userPoolSettings(config, kind);
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, ...(userPoolEndpoint ? { userPoolEndpoint } : {}) } } });
  configured = kind;
}

/** On load: the pool of the last sign-in, whose tokens Amplify may still hold. */
export function restorePool(config: RuntimeConfig): UserPoolKind {
  const kind = rememberedPool();
  selectPool(config, kind);
  return kind;
}

/** The current access token, refreshed by Amplify when it has expired; null when signed out. */
export async function cognitoAccessToken(forceRefresh = false): Promise<string | null> {
  try {
    const session = await fetchAuthSession({ forceRefresh });
    return session.tokens?.accessToken.toString() ?? null;
  } catch {
    return null;
  }
}

function resultOf(output: { isSignedIn: boolean; nextStep: { signInStep: string } }): CognitoSignInResult {
  if (output.isSignedIn) return { done: true };
  if (output.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') return { done: false, step: 'new-password' };
  throw new CognitoStepUnsupported(output.nextStep.signInStep);
}

/** A step this app does not offer yet (an MFA code, say): told to the user, not swallowed. */
export class CognitoStepUnsupported extends Error {
  override name = 'CognitoStepUnsupported';
  constructor(readonly step: string) {
    super(`Sign-in needs a step this app does not support yet (${step}).`);
  }
}

export async function cognitoSignIn(config: RuntimeConfig, kind: UserPoolKind, username: string, password: string): Promise<CognitoSignInResult> {
  selectPool(config, kind);
  // A session of the other pool (or a stale one) would make Amplify refuse a new sign-in.
  await signOut().catch(() => undefined);
  const output = await signIn({ username, password, options: { authFlowType: authFlowFor(config) } });
  remember(kind);
  return resultOf(output);
}

/** Answers Cognito's NEW_PASSWORD_REQUIRED challenge (a temporary password at first sign-in). */
export async function cognitoCompleteNewPassword(newPassword: string): Promise<CognitoSignInResult> {
  return resultOf(await confirmSignIn({ challengeResponse: newPassword }));
}

export async function cognitoChangePassword(oldPassword: string, newPassword: string): Promise<void> {
  await updatePassword({ oldPassword, newPassword });
}

export async function cognitoSignOut(): Promise<void> {
  await signOut();
}

/** The portal's Authenticator signed in through Amplify itself: remember its pool. */
export function rememberPortalSignIn(): void {
  remember('portal');
}
