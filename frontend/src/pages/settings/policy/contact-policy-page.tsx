// Settings → Contact policy: frequency limits per channel and across channels, quiet periods
// after an outcome, and per-account caps, edited as rows and saved as a new version (the older
// versions stay, listed beside). A save based on an old version is refused and says so.
import { useEffect, useState, type ReactNode } from 'react';
import { History, Plus, Trash2 } from 'lucide-react';
import {
  ACCOUNT_CAP_MODE_LABELS,
  ACCOUNT_CAP_MODES,
  EMPTY_POLICY,
  OUTCOME_CLASSES,
  POLICY_CHANNELS,
  type OutcomeClass,
  type PolicyChannel,
  type PolicyRules,
} from '@shared/contracts/activity';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { IconButton } from '@/components/ui/icon-button';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { OptionSelect, labelledOptions, type SelectOption } from '@/components/ui/option-select';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { usePolicy, usePolicyHistory, useSavePolicy } from '@/features/activity/activity-api';
import { formatDateTime } from '@/features/records/format';
import { ApiError, describeError } from '@/lib/api';

const CHANNEL_LABELS: Record<PolicyChannel, string> = { email: 'Email', call: 'Calls', any: 'Any channel' };
const NONE = '__none__';

/** Windows as people say them. */
const WINDOWS = [
  { hours: 24, label: '1 day' },
  { hours: 168, label: '7 days' },
  { hours: 336, label: '14 days' },
  { hours: 720, label: '30 days' },
  { hours: 2160, label: '90 days' },
  { hours: 4320, label: '180 days' },
];
const windowLabel = (hours: number) => WINDOWS.find((w) => w.hours === hours)?.label ?? `${hours} h`;

/** The look of a choice inside a rule's sentence. */
const CHOICE = 'h-8 w-auto min-w-28';

const windowOptions = (current: number) =>
  (WINDOWS.some((w) => w.hours === current) ? WINDOWS : [...WINDOWS, { hours: current, label: `${current} h` }]).map((w) => ({ value: String(w.hours), label: w.label }));
const channelOptions = labelledOptions(POLICY_CHANNELS, CHANNEL_LABELS);
const outcomeOptions: SelectOption<typeof NONE | OutcomeClass>[] = [{ value: NONE, label: 'of any class' }, ...OUTCOME_CLASSES.map((o) => ({ value: o, label: o }))];
const capModeOptions = labelledOptions(ACCOUNT_CAP_MODES, ACCOUNT_CAP_MODE_LABELS);

