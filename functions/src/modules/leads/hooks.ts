// What the leads module needs from the others, wired at the root (functions/src/composition.ts).
// Nothing yet: leads read contacts and accounts through functions/src/records and the call's
// row directly; a hook is added here when a rule belongs to another module.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LeadsHooks {}

export const noLeadsHooks: LeadsHooks = {};
