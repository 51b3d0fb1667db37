// Lead QA settings: each campaign's QA settings (client, checklist, account criteria,
// auto-delivery), the reason-code catalogue, the clients' delivery configurations and the
// deliveries with their receipts and dead letters, as tabs whose choice lives in the address.
// Managers (leads.configure) change them; quality analysts read them.
import { useSearchParams } from 'wouter';
import { ClipboardCheck, Send, Tags, Webhook } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { CampaignSettingsTab } from '@/features/leads/settings/campaign-settings-tab';
import { DeliveriesTab } from '@/features/leads/settings/deliveries-tab';
import { DeliveryConfigsTab } from '@/features/leads/settings/delivery-configs-tab';
import { ReasonCodesTab } from '@/features/leads/settings/reason-codes-tab';
import { useCanConfigureLeads } from '@/features/leads/settings/settings-api';

const TABS = [
  { id: 'qa', label: 'QA settings', icon: ClipboardCheck, Panel: CampaignSettingsTab },
  { id: 'reasons', label: 'Reason codes', icon: Tags, Panel: ReasonCodesTab },
  { id: 'delivery', label: 'Delivery', icon: Webhook, Panel: DeliveryConfigsTab, configureOnly: true },
  { id: 'deliveries', label: 'Deliveries', icon: Send, Panel: DeliveriesTab },
] as const;
type TabId = (typeof TABS)[number]['id'];
const DEFAULT_TAB: TabId = 'qa';

export default function LeadsSettingsPage() {
  const canConfigure = useCanConfigureLeads();
  const [params, setParams] = useSearchParams();
  // Delivery configurations are read only by those who configure them (their API's capability).
  const tabs = TABS.filter((t) => canConfigure || !('configureOnly' in t));
  const asked = params.get('tab');
  const tab: TabId = tabs.some((t) => t.id === asked) ? (asked as TabId) : DEFAULT_TAB;

  return (
    <>
      <HeaderActionBar
        title="Lead QA settings"
        description="What reviewers check on each campaign's leads, the reasons they give, and how approved leads reach the client."
        meta={!canConfigure && <Badge variant="neutral">Read only: campaign managers change these</Badge>}
      />
      <Tabs
        value={tab}
        onValueChange={(next) =>
          setParams(
            (prev) => {
              const search = new URLSearchParams();
              // Each tab keeps only its own choices (the campaign belongs to QA settings).
              if (next === 'qa' && prev.get('campaign')) search.set('campaign', prev.get('campaign')!);
              if (next !== DEFAULT_TAB) search.set('tab', next);
              return search;
            },
            { replace: true },
          )
        }
      >
        <TabsList aria-label="Lead QA settings" className="mb-2 overflow-x-auto">
          {tabs.map(({ id, label, icon: Icon }) => (
            <TabsTrigger key={id} value={id}>
              <Icon aria-hidden="true" />
              {label}
            </TabsTrigger>
          ))}
        </TabsList>
        {tabs.map(({ id, Panel }) => (
          <TabsContent key={id} value={id}>
            {tab === id && <Panel canConfigure={canConfigure} />}
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