function NumberBox({ label, value, onChange }: { label: string; value: number; onChange(n: number): void }) {
  return <Input type="number" min={0} aria-label={label} className="h-8 w-20" value={value} onChange={(e) => onChange(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />;
}

function replaceAt<T>(list: T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

interface RuleSectionProps<T> {
  id: string;
  title: string;
  description: string;
  /** What one rule is called in labels: "limit" gives "Add limit", "Limit 2: channel", "Remove limit 2". */
  noun: string;
  /** The rule the add button appends. */
  fresh: NoInfer<T>;
  empty: string;
  rules: T[];
  onChange(rules: T[]): void;
  /** The controls of one rule, as a sentence; `label` names a part of it for assistive technology. */
  children(rule: T, set: (rule: T) => void, label: (part: string) => string): ReactNode;
}

/** One kind of rule edited as rows: each a sentence of controls with a remove button, and an add button. */
function RuleSection<T>({ id, title, description, noun, fresh, empty, rules, onChange, children }: RuleSectionProps<T>) {
  const Noun = noun[0]!.toUpperCase() + noun.slice(1);
  return (
    <SectionCard
      id={id}
      title={title}
      description={description}
      actions={
        <Button size="sm" variant="outline" onClick={() => onChange([...rules, fresh])}>
          <Plus aria-hidden="true" /> Add {noun}
        </Button>
      }
    >
      {rules.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="grid gap-2" aria-label={title}>
          {rules.map((rule, i) => (
            <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
              {children(rule, (next) => onChange(replaceAt(rules, i, next)), (part) => `${Noun} ${i + 1}: ${part}`)}
              <IconButton label={`Remove ${noun} ${i + 1}`} variant="ghost" size="icon-sm" onClick={() => onChange(rules.filter((_, j) => j !== i))} icon={<Trash2 />} />
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

export default function ContactPolicyPage() {
  const policy = usePolicy();
  const save = useSavePolicy();
  const [rules, setRules] = useState<PolicyRules>(EMPTY_POLICY);
  const [note, setNote] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const history = usePolicyHistory(showHistory);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (policy.data) setRules(policy.data.rules);
  }, [policy.data]);

  if (policy.isLoading) return <Skeleton className="h-64 w-full" />;
  if (policy.isError || !policy.data) return <ErrorState title="The contact policy could not be loaded" description={describeError(policy.error)} onRetry={() => void policy.refetch()} />;
  const dirty = JSON.stringify(rules) !== JSON.stringify(policy.data.rules);

  async function submit() {
    try {
      const saved = await save.mutateAsync({ rules, note: note.trim() || null, basedOn: policy.data!.version });
      setNote('');
      setError(null);
      toast.success(`Contact policy saved as version ${saved.version}.`);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? `${describeError(e)}` : describeError(e));
    }
  }

  return (
    <div className="grid gap-6">
      <HeaderActionBar
        title="Contact policy"
        description="How often anyone may be reached, across every campaign, channel and client. Campaigns can only add stricter rules."
        meta={<Badge variant="neutral">{policy.data.version ? `Version ${policy.data.version}` : 'Not set yet'}</Badge>}
        actions={
          <Button variant="outline" onClick={() => setShowHistory((s) => !s)} aria-expanded={showHistory}>
            <History aria-hidden="true" />
            {showHistory ? 'Hide versions' : 'Versions'}
          </Button>
        }
      />
      {error && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md bg-danger-subtle px-4 py-3 text-sm text-danger-text">
          {error}
          <Button size="sm" variant="outline" onClick={() => void policy.refetch().then(() => setError(null))}>
            Reload
          </Button>
        </div>
      )}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(280px,1fr)]">
        <div className="grid content-start gap-6">
          <RuleSection
            id="policy-limits"
            title="Frequency limits"
            description="At most so many attempts (emails sent, calls dialled) per person in a rolling window."
            noun="limit"
            fresh={{ channel: 'email', max: 3, windowHours: 168 }}
            empty="No limits: a person can be reached as often as campaigns want."
            rules={rules.limits}
            onChange={(limits) => setRules({ ...rules, limits })}
          >
            {(l, set, label) => (
              <>
                At most <NumberBox label={label('attempts')} value={l.max} onChange={(max) => set({ ...l, max })} />
                <OptionSelect aria-label={label('channel')} className={CHOICE} value={l.channel} options={channelOptions} onValueChange={(channel) => set({ ...l, channel })} />
                in
                <OptionSelect aria-label={label('window')} className={CHOICE} value={String(l.windowHours)} options={windowOptions(l.windowHours)} onValueChange={(h) => set({ ...l, windowHours: Number(h) })} />
              </>
            )}
          </RuleSection>
          <RuleSection
            id="policy-quiet"
            title="Quiet periods"
            description="After an outcome, leave the person alone on a channel for a while."
            noun="quiet period"
            fresh={{ channel: 'call', outcome: null, disposition: 'not_interested', hours: 2160 }}
            empty="No quiet periods."
            rules={rules.quietPeriods}
            onChange={(quietPeriods) => setRules({ ...rules, quietPeriods })}
          >
            {(q, set, label) => (
              <>
                No
                <OptionSelect aria-label={label('channel')} className={CHOICE} value={q.channel} options={channelOptions} onValueChange={(channel) => set({ ...q, channel })} />
                for
                <OptionSelect aria-label={label('length')} className={CHOICE} value={String(q.hours)} options={windowOptions(q.hours)} onValueChange={(h) => set({ ...q, hours: Number(h) })} />
                after an outcome
                <OptionSelect
                  aria-label={label('outcome')}
                  className={CHOICE}
                  value={q.outcome ?? NONE}
                  options={outcomeOptions}
                  onValueChange={(o) => set({ ...q, outcome: o === NONE ? null : o })}
                />
                with disposition
                <Input
                  aria-label={label('disposition')}
                  className="h-8 w-40 font-mono text-xs"
                  placeholder="any"
                  value={q.disposition ?? ''}
                  onChange={(e) => set({ ...q, disposition: e.target.value.trim().toLowerCase().replace(/[^a-z0-9_]/g, '_') || null })}
                />
              </>
            )}
          </RuleSection>
          <RuleSection
            id="policy-caps"
            title="Account caps"
            description="Per account, across campaigns, channels and clients: when a cap is reached the account's contacts leave the send and dial queues."
            noun="cap"
            fresh={{ mode: 'queue', max: 5, windowHours: 720 }}
            empty="No account caps."
            rules={rules.accountCaps}
            onChange={(accountCaps) => setRules({ ...rules, accountCaps })}
          >
            {(c, set, label) => (
              <>
                At most <NumberBox label={label('maximum')} value={c.max} onChange={(max) => set({ ...c, max })} />
                <OptionSelect aria-label={label('what')} className={CHOICE} value={c.mode} options={capModeOptions} onValueChange={(mode) => set({ ...c, mode })} />
                {c.mode !== 'queue' && (
                  <>
                    in
                    <OptionSelect aria-label={label('window')} className={CHOICE} value={String(c.windowHours)} options={windowOptions(c.windowHours)} onValueChange={(h) => set({ ...c, windowHours: Number(h) })} />
                  </>
                )}
              </>
            )}
          </RuleSection>
          <div className="flex flex-wrap items-center gap-3">
            <Input aria-label="Why it changed" placeholder="Why it changed (kept with the version)" className="max-w-md" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
            <Button onClick={() => void submit()} disabled={!dirty || save.isPending}>
              {save.isPending ? 'Saving…' : 'Save as new version'}
            </Button>
            {dirty && (
              <Button variant="ghost" onClick={() => setRules(policy.data!.rules)}>
                Discard changes
              </Button>
            )}
          </div>
        </div>
        {showHistory && (
          <SectionCard title="Versions" description="Every saved policy, newest first." className="content-start self-start">
            {history.isLoading ? (
              <Skeleton className="h-24 w-full" />
            ) : history.isError ? (
              <ErrorState compact description={describeError(history.error)} onRetry={() => void history.refetch()} />
            ) : (
              <ol className="grid gap-3 text-sm" aria-label="Policy versions">
                {(history.data?.items ?? []).map((v) => (
                  <li key={v.version} className="grid gap-0.5">
                    <span className="font-medium">
                      Version {v.version} · {v.createdByName ?? 'System'}
                    </span>
                    <span className="text-xs text-muted-foreground">{v.createdAt ? formatDateTime(v.createdAt) : ''}</span>
                    <span className="text-xs text-muted-foreground">
                      {v.rules.limits.map((l) => `${l.max} ${CHANNEL_LABELS[l.channel]!.toLowerCase()} / ${windowLabel(l.windowHours)}`).join(', ') || 'no limits'}
                      {v.rules.quietPeriods.length ? `; ${v.rules.quietPeriods.length} quiet period(s)` : ''}
                      {v.rules.accountCaps.length ? `; ${v.rules.accountCaps.length} account cap(s)` : ''}
                    </span>
                    {v.note && <span className="text-xs italic text-muted-foreground">{v.note}</span>}
                  </li>
                ))}
              </ol>
            )}
          </SectionCard>
        )}
      </div>
    </div>
  );
}
