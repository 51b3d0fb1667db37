// Who is making a change: written on history, audit and created_by columns. The handler kit puts
// one on every route's context; system work (bootstrap, jobs) uses SYSTEM_ACTOR.
export interface Actor {
  /** The signed-in user; null for the system and for public routes. */
  userId: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, requestId: null };
