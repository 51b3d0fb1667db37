// The agent console (/telephony/console): status with time in status, the softphone strip,
// the person on the line with their account, previous calls and timeline, the campaign's
// script beside the qualification form and the wrap-up (dispositions with one-key shortcuts,
// notes, callback time, after-call-work clock), callbacks due and manual dial. The console
// state is polled every second while the agent can get a call, so a bridged call shows at once.
import { useEffect, useRef, useState } from 'react';
import { Headset, PhoneIncoming } from 'lucide-react';
import type { AgentStatus, Call } from '@shared/contracts/telephony';
import { AGENT_STATUS_LABELS } from '@shared/contracts/telephony';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { RecordTimeline } from '@/features/activity/record-timeline';
import { AgentStatusControl } from '@/features/telephony/agent-status-control';
import { CallContactCard } from '@/features/telephony/call-contact-card';
import { CallbacksDue } from '@/features/telephony/callbacks-due';
import { CampaignScript } from '@/features/telephony/campaign-script';
import { ManualDial } from '@/features/telephony/manual-dial';
import { PreviousCalls } from '@/features/telephony/previous-calls';
import { SoftphoneStrip } from '@/features/telephony/softphone-strip';
import {
  useCallCampaign,
  useCallContact,
  useConsoleState,
  useHangupCall,
  useManualDial,
  useScriptContentLinks,
  useSetPresence,
  usesContentLinks,
} from '@/features/telephony/telephony-api';
import { useSoftphone } from '@/features/telephony/use-softphone';
import { WrapUpPanel } from '@/features/telephony/wrap-up-panel';
import { describeError, isApiError } from '@/lib/api';
import { useAuth, useCan } from '@/lib/auth';

/** After a manual dial the agent's leg rings within this long; until then an invite is answered. */
const MANUAL_DIAL_WINDOW_MS = 60_000;

function ConsoleSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading the console">
      <Skeleton className="h-12" />
      <div className="grid gap-4 xl:grid-cols-3">
        <Skeleton className="h-80" />
        <Skeleton className="h-80" />
        <Skeleton className="h-80" />
      </div>
    </div>
  );
}

function WaitingState({ status }: { status: AgentStatus }) {
  const copy: Record<AgentStatus, { title: string; description: string }> = {
    offline: { title: 'You are offline', description: 'Go available to take calls from the dialer, or dial a contact yourself.' },
    available: { title: 'Waiting for the next call', description: 'The dialer connects you to the next person who answers. Their record opens here.' },
    busy: { title: 'Connecting your call…', description: 'The call reserved for you is being placed.' },
    after_call_work: { title: 'Call saved', description: 'Finish your notes, then go available again.' },
    break: { title: 'On a break', description: 'No calls reach you while you are on a break.' },
  };
  return <EmptyState icon={status === 'available' ? <PhoneIncoming /> : <Headset />} title={copy[status].title} description={copy[status].description} />;
}

