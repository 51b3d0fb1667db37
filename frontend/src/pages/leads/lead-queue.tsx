// The QA queue at /leads: the leads waiting for a person (under review by default), filtered by
// state, campaign, suggested verdict, SLA and a search, in the address so a view can be shared;
// cursor pages load as the analyst scrolls; j/k move, Enter opens, x selects, and the selected
// rule-perfect leads can be approved in one go.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { pickParam, useAddressParams } from '@/lib/use-address-params';
import { CheckCheck, Inbox, Keyboard } from 'lucide-react';
import { LEAD_STATES, LEAD_STATE_LABELS, type LeadListQuery, type LeadState, type LeadSummary } from '@shared/contracts/leads';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EMPTY_SELECTION, selectionLookup, type SelectionModel } from '@/components/ui/data-table/selection';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { ShortcutsDialog } from '@/components/ui/shortcuts-dialog';
import { usePageHelp } from '@/features/leads/use-page-help';
import { SearchBox } from '@/features/records/list-controls';
import { BulkApproveDialog } from '@/features/leads/bulk-approve-dialog';
import { leadColumns } from '@/features/leads/lead-columns';
import { VERDICT_LABELS } from '@/features/leads/lead-badges';
import { useLeadQueue, useLeadRefresh, type QueueFilters } from '@/features/leads/leads-api';
import { rememberQueueOrder } from '@/features/leads/queue-order';
import { useHotkeys } from '@/lib/hotkeys';
import { pagedTable } from '@/lib/paged-table';

const ALL = 'all';
const DEFAULT_STATE: LeadState = 'under_review';
const TABLE_HEIGHT = 'max(380px, calc(100dvh - 17rem))';
const STATE_OPTIONS = [{ value: ALL, label: 'All states' }, ...labelledOptions(LEAD_STATES, LEAD_STATE_LABELS)];
const VERDICTS = ['approve', 'reject', 'review'] as const;
const VERDICT_OPTIONS = [{ value: ALL, label: 'Any suggestion' }, ...VERDICTS.map((v) => ({ value: v, label: `Suggested: ${VERDICT_LABELS[v]}` }))];
const SLA_OPTIONS = [
  { value: ALL, label: 'Any age' },
  { value: 'true', label: 'Overdue' },
  { value: 'false', label: 'Within SLA' },
];
const SORTS = ['queued_at', '-queued_at', '-score', 'score'] as const;
const SORT_OPTIONS = [
  { value: 'queued_at', label: 'Oldest first' },
  { value: '-queued_at', label: 'Newest first' },
  { value: '-score', label: 'Highest score' },
  { value: 'score', label: 'Lowest score' },
];

export const QUEUE_SHORTCUTS = [
  {
    heading: 'Lead QA queue',
    shortcuts: [
      { combo: 'j', label: 'Next lead (focuses the queue)' },
      { combo: 'k', label: 'Previous lead' },
      { combo: 'enter', label: 'Open the lead' },
      { combo: 'x', label: 'Select the lead' },
      { combo: '/', label: 'Search' },
      { combo: 'shift+a', label: 'Bulk approve the selection' },
      { combo: '?', label: 'These shortcuts' },
    ],
  },
];


/** The queue's filters, read from and written to the address. */
function useQueueAddress() {
  const { params, set } = useAddressParams();
  const stateParam = params.get('state');
  const filters: QueueFilters & { sort: LeadListQuery['sort'] } = {
    state: stateParam === ALL ? undefined : (pickParam(stateParam, LEAD_STATES) ?? DEFAULT_STATE),
    campaignId: params.get('campaign') ?? undefined,
    suggestedVerdict: pickParam(params.get('verdict'), VERDICTS),
    overdue: pickParam(params.get('overdue'), ['true', 'false'] as const),
    q: params.get('q') ?? undefined,
    sort: pickParam(params.get('sort'), SORTS) ?? 'queued_at',
  };
  return { filters, set, search: params.toString() };
}

