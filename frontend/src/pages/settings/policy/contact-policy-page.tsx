// Settings → Contact policy: frequency limits per channel and across channels, quiet periods
// after an outcome, and per-account caps, edited as rows and saved as a new version (the older
// versions stay, listed beside). A save based on an old version is refused and says so.
import { useEffect, useState } from 'react';
import { History, Plus, Trash2 } from 'lucide-react';
import {
  ACCOUNT_CAP_MODE_LABELS,
  ACCOUNT_CAP_MODES,
  EMPTY_POLICY,
  OUTCOME_CLASSES,
  POLICY_CHANNELS,
  type AccountCap,
  type FrequencyLimit,
  type PolicyRules,
  type QuietPeriod,
} from '@shared/contracts/activity';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { IconButton } from '@/components/ui/icon-button';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { usePolicy, usePolicyHistory, useSavePolicy } from '@/features/activity/activity-api';
import { formatDateTime } from '@/features/records/format';
import { ApiError, describeError } from '@/lib/api';

const CHANNEL_LABELS: Record<string, string> = { email: 'Email', call: 'Calls', any: 'Any channel' };
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

function Choice({ label, value, options, onChange }: { label: string; value: string; options: Array<{ value: string; label: string }>; onChange(v: string): void }) {
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger aria-label={label} className="h-8 w-auto min-w-28">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

const windowOptions = (current: number) =>
  (WINDOWS.some((w) => w.hours === current) ? WINDOWS : [...WINDOWS, { hours: current, label: `${current} h` }]).map((w) => ({ value: String(w.hours), label: w.label }));
const channelOptions = POLICY_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c]! }));

