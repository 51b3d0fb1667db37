// Starts a lead's QA pipeline (transcribe when there is a recording, score, verify the account,
// queue for a person). Called after the lead's transaction commits; a start that fails is left
// to the sweeper, which restarts pipelines that have not reached the queue.
import type { Deps } from '../../../core/deps';

export async function startLeadPipeline(_deps: Deps, _leadId: string): Promise<void> {
  throw new Error('The pipeline is not built yet.');
}
