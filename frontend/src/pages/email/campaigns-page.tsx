// Email campaigns: the list at /email/campaigns and one campaign at /email/campaigns/:id (the
// navigation entry is nested, so this page routes its own sub-paths).
import { useRoute } from 'wouter';
import { CampaignPage } from './campaign-page';
import { CampaignsIndex } from './campaigns-index';

export default function CampaignsPage() {
  const [isCampaign, params] = useRoute<{ id: string }>('/email/campaigns/:id');
  // Keyed by id: another campaign starts from a clean state.
  if (isCampaign) return <CampaignPage key={params.id} id={params.id} />;
  return <CampaignsIndex />;
}
