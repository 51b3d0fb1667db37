// Settings → Email: deliverability in one page of tabs — sending domains, tracking domains, IP
// pools, warm-up plans and sender profiles. Admins change them; campaign managers read them (they
// choose sender profiles for campaigns). The open tab lives in the address.
import { useSearchParams } from 'wouter';
import { Globe, Link2, Network, Send, TrendingUp } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useCanConfigureEmail } from '@/features/email-settings/email-settings-api';
import { IpPoolsTab } from './ip-pools-tab';
import { SenderProfilesTab } from './sender-profiles-tab';
import { SendingDomainsTab } from './sending-domains-tab';
import { TrackingDomainsTab } from './tracking-domains-tab';
import { WarmupPlansTab } from './warmup-plans-tab';

const TABS = [
  { id: 'domains', label: 'Sending domains', icon: Globe, Panel: SendingDomainsTab },
  { id: 'tracking', label: 'Tracking domains', icon: Link2, Panel: TrackingDomainsTab },
  { id: 'pools', label: 'IP pools', icon: Network, Panel: IpPoolsTab },
  { id: 'warmup', label: 'Warm-up plans', icon: TrendingUp, Panel: WarmupPlansTab },
  { id: 'profiles', label: 'Sender profiles', icon: Send, Panel: SenderProfilesTab },
] as const;
type TabId = (typeof TABS)[number]['id'];
const DEFAULT_TAB: TabId = 'domains';

export default function EmailSettingsPage() {
  const canConfigure = useCanConfigureEmail();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabId = TABS.some((t) => t.id === asked) ? (asked as TabId) : DEFAULT_TAB;

  return (
    <>
      <HeaderActionBar
        title="Email"
        description="Where campaign mail is sent from and how: the domains it is signed for, link tracking, dedicated IPs, warm-up and the sender profiles campaigns choose."
        meta={!canConfigure && <Badge variant="neutral">Read only: admins change these</Badge>}
      />
      <Tabs
        value={tab}
        onValueChange={(next) =>
          setParams(
            (prev) => {
              const search = new URLSearchParams(prev);
              if (next === DEFAULT_TAB) search.delete('tab');
              else search.set('tab', next);
              return search;
            },
            { replace: true },
          )
        }
      >
        <TabsList aria-label="Email settings" className="mb-2 overflow-x-auto">
          {TABS.map(({ id, label, icon: Icon }) => (
            <TabsTrigger key={id} value={id}>
              <Icon aria-hidden="true" />
              {label}
            </TabsTrigger>
          ))}
        </TabsList>
        {TABS.map(({ id, Panel }) => (
          <TabsContent key={id} value={id}>
            {tab === id && <Panel canConfigure={canConfigure} />}
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
