// The bridge: an approved order becomes an audience (a domain set of its targets and a segment of
// its criteria within it, each linked to its own page), and the call and email campaigns that work
// it are linked here (every lead from them carries the order) or unlinked, after a confirmation.
import { useState } from 'react';
import { Link as RouterLink } from 'wouter';
import { Filter, Globe2, Link2, Mail, PhoneOutgoing, Unlink, Workflow } from 'lucide-react';
import type { Order } from '@shared/contracts/portal';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { buildAudience, linkCampaign, unlinkCampaign, useCampaignChoices } from './orders-api';

/** Orders whose campaigns may change; their audience is built while approved or live. */
const BRIDGEABLE = new Set<Order['state']>(['approved', 'live', 'paused']);
const BUILDABLE = new Set<Order['state']>(['approved', 'live']);

type LinkedCampaign = Order['campaigns'][number];
const campaignHref = (c: Pick<LinkedCampaign, 'campaignId' | 'campaignKind'>) => (c.campaignKind === 'call' ? `/telephony/campaigns/${c.campaignId}` : `/email/campaigns/${c.campaignId}`);
const choiceValue = (kind: 'call' | 'email', id: string) => `${kind}:${id}`;

export function BridgePanel({ order, canManage, onChanged }: { order: Order; canManage: boolean; onChanged: () => void }) {
  const open = BRIDGEABLE.has(order.state);
  const editable = canManage && open;
  const choices = useCampaignChoices(editable);
  const [building, setBuilding] = useState(false);
  const [confirmRebuild, setConfirmRebuild] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<LinkedCampaign | null>(null);
  const [unlinkError, setUnlinkError] = useState<string | null>(null);
  const built = order.domainSetId !== null && order.segmentId !== null;

  async function build() {
    setBuilding(true);
    try {
      const result = await buildAudience(order.id);
      toast.success(`Audience built: ${result.matchedDomains.toLocaleString('en-US')} domains, ${result.contacts.toLocaleString('en-US')} contacts.`);
      onChanged();
    } catch (error) {
      toast.error(describeError(error));
      throw error;
    } finally {
      setBuilding(false);
    }
  }

  async function link() {
    const [kind, id] = (chosen ?? '').split(':') as ['call' | 'email', string];
    if (!id) return;
    setLinking(true);
    try {
      await linkCampaign(order.id, id, kind);
      toast.success(`Campaign linked to ${order.reference}.`);
      setChosen(null);
      onChanged();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setLinking(false);
    }
  }

  const linked = new Set(order.campaigns.map((c) => choiceValue(c.campaignKind, c.campaignId)));
  const options = (choices.data ?? [])
    .filter((c) => !linked.has(choiceValue(c.kind, c.id)))
    .map((c) => ({ value: choiceValue(c.kind, c.id), label: `${c.name}`, detail: `${c.kind === 'call' ? 'call' : 'email'} · ${c.status}` }));

  return (
    <SectionCard
      id="order-bridge"
      title="Audience and campaigns"
      description={open ? 'The order’s audience and the campaigns whose leads go to it.' : 'Once the order is approved, its audience is built here and campaigns are linked to it.'}
      actions={
        editable && BUILDABLE.has(order.state) ? (
          <Button size="sm" variant={built ? 'outline' : 'default'} loading={building} onClick={() => (built ? setConfirmRebuild(true) : void build().catch(() => undefined))}>
            <Workflow aria-hidden="true" />
            {built ? 'Rebuild audience' : 'Build audience'}
          </Button>
        ) : undefined
      }
    >
      <div className="grid gap-4">
        <div className="grid gap-1 text-sm" data-testid="order-audience">
          {built ? (
            <>
              <RouterLink href={`/domain-sets/${order.domainSetId}`} className="inline-flex items-center gap-1.5 font-medium text-primary hover:underline">
                <Globe2 className="size-4" aria-hidden="true" />
                Domain set of {order.reference}
              </RouterLink>
              <RouterLink href={`/segments/${order.segmentId}`} className="inline-flex items-center gap-1.5 font-medium text-primary hover:underline">
                <Filter className="size-4" aria-hidden="true" />
                Segment of {order.reference}
              </RouterLink>
            </>
          ) : (
            <p className="text-muted-foreground">No audience built yet.</p>
          )}
        </div>

        <div>
          <h3 className="mb-1.5 text-xs font-medium text-muted-foreground">Linked campaigns</h3>
          {order.campaigns.length === 0 ? (
            <p className="text-sm text-muted-foreground">No campaign works this order yet.</p>
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border text-sm" aria-label="Linked campaigns">
              {order.campaigns.map((c) => (
                <li key={`${c.campaignKind}-${c.campaignId}`} className="flex items-center gap-2 px-3 py-1.5">
                  {c.campaignKind === 'call' ? <PhoneOutgoing className="size-4 text-muted-foreground" aria-hidden="true" /> : <Mail className="size-4 text-muted-foreground" aria-hidden="true" />}
                  <RouterLink href={campaignHref(c)} className="min-w-0 flex-1 truncate font-medium text-primary hover:underline">
                    {c.name}
                  </RouterLink>
                  <span className="text-xs text-muted-foreground">
                    {c.campaignKind === 'call' ? 'Call' : 'Email'} · {c.status}
                  </span>
                  {editable && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Unlink ${c.name}`}
                      title="Unlink"
                      onClick={() => {
                        setUnlinkError(null);
                        setUnlinking(c);
                      }}
                    >
                      <Unlink aria-hidden="true" />
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>

        {editable && (
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-64 flex-1">
              <Combobox
                options={options}
                value={chosen}
                onChange={setChosen}
                aria-label="Campaign to link"
                placeholder={choices.isLoading ? 'Loading campaigns…' : 'Choose a call or email campaign'}
                searchPlaceholder="Search campaigns"
                emptyText="No campaign by that name."
              />
            </div>
            <Button variant="secondary" onClick={() => void link()} disabled={!chosen} loading={linking}>
              <Link2 aria-hidden="true" />
              Link campaign
            </Button>
          </div>
        )}
      </div>

      <ConfirmDialog
        open={confirmRebuild}
        onOpenChange={setConfirmRebuild}
        title={`Rebuild the audience of ${order.reference}?`}
        description="The domain set and segment are made again from the order’s current targets and criteria."
        confirmLabel="Rebuild audience"
        onConfirm={build}
      />
      <ConfirmDialog
        open={unlinking !== null}
        onOpenChange={(next) => !next && setUnlinking(null)}
        destructive
        title={`Unlink ${unlinking?.name ?? 'the campaign'}?`}
        description={`Its new leads no longer go to ${order.reference}; leads already made for the order keep it.`}
        confirmLabel="Unlink"
        error={unlinkError}
        onConfirm={async () => {
          if (!unlinking) return;
          try {
            await unlinkCampaign(order.id, unlinking.campaignId, unlinking.campaignKind);
            toast.success(`${unlinking.name} unlinked.`);
            onChanged();
          } catch (error) {
            setUnlinkError(describeError(error));
            throw error;
          }
        }}
      />
    </SectionCard>
  );
}