function CallWorkspace({ call, live, onHangup, afterCallSince, agentName }: { call: Call; live: boolean; onHangup(): Promise<void>; afterCallSince: string | null; agentName: string | null }) {
  const contact = useCallContact(call.contactId);
  const campaign = useCallCampaign(call.campaignId);
  const script = campaign.data?.script ?? '';
  const contentLinks = useScriptContentLinks(call.campaignId, call.contactId, usesContentLinks(script));
  const canWrite = useCan('records.write');
  return (
    <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,0.95fr)_minmax(0,1.1fr)_minmax(0,1.1fr)]">
      <div className="grid gap-4">
        <SectionCard id="console-contact" title={call.state === 'ended' ? 'Last call' : 'On the line'}>
          <CallContactCard call={call} contact={contact.data} loading={contact.isPending && call.contactId !== null} error={contact.error} onRetry={() => void contact.refetch()} />
        </SectionCard>
        {call.contactId && (
          <SectionCard id="console-previous-calls" title="Previous calls">
            <PreviousCalls contactId={call.contactId} currentCallId={call.id} />
          </SectionCard>
        )}
      </div>
      <SectionCard id="console-script" title="Script" description={campaign.data?.name}>
        {campaign.isPending && call.campaignId ? (
          <div className="grid gap-2" aria-busy="true" aria-label="Loading the script">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-4" />
            <Skeleton className="h-4 w-5/6" />
          </div>
        ) : campaign.isError ? (
          <ErrorState compact title="The script could not be loaded" description={describeError(campaign.error)} onRetry={() => void campaign.refetch()} />
        ) : (
          <>
            <CampaignScript
              html={script}
              contact={contact.data ?? null}
              agentName={agentName}
              // No contact on the call: no link to make, each shows its fallback.
              contentLinks={call.contactId === null || contentLinks.isError ? [] : contentLinks.data}
            />
            {contentLinks.isError && (
              <ErrorState compact title="The content links could not be loaded" description={describeError(contentLinks.error)} onRetry={() => void contentLinks.refetch()} />
            )}
          </>
        )}
      </SectionCard>
      <SectionCard id="console-wrap-up" title="Wrap-up">
        {campaign.data ? (
          // Keyed by call: the next call starts with an empty form.
          <WrapUpPanel key={call.id} call={call} campaign={campaign.data} contactZone={contact.data?.timezone ?? null} afterCallSince={afterCallSince} live={live} onHangup={onHangup} />
        ) : campaign.isPending && call.campaignId ? (
          <Skeleton className="h-64" />
        ) : (
          <p className="text-sm text-muted-foreground">This call belongs to no campaign: there is nothing to disposition.</p>
        )}
      </SectionCard>
      {call.contactId && (
        <div className="xl:col-span-3">
          <RecordTimeline kind="contact" id={call.contactId} name={contact.data?.fullName ?? 'this contact'} contactId={call.contactId} accountId={contact.data?.accountId ?? undefined} canWrite={canWrite} />
        </div>
      )}
    </div>
  );
}

