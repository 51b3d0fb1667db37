// What the portal module needs from the others, wired at the root (functions/src/composition.ts).
// Each part adds the hook its work needs here (building a domain set and a segment from an order,
// counting who is reachable, creating a user), so the portal never imports another module.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PortalHooks {}

export const noPortalHooks: PortalHooks = {};
