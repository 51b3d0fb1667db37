// A draft campaign on one page: five steps the author moves between freely (Setup, Content,
// Preview, Pre-flight, Schedule), each showing whether it is done. Every step stays mounted so
// nothing typed is lost by looking at another; the step is in the address (?step=…).
import { useCallback, useState, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Check, CircleAlert } from 'lucide-react';
import type { Campaign } from '@shared/contracts/email';
import type { PreflightItem } from '@shared/contracts/email-content';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { SectionCard } from '@/components/ui/section-card';
import { campaignHref, refusedPreflightItems, usePreflight } from '@/features/email/campaigns-api';
import type { PickedContact } from '@/features/email/contact-picker';
import { EmailPreview } from '@/features/email/email-preview';
import { preflightSummary } from '@/features/email/preflight-list';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { CampaignContent } from './campaign-content';
import { CampaignPreflight } from './campaign-preflight';
import { CampaignScheduleStep } from './campaign-schedule';
import { CampaignSetup } from './campaign-setup';

/** Why the server refused to schedule, with the red items it named. */
export interface ScheduleRefusal {
  message: string;
  items: PreflightItem[];
}

const STEPS = ['setup', 'content', 'preview', 'preflight', 'schedule'] as const;
type Step = (typeof STEPS)[number];
const STEP_LABELS: Record<Step, string> = { setup: 'Setup', content: 'Content', preview: 'Preview', preflight: 'Pre-flight', schedule: 'Schedule' };

export interface CampaignBuilderProps {
  campaign: Campaign;
  onStale: () => void;
  /** The page's banner for a schedule refused for red pre-flight items. */
  onConflict: (refusal: ScheduleRefusal) => void;
}

export function CampaignBuilder({ campaign, onStale, onConflict }: CampaignBuilderProps) {
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const stepParam = search.get('step') as Step | null;
  const step: Step = stepParam && STEPS.includes(stepParam) ? stepParam : 'setup';
  const [visited, setVisited] = useState<Set<Step>>(() => new Set([step]));
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [stamp, setStamp] = useState(() => campaign.updatedAt);
  const [preflightStamp, setPreflightStamp] = useState<string | null>(null);
  const [dirtySetup, setDirtySetup] = useState(false);
  const [dirtyContent, setDirtyContent] = useState(false);
  const preflight = usePreflight(campaign.id);

  const goTo = (next: string) => {
    setVisited((v) => new Set(v).add(next as Step));
    navigate(`${campaignHref(campaign.id)}?step=${next}`, { replace: true });
  };
  const onSaved = useCallback(() => setStamp(new Date().toISOString()), []);

  const items = preflight.data ?? null;
  const summary = items ? preflightSummary(items) : null;
  const outdated = preflightStamp !== null && preflightStamp !== stamp;
  const runPreflight = () => {
    setPreflightStamp(stamp);
    preflight.mutate();
  };

  const setupDone = campaign.name.trim() !== '' && campaign.audience !== null && campaign.senderProfileId !== null;
  const contentDone = campaign.variants.length > 0 && campaign.variants.every((v) => v.subject.trim() !== '') && !dirtyContent;
  const preflightDone = summary !== null && summary.red === 0 && !outdated;
  const done: Record<Step, boolean> = {
    setup: setupDone && !dirtySetup,
    content: contentDone,
    preview: visited.has('preview'),
    preflight: preflightDone,
    schedule: false,
  };
  const attention: Partial<Record<Step, boolean>> = { preflight: summary !== null && summary.red > 0 };
  const completed = STEPS.filter((s) => done[s]).length;

  const blockedReason = dirtySetup || dirtyContent
    ? 'Save your changes first: the send uses what is saved.'
    : !setupDone
      ? 'Finish the Setup step: the campaign needs an audience and a sender profile.'
      : summary === null
        ? 'Run pre-flight first: scheduling opens when no check is red.'
        : summary.red > 0
          ? `Pre-flight found ${summary.red} red ${summary.red === 1 ? 'item' : 'items'}: fix ${summary.red === 1 ? 'it' : 'them'} and re-run pre-flight.`
          : outdated
            ? 'The campaign changed since pre-flight ran: re-run it.'
            : null;

  const panel = (value: Step, content: ReactNode) => (
    <TabsContent value={value} forceMount className="data-[state=inactive]:hidden">
      {content}
    </TabsContent>
  );

  return (
    <Tabs value={step} onValueChange={goTo} activationMode="manual">
      <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
        <TabsList aria-label="Campaign steps" className="w-auto flex-1 gap-6">
          {STEPS.map((s, i) => (
            <TabsTrigger key={s} value={s} className="gap-2">
              <span
                className={cn(
                  'grid size-5 place-items-center rounded-full border text-[11px] font-semibold',
                  done[s] ? 'border-primary bg-primary text-primary-foreground' : attention[s] ? 'border-danger bg-danger-subtle text-danger-text' : 'border-border text-muted-foreground',
                )}
                aria-hidden="true"
              >
                {done[s] ? <Check className="size-3" strokeWidth={3} /> : attention[s] ? <CircleAlert className="size-3" /> : i + 1}
              </span>
              {STEP_LABELS[s]}
              <span className="sr-only">{done[s] ? ' (done)' : attention[s] ? ' (needs attention)' : ''}</span>
            </TabsTrigger>
          ))}
        </TabsList>
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {completed} of {STEPS.length - 1} steps done
        </p>
      </div>
      {panel('setup', <CampaignSetup campaign={campaign} onStale={onStale} onDirtyChange={setDirtySetup} />)}
      {panel('content', <CampaignContent campaign={campaign} onStale={onStale} onSaved={onSaved} onDirtyChange={setDirtyContent} />)}
      {panel(
        'preview',
        <SectionCard title="Preview" description="The email as the server renders it, personalised as the contact you choose.">
          <EmailPreview campaignId={campaign.id} variants={campaign.variants} active={step === 'preview'} stamp={stamp} contact={contact} onContactChange={setContact} />
        </SectionCard>,
      )}
      {panel('preflight', <CampaignPreflight state={{ items, running: preflight.isPending, error: preflight.error, outdated, run: runPreflight }} />)}
      {panel(
        'schedule',
        <CampaignScheduleStep
          campaign={campaign}
          blockedReason={blockedReason}
          contact={contact}
          onScheduled={() => navigate(campaignHref(campaign.id), { replace: true })}
          onConflict={(error) => {
            if (error.code === 'stale_write') return onStale();
            onConflict({ message: describeError(error), items: refusedPreflightItems(error) ?? [] });
            runPreflight();
          }}
        />,
      )}
    </Tabs>
  );
}
