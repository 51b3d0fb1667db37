// Call campaigns: the list at /telephony/campaigns and one campaign's editor at
// /telephony/campaigns/:id (the navigation entry is nested, so this page routes its sub-paths).
import { useRoute } from 'wouter';
import { CallCampaignPage } from './call-campaign-page';
import { CallCampaignsIndex } from './call-campaigns-index';

export default function CallCampaignsPage() {
  const [isCampaign, params] = useRoute<{ id: string }>('/telephony/campaigns/:id');
  // Keyed by id: another campaign starts from a clean state.
  if (isCampaign) return <CallCampaignPage key={params.id} id={params.id} />;
  return <CallCampaignsIndex />;
}