function NumberBox({ label, value, onChange }: { label: string; value: number; onChange(n: number): void }) {
  return <Input type="number" min={0} aria-label={label} className="h-8 w-20" value={value} onChange={(e) => onChange(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />;
}

function replaceAt<T>(list: T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
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

  const setLimits = (limits: FrequencyLimit[]) => setRules({ ...rules, limits });
  const setQuiet = (quietPeriods: QuietPeriod[]) => setRules({ ...rules, quietPeriods });
  const setCaps = (accountCaps: AccountCap[]) => setRules({ ...rules, accountCaps });

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
          <SectionCard
            id="policy-limits"
            title="Frequency limits"
            description="At most so many attempts (emails sent, calls dialled) per person in a rolling window."
            actions={
              <Button size="sm" variant="outline" onClick={() => setLimits([...rules.limits, { channel: 'email', max: 3, windowHours: 168 }])}>
                <Plus aria-hidden="true" /> Add limit
              </Button>
            }
          >
            {rules.limits.length === 0 ? (
              <p className="text-sm text-muted-foreground">No limits: a person can be reached as often as campaigns want.</p>
            ) : (
              <ul className="grid gap-2" aria-label="Frequency limits">
                {rules.limits.map((l, i) => (
                  <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
                    At most <NumberBox label={`Limit ${i + 1}: attempts`} value={l.max} onChange={(max) => setLimits(replaceAt(rules.limits, i, { ...l, max }))} />
                    <Choice label={`Limit ${i + 1}: channel`} value={l.channel} options={channelOptions} onChange={(channel) => setLimits(replaceAt(rules.limits, i, { ...l, channel: channel as FrequencyLimit['channel'] }))} />
                    in
                    <Choice label={`Limit ${i + 1}: window`} value={String(l.windowHours)} options={windowOptions(l.windowHours)} onChange={(h) => setLimits(replaceAt(rules.limits, i, { ...l, windowHours: Number(h) }))} />
                    <IconButton label={`Remove limit ${i + 1}`} variant="ghost" size="icon-sm" onClick={() => setLimits(rules.limits.filter((_, j) => j !== i))} icon={<Trash2 />} />
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard
            id="policy-quiet"
            title="Quiet periods"
            description="After an outcome, leave the person alone on a channel for a while."
            actions={
              <Button size="sm" variant="outline" onClick={() => setQuiet([...rules.quietPeriods, { channel: 'call', outcome: null, disposition: 'not_interested', hours: 2160 }])}>
                <Plus aria-hidden="true" /> Add quiet period
              </Button>
            }
          >
            {rules.quietPeriods.length === 0 ? (
              <p className="text-sm text-muted-foreground">No quiet periods.</p>
            ) : (
              <ul className="grid gap-2" aria-label="Quiet periods">
                {rules.quietPeriods.map((q, i) => (
                  <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
                    No
                    <Choice label={`Quiet period ${i + 1}: channel`} value={q.channel} options={channelOptions} onChange={(channel) => setQuiet(replaceAt(rules.quietPeriods, i, { ...q, channel: channel as QuietPeriod['channel'] }))} />
                    for
                    <Choice label={`Quiet period ${i + 1}: length`} value={String(q.hours)} options={windowOptions(q.hours)} onChange={(h) => setQuiet(replaceAt(rules.quietPeriods, i, { ...q, hours: Number(h) }))} />
                    after an outcome
                    <Choice
                      label={`Quiet period ${i + 1}: outcome`}
                      value={q.outcome ?? NONE}
                      options={[{ value: NONE, label: 'of any class' }, ...OUTCOME_CLASSES.map((o) => ({ value: o, label: o }))]}
                      onChange={(o) => setQuiet(replaceAt(rules.quietPeriods, i, { ...q, outcome: o === NONE ? null : (o as QuietPeriod['outcome']) }))}
                    />
                    with disposition
                    <Input
                      aria-label={`Quiet period ${i + 1}: disposition`}
                      className="h-8 w-40 font-mono text-xs"
                      placeholder="any"
                      value={q.disposition ?? ''}
                      onChange={(e) => setQuiet(replaceAt(rules.quietPeriods, i, { ...q, disposition: e.target.value.trim().toLowerCase().replace(/[^a-z0-9_]/g, '_') || null }))}
                    />
                    <IconButton label={`Remove quiet period ${i + 1}`} variant="ghost" size="icon-sm" onClick={() => setQuiet(rules.quietPeriods.filter((_, j) => j !== i))} icon={<Trash2 />} />
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard
            id="policy-caps"
            title="Account caps"
            description="Per account, across campaigns, channels and clients: when a cap is reached the account's contacts leave the send and dial queues."
            actions={
              <Button size="sm" variant="outline" onClick={() => setCaps([...rules.accountCaps, { mode: 'queue', max: 5, windowHours: 720 }])}>
                <Plus aria-hidden="true" /> Add cap
              </Button>
            }
          >
            {rules.accountCaps.length === 0 ? (
              <p className="text-sm text-muted-foreground">No account caps.</p>
            ) : (
              <ul className="grid gap-2" aria-label="Account caps">
                {rules.accountCaps.map((c, i) => (
                  <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
                    At most <NumberBox label={`Cap ${i + 1}: maximum`} value={c.max} onChange={(max) => setCaps(replaceAt(rules.accountCaps, i, { ...c, max }))} />
                    <Choice
                      label={`Cap ${i + 1}: what`}
                      value={c.mode}
                      options={ACCOUNT_CAP_MODES.map((m) => ({ value: m, label: ACCOUNT_CAP_MODE_LABELS[m] }))}
                      onChange={(mode) => setCaps(replaceAt(rules.accountCaps, i, { ...c, mode: mode as AccountCap['mode'] }))}
                    />
                    {c.mode !== 'queue' && (
                      <>
                        in
                        <Choice label={`Cap ${i + 1}: window`} value={String(c.windowHours)} options={windowOptions(c.windowHours)} onChange={(h) => setCaps(replaceAt(rules.accountCaps, i, { ...c, windowHours: Number(h) }))} />
                      </>
                    )}
                    <IconButton label={`Remove cap ${i + 1}`} variant="ghost" size="icon-sm" onClick={() => setCaps(rules.accountCaps.filter((_, j) => j !== i))} icon={<Trash2 />} />
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
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
