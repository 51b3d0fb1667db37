// Choose a campaign's audience: a segment, a static list or a domain set (the contacts at its
// matched accounts), with how many contacts it holds now.
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CampaignAudience } from '@shared/contracts/email';
import { Combobox } from '@/components/ui/combobox';
import { OptionSelect } from '@/components/ui/option-select';
import { Skeleton } from '@/components/ui/skeleton';
import type { DomainSetReport } from '@shared/contracts/audience';
import { api } from '@/lib/api';
import { DOMAIN_SETS_PATH, audienceKeys, previewSegment, useDomainSets, useLists, useSegments } from '@/features/audience/audience-api';

export type AudienceKind = CampaignAudience['kind'];
export const AUDIENCE_KIND_LABELS: Record<AudienceKind, string> = { segment: 'Segment', list: 'List', domain_set: 'Domain set' };
const KIND_OPTIONS = (Object.keys(AUDIENCE_KIND_LABELS) as AudienceKind[]).map((value) => ({ value, label: AUDIENCE_KIND_LABELS[value] }));

export interface AudiencePickerProps {
  kind: AudienceKind;
  id: string | null;
  onChange: (value: { kind: AudienceKind; id: string | null }) => void;
  /** Wires the field's label and error to the choice of audience. */
  control?: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };
  disabled?: boolean;
}

export function AudiencePicker({ kind, id, onChange, control, disabled }: AudiencePickerProps) {
  const segments = useSegments();
  const lists = useLists();
  const domainSets = useDomainSets();
  const kindId = useId();
  const options =
    kind === 'segment'
      ? (segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))
      : kind === 'list'
        ? (lists.data?.items ?? []).map((l) => ({ value: l.id, label: l.name, detail: `${l.memberCount.toLocaleString('en-US')} contacts` }))
        : (domainSets.data?.items ?? []).map((d) => ({ value: d.id, label: d.name, detail: `${d.matchedCount.toLocaleString('en-US')} accounts` }));
  const loading = kind === 'segment' ? segments.isLoading : kind === 'list' ? lists.isLoading : domainSets.isLoading;
  const noun = AUDIENCE_KIND_LABELS[kind].toLowerCase();
  return (
    <div className="grid gap-2 sm:grid-cols-[9rem_minmax(0,1fr)]">
      <OptionSelect id={kindId} aria-label="Audience type" options={KIND_OPTIONS} value={kind} onValueChange={(next) => onChange({ kind: next, id: null })} disabled={disabled} />
      {loading ? (
        <Skeleton className="h-9" />
      ) : (
        <Combobox
          {...control}
          aria-label={control ? undefined : `Audience ${noun}`}
          options={options}
          value={id}
          onChange={(value) => onChange({ kind, id: value })}
          placeholder={options.length ? `Choose a ${noun}…` : `No ${noun}s yet`}
          searchPlaceholder={`Search ${noun}s…`}
          disabled={disabled || options.length === 0}
        />
      )}
    </div>
  );
}

/** How many contacts the audience holds now (a segment is counted live; a list has its count; a domain set its contacts). */
export function AudienceSize({ audience }: { audience: CampaignAudience | null }) {
  const segments = useSegments();
  const lists = useLists();
  const segment = audience?.kind === 'segment' ? segments.data?.items.find((s) => s.id === audience.id) : undefined;
  const segmentCount = useQuery({
    queryKey: ['audience', 'segments', segment?.id, 'count', segment?.updatedAt],
    queryFn: ({ signal }) => previewSegment(segment!.filter, signal),
    enabled: segment !== undefined,
    staleTime: 60_000,
  });
  const domainSetId = audience?.kind === 'domain_set' ? audience.id : null;
  const domainSet = useQuery({
    queryKey: audienceKeys.domainSet(domainSetId ?? 'none'),
    queryFn: ({ signal }) => api.get<DomainSetReport>(`${DOMAIN_SETS_PATH}/${domainSetId}`, undefined, signal),
    enabled: domainSetId !== null,
  });
  if (!audience) return null;
  let count: number | undefined;
  let approximate = false;
  if (audience.kind === 'list') count = lists.data?.items.find((l) => l.id === audience.id)?.memberCount;
  if (audience.kind === 'segment') {
    count = segmentCount.data?.count;
    approximate = segmentCount.data ? !segmentCount.data.exact : false;
  }
  if (audience.kind === 'domain_set') count = domainSet.data?.contactCount;
  return (
    <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="audience-size">
      {count === undefined ? (
        'Counting contacts…'
      ) : (
        <>
          <span className="font-mono font-semibold text-foreground tabular">
            {approximate ? '~' : ''}
            {count.toLocaleString('en-US')}
          </span>{' '}
          {count === 1 ? 'contact' : 'contacts'} now, before suppressions and the contact policy.
        </>
      )}
    </p>
  );
}
