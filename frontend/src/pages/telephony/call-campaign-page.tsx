// One call campaign at /telephony/campaigns/:id: its status and moves (activate, pause, complete,
// each confirmed), and tabs for setup, script, qualification form, dispositions and agents (the
// open tab lives in the address). A refused activation lists what is missing. A completed
// campaign is read-only.
import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { CheckCheck, ClipboardList, FileText, ListChecks, Pause, Play, Settings2, Users } from 'lucide-react';
import type { CallCampaign } from '@shared/contracts/telephony';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DetailBackButton, DetailPageFallback } from '@/features/records/detail-page-states';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { useDomainSets, useLists, useSegments } from '@/features/audience/audience-api';
import { AUDIENCE_KIND_LABELS } from '@/features/email/audience-picker';
import { CampaignHeader, CloneCampaignButton, DeleteCampaignButton, DeleteCampaignDialog, RefusalBanner, cloneCampaignWithToast } from '@/features/campaigns-shared/campaign-actions';
import { AgentsPicker } from '@/features/telephony/agents-picker';
import { CallCampaignStatusBadge } from '@/features/telephony/call-campaign-status';
import {
  CALL_CAMPAIGNS_ROUTE,
  callCampaignHref,
  useCallCampaign,
  useCloneCallCampaign,
  useDeleteCallCampaign,
  useMoveCallCampaign,
  usePutAgents,
  usePutDispositions,
  useUpdateCallCampaign,
} from '@/features/telephony/campaigns-api';
import { DispositionsEditor } from '@/features/telephony/dispositions-editor';
import { FormBuilder } from '@/features/telephony/form-builder';
import { describeError, isApiError } from '@/lib/api';
import { CallCampaignScript } from './call-campaign-script';
import { CallCampaignSetup } from './call-campaign-setup';

