// One-click delivery of an approved lead: a delivery for every active configuration of its client
// that covers its campaign (once per pair), then the delivery workflow.
import type { Deps } from '../../../core/deps';

/** Creates the lead's deliveries and starts sending them (idempotent: a pair already made is kept). */
export async function deliverLead(_deps: Deps, _leadId: string, _actorId: string | null): Promise<void> {
  throw new Error('Delivery is not built yet.');
}