export default function ConsolePage() {
  const { user } = useAuth();
  const consoleState = useConsoleState();
  const setPresence = useSetPresence();
  const manualDial = useManualDial();
  const hangupApi = useHangupCall();
  const audioRef = useRef<HTMLAudioElement>(null);
  const [dialedAt, setDialedAt] = useState<number | null>(null);
  const presence = consoleState.data?.presence;
  const call = consoleState.data?.call ?? null;

  const expectingCall = presence?.status === 'available' || presence?.status === 'busy' || manualDial.isPending || (dialedAt !== null && Date.now() - dialedAt < MANUAL_DIAL_WINDOW_MS);
  // Logged in once the console has loaded, and kept through a failed poll (the data stays; a
  // status flip to error must not drop the agent's call).
  const phone = useSoftphone({ enabled: consoleState.data !== undefined, expectingCall, audioRef });
  const phoneLive = phone.state.call !== null && phone.state.call.phase !== 'ended';
  const apiLive = call !== null && call.state !== 'ended';

  // A leg ringing or answered in the browser means the dialer has bridged a call: read the
  // console now instead of at the next poll, so the person's record opens with their voice.
  const phoneCallId = phone.state.call?.id ?? null;
  const refetchConsole = consoleState.refetch;
  useEffect(() => {
    if (phoneCallId) void refetchConsole();
  }, [phoneCallId, refetchConsole]);

  // An ended call leaves the strip once the API has moved on (wrap-up saved, next call).
  useEffect(() => {
    if (phone.state.call?.phase === 'ended' && !apiLive) {
      const timer = window.setTimeout(phone.clearEnded, 4_000);
      return () => window.clearTimeout(timer);
    }
  }, [phone.state.call?.phase, apiLive, phone.clearEnded]);

  if (consoleState.isPending) return <ConsoleSkeleton />;
  if (consoleState.data === undefined) {
    const missing = isApiError(consoleState.error, 'not_found');
    return (
      <>
        <HeaderActionBar title="Agent console" />
        <ErrorState
          title={missing ? 'The console is not available on this server yet' : 'The console could not be loaded'}
          description={describeError(consoleState.error)}
          onRetry={() => void consoleState.refetch()}
          retrying={consoleState.isFetching}
        />
      </>
    );
  }
  const state = consoleState.data;
  const status = state.presence.status;
  const phoneReady = phone.status !== 'idle' && phone.status !== 'connecting' && phone.status !== 'reconnecting' && phone.status !== 'error';

  async function changeStatus(next: AgentStatus) {
    try {
      await setPresence.mutateAsync(next);
    } catch (error) {
      toast.error(`Could not go ${AGENT_STATUS_LABELS[next].toLowerCase()}`, { description: describeError(error) });
    }
  }

  async function hangup() {
    if (phoneLive) phone.hangup();
    else if (call && apiLive) await hangupApi.mutateAsync(call.id).catch((error: unknown) => toast.error('The call could not be hung up', { description: describeError(error) }));
  }

  function dial(request: { campaignId: string; contactId: string; phone?: string }) {
    setDialedAt(Date.now());
    manualDial.mutate(request, {
      onError: (error) => {
        setDialedAt(null);
        toast.error('The call could not be placed', { description: describeError(error) });
      },
    });
  }

  const dialBlocked =
    apiLive || phoneLive ? 'Finish the call in progress first.' : !phoneReady ? 'The phone must be connected to dial.' : status === 'break' ? 'You are on a break.' : null;
  const defaultCampaign = state.presence.campaignId ?? state.campaigns.find((c) => c.status === 'active')?.id ?? null;
  const afterCallSince = status === 'after_call_work' ? state.presence.since : null;

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
      <HeaderActionBar
        className="pb-0"
        title="Agent console"
        description={state.campaigns.length ? `Your campaigns: ${state.campaigns.map((c) => c.name).join(', ')}` : 'You are not assigned to a call campaign yet.'}
        actions={
          <AgentStatusControl
            presence={state.presence}
            onChange={(next) => void changeStatus(next)}
            pending={setPresence.isPending}
            availableBlockedReason={phoneReady ? null : 'The phone must be connected before you go available.'}
          />
        }
      />
      <SoftphoneStrip phone={phone} apiCallLive={apiLive} onHangupFallback={() => void hangup()} />
      {consoleState.isError && (
        <p role="alert" className="rounded-lg border border-warning/40 bg-warning-subtle px-3 py-2 text-sm text-warning-text">
          The console could not be refreshed ({describeError(consoleState.error)}): what shows may be out of date. Trying again…
        </p>
      )}
      {/* The one element the remote party plays through (the SDK's remoteElement). */}
      <audio ref={audioRef} autoPlay aria-hidden="true" className="hidden" data-testid="remote-audio" />
      {call ? (
        <CallWorkspace call={call} live={apiLive || phoneLive} onHangup={hangup} afterCallSince={afterCallSince} agentName={user?.firstName ?? null} />
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <SectionCard id="console-next" title="Next contact">
            <WaitingState status={status} />
          </SectionCard>
          <div className="grid gap-4">
            <SectionCard id="console-callbacks" title="Callbacks due" flush className="[&>div:last-child]:px-5">
              <CallbacksDue
                callbacks={state.callbacksDue}
                dialing={manualDial.isPending}
                onDial={
                  dialBlocked
                    ? null
                    : (contactId, campaignId) => {
                        const on = campaignId ?? defaultCampaign;
                        if (on) dial({ campaignId: on, contactId });
                        else toast.error('No active campaign to dial on');
                      }
                }
              />
            </SectionCard>
            <SectionCard id="console-manual-dial" title="Manual dial" description="Preview mode: call a contact of your campaigns yourself.">
              <ManualDial
                campaigns={state.campaigns}
                defaultCampaignId={defaultCampaign}
                disabledReason={dialBlocked}
                pending={manualDial.isPending}
                error={null}
                onDial={dial}
              />
            </SectionCard>
          </div>
        </div>
      )}
      {call && state.callbacksDue.length > 0 && (
        <SectionCard id="console-callbacks" title="Callbacks due" flush className="[&>div:last-child]:px-5">
          <CallbacksDue callbacks={state.callbacksDue} dialing={false} onDial={null} />
        </SectionCard>
      )}
    </div>
  );
}