const TABS = [
  { id: 'setup', label: 'Setup', icon: Settings2 },
  { id: 'script', label: 'Script', icon: FileText },
  { id: 'form', label: 'Qualification form', icon: ClipboardList },
  { id: 'dispositions', label: 'Dispositions', icon: ListChecks },
  { id: 'agents', label: 'Agents', icon: Users },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** What a refused activation names, in words a manager can act on, with the tab that fixes it. */
const MISSING: Record<string, { label: string; tab: TabId }> = {
  audience: { label: 'Audience', tab: 'setup' },
  trunkId: { label: 'Trunk', tab: 'setup' },
  callerId: { label: 'Caller id', tab: 'setup' },
  sellerName: { label: 'Seller name', tab: 'setup' },
  sellerPhone: { label: 'Seller phone', tab: 'setup' },
  dispositions: { label: 'Dispositions', tab: 'dispositions' },
};

type Move = 'activate' | 'pause' | 'complete';
const MOVE_TEXT: Record<Move, { title: (c: CallCampaign) => string; description: string; confirm: string; done: string }> = {
  activate: {
    title: (c) => (c.status === 'paused' ? `Resume “${c.name}”?` : `Activate “${c.name}”?`),
    description: 'The campaign goes live: its dialer queue can be filled and started from the control centre, and its agents see it in their console.',
    confirm: 'Activate',
    done: 'The campaign is active.',
  },
  pause: {
    title: (c) => `Pause “${c.name}”?`,
    description: 'No new calls are placed; calls in progress end as they would. You can resume it later.',
    confirm: 'Pause',
    done: 'The campaign is paused.',
  },
  complete: {
    title: (c) => `Complete “${c.name}”?`,
    description: 'No more calls, ever: the campaign becomes read-only. Clone it to run it again.',
    confirm: 'Complete campaign',
    done: 'The campaign is completed.',
  },
};

/** A tab editor's save: the write, then a toast saying so (a failure stays with the editor, which shows it). */
const saveThenSay =
  <T,>(save: (value: T) => Promise<unknown>, done: string) =>
  async (value: T): Promise<void> => {
    await save(value);
    toast.success(done);
  };

/** "List: Call targets", from the audience module's lists (null while they load). */
function useAudienceName(audience: CallCampaign['audience'] | undefined): string | null {
  const segments = useSegments();
  const lists = useLists();
  const domainSets = useDomainSets(audience?.kind === 'domain_set');
  if (!audience) return null;
  const items: Array<{ id: string; name: string }> =
    audience.kind === 'segment' ? (segments.data?.items ?? []) : audience.kind === 'list' ? (lists.data?.items ?? []) : (domainSets.data?.items ?? []);
  const name = items.find((i) => i.id === audience.id)?.name;
  return name ? `${AUDIENCE_KIND_LABELS[audience.kind]}: ${name}` : null;
}

export function CallCampaignPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const query = useCallCampaign(id);
  const update = useUpdateCallCampaign(id);
  const putDispositions = usePutDispositions(id);
  const putAgents = usePutAgents(id);
  const moveCampaign = useMoveCallCampaign(id);
  const clone = useCloneCallCampaign();
  const remove = useDeleteCallCampaign();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabId = TABS.some((t) => t.id === asked) ? (asked as TabId) : 'setup';
  const setTab = (next: string) =>
    setParams(
      (prev) => {
        const search = new URLSearchParams(prev);
        if (next === 'setup') search.delete('tab');
        else search.set('tab', next);
        return search;
      },
      { replace: true },
    );
  const [moving, setMoving] = useState<Move | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; missing: Array<{ field: string; message: string }> } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const audienceName = useAudienceName(query.data?.audience);

  const back = <DetailBackButton href={CALL_CAMPAIGNS_ROUTE}>Call campaigns</DetailBackButton>;

  if (query.isPending || query.isError) {
    return (
      <DetailPageFallback query={query} back={back} loadingLabel="Loading the call campaign" blocks={['h-10', 'h-96']} title="Call campaign" noun="call campaign" />
    );
  }

  const campaign = query.data;
  const readOnly = campaign.status === 'completed';

  async function runMove(to: Move) {
    try {
      await moveCampaign.mutateAsync(to);
      setRefusal(null);
      toast.success(MOVE_TEXT[to].done);
    } catch (error) {
      if (to === 'activate' && isApiError(error) && error.status === 409 && Object.keys(error.fieldErrors).length > 0) {
        setRefusal({
          message: 'The campaign cannot start yet. Fix these first:',
          missing: Object.entries(error.fieldErrors).map(([field, messages]) => ({ field, message: messages.join('; ') })),
        });
        return;
      }
      toast.error('The campaign was not changed', { description: describeError(error) });
      throw error;
    }
  }

  const cloneIt = () => cloneCampaignWithToast(() => clone.mutateAsync(campaign.id), (copyId) => navigate(callCampaignHref(copyId)), { openNow: true });

  const agentsCount = campaign.agentIds.length;
  return (
    <div className="grid gap-5">
      <CampaignHeader
        back={back}
        name={campaign.name}
        status={<CallCampaignStatusBadge status={campaign.status} />}
        facts={
          <>
            <span>{campaign.audience ? (audienceName ?? 'Audience chosen') : 'No audience yet'}</span>
            <span>
              {campaign.form.length} question{campaign.form.length === 1 ? '' : 's'}
            </span>
            <span>
              {campaign.dispositions.length} disposition{campaign.dispositions.length === 1 ? '' : 's'}
            </span>
            <span>
              {agentsCount} agent{agentsCount === 1 ? '' : 's'}
            </span>
          </>
        }
        actions={
          <>
            {(campaign.status === 'draft' || campaign.status === 'paused') && (
              <Button size="sm" onClick={() => setMoving('activate')}>
                <Play aria-hidden="true" /> {campaign.status === 'paused' ? 'Resume' : 'Activate'}
              </Button>
            )}
            {campaign.status === 'active' && (
              <Button size="sm" variant="outline" onClick={() => setMoving('pause')}>
                <Pause aria-hidden="true" /> Pause
              </Button>
            )}
            {(campaign.status === 'active' || campaign.status === 'paused') && (
              <Button size="sm" variant="outline" onClick={() => setMoving('complete')}>
                <CheckCheck aria-hidden="true" /> Complete
              </Button>
            )}
            <CloneCampaignButton pending={clone.isPending} onClick={() => void cloneIt()} />
            {campaign.status !== 'active' && <DeleteCampaignButton label="Delete" onClick={() => setDeleting(true)} />}
          </>
        }
      />
      {refusal && (
        <RefusalBanner testId="activation-refused" onDismiss={() => setRefusal(null)}>
          <p className="font-semibold">{refusal.message}</p>
          <ul className="grid gap-1">
            {refusal.missing.map((m) => (
              <li key={m.field} className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{MISSING[m.field]?.label ?? m.field}:</span>
                <span>{m.message}</span>
                {MISSING[m.field] && (
                  <Button variant="link" size="sm" className="h-auto p-0 text-danger-text underline" onClick={() => setTab(MISSING[m.field]!.tab)}>
                    Go to {TABS.find((t) => t.id === MISSING[m.field]!.tab)!.label}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </RefusalBanner>
      )}
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="Call campaign" className="mb-2 overflow-x-auto">
          {TABS.map(({ id: tabId, label, icon: Icon }) => (
            <TabsTrigger key={tabId} value={tabId}>
              <Icon aria-hidden="true" />
              {label}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value="setup">{tab === 'setup' && <CallCampaignSetup campaign={campaign} readOnly={readOnly} />}</TabsContent>
        <TabsContent value="script">{tab === 'script' && <CallCampaignScript campaign={campaign} readOnly={readOnly} />}</TabsContent>
        <TabsContent value="form">
          {tab === 'form' && (
            <FormBuilder
              key={campaign.updatedAt}
              form={campaign.form}
              readOnly={readOnly}
              onSave={saveThenSay((form) => update.mutateAsync({ form }), 'Qualification form saved.')}
            />
          )}
        </TabsContent>
        <TabsContent value="dispositions">
          {tab === 'dispositions' && (
            <DispositionsEditor
              key={campaign.updatedAt}
              dispositions={campaign.dispositions}
              readOnly={readOnly}
              onSave={saveThenSay(putDispositions.mutateAsync, 'Dispositions saved.')}
            />
          )}
        </TabsContent>
        <TabsContent value="agents">
          {tab === 'agents' && (
            <AgentsPicker
              key={campaign.updatedAt}
              agentIds={campaign.agentIds}
              readOnly={readOnly}
              onSave={saveThenSay(putAgents.mutateAsync, 'Agents saved.')}
            />
          )}
        </TabsContent>
      </Tabs>
      <ConfirmDialog
        open={moving !== null}
        onOpenChange={(open) => !open && setMoving(null)}
        destructive={moving === 'complete'}
        title={moving ? MOVE_TEXT[moving].title(campaign) : ''}
        description={moving ? MOVE_TEXT[moving].description : undefined}
        confirmLabel={moving ? MOVE_TEXT[moving].confirm : 'Confirm'}
        onConfirm={async () => {
          if (moving) await runMove(moving);
        }}
      />
      <DeleteCampaignDialog
        open={deleting}
        onOpenChange={setDeleting}
        name={campaign.name}
        description="The campaign, its script, form and dispositions go; calls already made keep their records."
        confirmLabel="Delete campaign"
        deletedMessage={`Call campaign “${campaign.name}” deleted.`}
        remove={() => remove.mutateAsync(campaign.id)}
        onDeleted={() => navigate(CALL_CAMPAIGNS_ROUTE)}
      />
    </div>
  );
}
