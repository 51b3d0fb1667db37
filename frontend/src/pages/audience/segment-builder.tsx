// The segment builder: the filter bar over contact, company and audience fields, a live count
// (debounced preview as the filter changes), the newest matching contacts, save (new or changes)
// "convert to list" (a snapshot of today's members, leaving out the opted-out and suppressed if asked) and a CSV export of the filter as it stands.
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ListPlus, Loader2, Save, Users } from 'lucide-react';
import type { Segment } from '@shared/contracts/audience';
import { EMPTY_FILTER, type FilterGroup } from '@shared/contracts/filters';
import { AdvancedFilterBar } from '@/components/ui/advanced-filter-bar/advanced-filter-bar';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { toast } from '@/components/ui/toast';
import { DetailLoadError } from '@/features/records/detail-load-error';
import { RecordDetailSkeleton } from '@/features/records/record-detail-skeleton';
import { api, describeError } from '@/lib/api';
import { useDebounced } from '@/lib/use-debounced';
import { ReachableNow } from '@/features/activity/reachable-now';
import { contactColumns } from '../contacts/contact-columns';
import { PREVIEW_ROWS, SEGMENTS_PATH, audienceKeys, previewSegment, useCanWriteAudience, useDomainSets, useLists, useSegment } from '@/features/audience/audience-api';
import { NameDialog } from './name-dialog';
import { SegmentConvertDialog } from './segment-convert-dialog';
import { SegmentExport } from './segment-export';
import { segmentFields } from './segment-fields';

/** Long enough to skip the intermediate states of one edit, short enough to feel live. */
const PREVIEW_DEBOUNCE_MS = 400;

export function SegmentBuilder({ id }: { id: string | null }) {
  const segment = useSegment(id);
  if (id !== null && segment.isLoading) return <RecordDetailSkeleton label="Loading segment" />;
  if (id !== null && (segment.isError || !segment.data)) return <DetailLoadError noun="segment" query={segment} />;
  return <Builder segment={segment.data ?? null} />;
}

function Builder({ segment }: { segment: Segment | null }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const canWrite = useCanWriteAudience();
  const lists = useLists();
  const domainSets = useDomainSets();
  const fields = useMemo(() => segmentFields(lists.data?.items ?? [], domainSets.data?.items ?? []), [lists.data, domainSets.data]);
  // The builder is keyed by segment: the saved filter is only the starting point, so a refetch
  // never overwrites an edit in progress.
  const [filter, setFilter] = useState<FilterGroup>(segment?.filter ?? EMPTY_FILTER);
  const [saving, setSaving] = useState(false);
  const [converting, setConverting] = useState(false);
  const [savingChanges, setSavingChanges] = useState(false);

  const settled = useDebounced(filter, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: audienceKeys.preview(settled),
    queryFn: ({ signal }) => previewSegment(settled, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const columns = useMemo(() => contactColumns(), []);
  const dirty = segment !== null && JSON.stringify(segment.filter) !== JSON.stringify(filter);
  const updating = preview.isFetching || settled !== filter;

  async function saveChanges() {
    if (!segment) return;
    setSavingChanges(true);
    try {
      await api.patch<Segment>(`${SEGMENTS_PATH}/${segment.id}`, { filter });
      void queryClient.invalidateQueries({ queryKey: audienceKeys.segments });
      toast.success('Segment saved.');
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setSavingChanges(false);
    }
  }

  const count = preview.data?.count;
  return (
    <>
      <HeaderActionBar
        eyebrow={<BackLink href="/segments">Segments</BackLink>}
        title={segment?.name ?? 'New segment'}
        description={segment?.description ?? 'Add filters: the count and the preview follow as you edit.'}
        actions={
          canWrite && (
            <>
              <SegmentExport filter={filter} />
              {segment ? (
                <Button variant="outline" onClick={() => void saveChanges()} disabled={!dirty} loading={savingChanges}>
                  <Save aria-hidden="true" />
                  {dirty ? 'Save changes' : 'Saved'}
                </Button>
              ) : (
                <Button variant="outline" onClick={() => setSaving(true)}>
                  <Save aria-hidden="true" />
                  Save segment
                </Button>
              )}
              <Button
                onClick={() => setConverting(true)}
                disabled={!segment || dirty}
                title={!segment ? 'Save the segment first' : dirty ? 'Save your changes first' : undefined}
              >
                <ListPlus aria-hidden="true" />
                Convert to list
              </Button>
            </>
          )
        }
      />
      <Card className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-3 p-4">
        <div className="min-w-44" aria-live="polite" aria-atomic="true">
          <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Matching contacts</p>
          <p className="flex items-center gap-2">
            <span className="font-mono text-3xl font-semibold tabular" data-testid="segment-count">
              {count === undefined ? '—' : `${preview.data?.exact ? '' : '≈ '}${count.toLocaleString('en-US')}`}
            </span>
            {updating && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Updating the count" />}
          </p>
        </div>
        <ReachableNow onDemand selection={{ kind: 'filter', filter: settled }} />
        <AdvancedFilterBar className="min-w-0 flex-1" fields={fields} value={filter} onChange={setFilter} />
      </Card>
      {preview.isError && !preview.data ? (
        <ErrorState title="The preview could not be worked out" description={describeError(preview.error)} onRetry={() => void preview.refetch()} />
      ) : (
        <DataTable
          tableId="segment-preview"
          label="Segment preview"
          itemName="matching"
          columns={columns}
          rows={preview.data?.rows ?? []}
          getRowId={(contact) => contact.id}
          total={count}
          loading={preview.isLoading}
          error={preview.isError ? describeError(preview.error) : null}
          onRetry={() => void preview.refetch()}
          onRowOpen={(contact) => navigate(`/contacts/${contact.id}`)}
          toolbar={
            <span className="text-sm text-muted-foreground">
              The newest {PREVIEW_ROWS} matching contacts
            </span>
          }
          height="max(320px, calc(100dvh - 26rem))"
          defaultDensity="compact"
          empty={<EmptyState compact icon={<Users />} title="No contact matches" description="Remove a filter or widen one." />}
        />
      )}
      <NameDialog
        open={saving}
        onOpenChange={setSaving}
        title="Save segment"
        description="Saved segments can be used by campaigns and turned into lists."
        submitLabel="Save segment"
        onSubmit={async (values) => {
          const created = await api.post<Segment>(SEGMENTS_PATH, { ...values, filter });
          queryClient.setQueryData(audienceKeys.segment(created.id), created);
          void queryClient.invalidateQueries({ queryKey: audienceKeys.segments });
          toast.success(`Segment “${created.name}” saved.`);
          navigate(`/segments/${created.id}`, { replace: true });
        }}
      />
      {segment && (
        <SegmentConvertDialog
          segment={segment}
          open={converting}
          onOpenChange={setConverting}
          onConverted={(list) => {
            void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });
            const leftOut = list.leftOut > 0 ? ` (${list.leftOut.toLocaleString('en-US')} opted out or suppressed left out)` : '';
            toast.success(`List “${list.name}” created with ${list.memberCount.toLocaleString('en-US')} contacts${leftOut}.`, {
              action: { label: 'Open', onClick: () => navigate(`/lists/${list.id}`) },
            });
            navigate(`/lists/${list.id}`);
          }}
        />
      )}
    </>
  );
}
