import type { Role } from '@shared/roles';

/** Who is calling, as established from a verified access token and the user's current state. */
export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  /** The client organisation of a client user; null for staff. */
  orgId: string | null;
  /** The user still has the default password and may only change it. */
  mustChangePassword: boolean;
}

export interface Authenticator {
  /**
   * Returns the principal for a bearer token, or null when the token is missing, invalid,
   * expired or belongs to a user who may no longer sign in.
   */
  authenticate(token: string | null): Promise<Principal | null>;
  /**
   * Drops what this instance remembers of a session or a user after it ended or revoked them, so
   * their tokens are refused here at once (other instances re-check within a minute).
   */
  forget?(what: { sessionId?: string; userId?: string }): void;
}
