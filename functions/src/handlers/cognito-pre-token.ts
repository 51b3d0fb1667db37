// Cognito pre-token-generation trigger (V2_0 event, both user pools): puts the user's current
// roles, and a client user's organisation, into the access and ID tokens as `roles` and `org`.
// The claims are informative (the API re-reads the user on every request); the SPA uses them to
// choose between the staff app and the portal. A deactivated user gets no tokens at all, which
// also stops Cognito refresh tokens from minting new access tokens.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import type { Role } from '@shared/roles';
import { getConfig } from '../config/config';
import { databaseSourceFromConfig, openDatabase, type Database, type DatabaseHandle } from '../db/connection';
import { createLogger } from '../deps';
import { loadAccessState, type UserAccessState } from '../modules/identity';

export interface RoleClaims {
  roles: Role[];
  org?: string;
}

/** Cognito shows this message to the client that tried to sign in or refresh. */
export const DEACTIVATED_MESSAGE = 'This account is deactivated.';

export class DeactivatedUserError extends Error {
  override name = 'DeactivatedUserError';
  constructor() {
    super(DEACTIVATED_MESSAGE);
  }
}

/**
 * The claims for a user's state. A Cognito user with no row in `users` (created by hand in the
 * console, say) gets no roles: the API then refuses every protected route, which is the point.
 */
export function roleClaimsFor(state: UserAccessState | undefined): RoleClaims {
  if (!state) return { roles: [] };
  if (state.status !== 'active') throw new DeactivatedUserError();
  return { roles: state.roles, ...(state.orgId ? { org: state.orgId } : {}) };
}

/**
 * V2_0 events accept arrays as claim values (the @types package types them as strings only),
 * so the response is built with its own type and assigned once.
 */
interface ClaimsOverride {
  accessTokenGeneration: { claimsToAddOrOverride: RoleClaims };
  idTokenGeneration: { claimsToAddOrOverride: RoleClaims };
}

export async function addRoleClaims(db: Database, event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  const sub = event.request?.userAttributes?.sub;
  if (!sub) throw new Error('The pre-token-generation event has no sub attribute.');
  const claims = roleClaimsFor(await loadAccessState(db, { cognitoSub: sub }));
  const override: ClaimsOverride = {
    accessTokenGeneration: { claimsToAddOrOverride: claims },
    idTokenGeneration: { claimsToAddOrOverride: claims },
  };
  event.response = { claimsAndScopeOverrideDetails: override as unknown as PreTokenGenerationV2TriggerEvent['response']['claimsAndScopeOverrideDetails'] };
  return event;
}

// Only the database is needed here, so the container opens just that (no AWS clients, no verifier).
let database: Promise<DatabaseHandle> | undefined;

export async function handler(event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  const config = getConfig();
  database ??= openDatabase(databaseSourceFromConfig(config)).catch((error: unknown) => {
    database = undefined;
    throw error;
  });
  try {
    return await addRoleClaims((await database).db, event);
  } catch (error) {
    if (error instanceof DeactivatedUserError) {
      createLogger(config, 'cognito-pre-token').warn('token refused: user deactivated', { userPoolId: event.userPoolId, triggerSource: event.triggerSource });
    }
    throw error;
  }
}
