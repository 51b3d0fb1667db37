// Lead QA: the queue at /leads and one lead's review at /leads/:id (the navigation entry is
// nested, so this page routes its sub-paths).
import { useRoute } from 'wouter';
import { NotFound } from '@/shell/page-states';
import { LeadQueue } from './lead-queue';
import { LeadReview } from './lead-review';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function LeadsPage() {
  const [isLead, params] = useRoute<{ id: string }>('/leads/:id');
  // Keyed by id: the next lead starts from a clean page (its audio, chips and dialogs).
  if (isLead) return UUID.test(params.id) ? <LeadReview key={params.id} id={params.id} /> : <NotFound />;
  return <LeadQueue />;
}