export function LeadQueue() {
  const { filters, set, search } = useQueueAddress();
  const queue = useLeadQueue(filters);
  const refresh = useLeadRefresh();
  const [, navigate] = useLocation();
  const [selection, setSelection] = useState<SelectionModel>(EMPTY_SELECTION);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const columns = useMemo(() => leadColumns(), []);

  // Campaign choices: the campaigns the queue has shown so far (an analyst has no campaign list of their own).
  const campaigns = useRef(new Map<string, string>());
  for (const lead of queue.rows) if (lead.campaignId) campaigns.current.set(lead.campaignId, lead.campaignName ?? 'Unnamed campaign');
  const campaignOptions = [
    { value: ALL, label: 'All campaigns' },
    ...[...campaigns.current].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
  ];
  if (filters.campaignId && !campaigns.current.has(filters.campaignId)) campaignOptions.push({ value: filters.campaignId, label: 'This campaign' });

  useEffect(() => {
    rememberQueueOrder(
      queue.rows.map((lead) => lead.id),
      search,
    );
  }, [queue.rows, search]);

  const selectedLeads = useMemo(() => {
    const isSelected = selectionLookup(selection);
    return queue.rows.filter((lead) => isSelected(lead.id));
  }, [queue.rows, selection]);

  const open = useCallback((lead: LeadSummary) => navigate(`/leads/${lead.id}`), [navigate]);
  const focusQueue = () => document.querySelector<HTMLElement>('[data-testid="lead-queue"] [role="grid"]')?.focus();

  usePageHelp(useCallback(() => setShortcutsOpen(true), []));
  useHotkeys([
    { combo: '/', handler: () => searchRef.current?.focus() },
    { combo: 'j', handler: focusQueue },
    { combo: 'shift+a', handler: () => selectedLeads.length > 0 && setBulkOpen(true) },
  ]);

  const filtered = filters.campaignId !== undefined || filters.suggestedVerdict !== undefined || filters.overdue !== undefined || (filters.q ?? '') !== '';
  return (
    <>
      <HeaderActionBar
        title="Lead QA"
        description="Leads the pipeline has transcribed, scored and checked, waiting for a verdict. The oldest come first; overdue ones are red."
        actions={
          <Button variant="outline" onClick={() => setShortcutsOpen(true)} title="Keyboard shortcuts (?)">
            <Keyboard aria-hidden="true" />
            Shortcuts
          </Button>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <div className="w-64">
          <SearchBox ref={searchRef} value={filters.q ?? ''} onChange={(q) => set({ q: q || undefined })} placeholder="Search name, email, company" label="Search leads" />
        </div>
        <OptionSelect
          value={filters.state ?? ALL}
          onValueChange={(v) => set({ state: v === DEFAULT_STATE ? undefined : v })}
          options={STATE_OPTIONS}
          className="h-9 w-36"
          aria-label="State"
        />
        <OptionSelect value={filters.campaignId ?? ALL} onValueChange={(v) => set({ campaign: v === ALL ? undefined : v })} options={campaignOptions} className="h-9 w-44" aria-label="Campaign" />
        <OptionSelect value={filters.suggestedVerdict ?? ALL} onValueChange={(v) => set({ verdict: v === ALL ? undefined : v })} options={VERDICT_OPTIONS} className="h-9 w-44" aria-label="Suggested verdict" />
        <OptionSelect value={filters.overdue ?? ALL} onValueChange={(v) => set({ overdue: v === ALL ? undefined : v })} options={SLA_OPTIONS} className="h-9 w-32" aria-label="SLA" />
        <OptionSelect value={filters.sort} onValueChange={(v) => set({ sort: v === 'queued_at' ? undefined : v })} options={SORT_OPTIONS} className="h-9 w-36" aria-label="Order" />
      </div>
      <div data-testid="lead-queue">
        <DataTable
          tableId="lead-queue"
          label="Lead QA queue"
          itemName={queue.hasNextPage ? 'leads loaded' : 'leads'}
          columns={columns}
          rows={queue.rows}
          getRowId={(lead) => lead.id}
          {...pagedTable(queue)}
          selection={selection}
          onSelectionChange={setSelection}
          bulkActions={() => (
            <Button size="sm" onClick={() => setBulkOpen(true)} title="Bulk approve (Shift+A)">
              <CheckCheck aria-hidden="true" />
              Approve rule-perfect
            </Button>
          )}
          onRowOpen={open}
          openOnRowClick
          height={TABLE_HEIGHT}
          defaultDensity="compact"
          empty={
            filtered ? (
              <EmptyState compact title="No lead matches" description="Try another search or clear the filters." />
            ) : (
              <EmptyState
                icon={<Inbox />}
                title={filters.state === DEFAULT_STATE ? 'The queue is empty' : 'No leads here'}
                description="Leads arrive here once the pipeline has transcribed and scored them."
              />
            )
          }
        />
      </div>
      <BulkApproveDialog
        open={bulkOpen}
        onOpenChange={setBulkOpen}
        leads={selectedLeads}
        onDone={() => {
          setSelection(EMPTY_SELECTION);
          refresh();
        }}
      />
      <ShortcutsDialog groups={QUEUE_SHORTCUTS} open={shortcutsOpen} onOpenChange={setShortcutsOpen} hotkey={false} />
    </>
  );
}
