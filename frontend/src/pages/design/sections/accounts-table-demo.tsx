// The DataTable and AdvancedFilterBar together over 100,000 generated accounts: the filter lives
// in the URL, sorting and paging go through a stand-in for the list endpoint, Enter opens a row.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Building2, Download, ListPlus, UserRoundPlus } from 'lucide-react';
import { AdvancedFilterBar } from '@/components/ui/advanced-filter-bar/advanced-filter-bar';
import { useUrlFilter } from '@/components/ui/advanced-filter-bar/use-url-filter';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type SortState } from '@/components/ui/data-table/data-table';
import { EMPTY_SELECTION, type SelectionModel } from '@/components/ui/data-table/selection';
import { EmptyState } from '@/components/ui/empty-state';
import { Label } from '@/components/ui/label';
import { OptionSelect } from '@/components/ui/option-select';
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { toast } from '@/components/ui/toast';
import { ACCOUNT_FIELDS, COUNTRY_OPTIONS, STAGE_LABELS, createAccountSource, generateAccounts, type SampleAccount, type Stage } from '../sample-accounts';

export const SAMPLE_SIZE = 100_000;
const PAGE_SIZE = 10_000;

const STAGE_VARIANT: Record<Stage, BadgeVariant> = {
  target: 'neutral',
  engaged: 'info',
  mql: 'accent',
  opportunity: 'warning',
  customer: 'success',
  churned: 'danger',
};
/** The demo can show the table's other states without breaking anything. */
type PreviewState = 'live' | 'loading' | 'empty' | 'error';

const PREVIEW_OPTIONS: { value: PreviewState; label: string }[] = [
  { value: 'live', label: 'Live data' },
  { value: 'loading', label: 'Loading' },
  { value: 'empty', label: 'Empty' },
  { value: 'error', label: 'Error' },
];

const countryName = Object.fromEntries(COUNTRY_OPTIONS.map((c) => [c.value, c.label]));
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

const COLUMNS: ColumnDef<SampleAccount, unknown>[] = [
  { id: 'id', accessorKey: 'id', header: 'ID', size: 110, meta: { mono: true } },
  {
    id: 'name',
    accessorKey: 'name',
    header: 'Account',
    size: 220,
    meta: { locked: true },
    cell: ({ row }) => <span className="font-medium text-foreground">{row.original.name}</span>,
  },
  { id: 'domain', accessorKey: 'domain', header: 'Domain', size: 190, meta: { mono: true } },
  { id: 'industry', accessorKey: 'industry', header: 'Industry', size: 160 },
  { id: 'country', accessorKey: 'country', header: 'Country', size: 140, cell: ({ row }) => countryName[row.original.country] },
  {
    id: 'stage',
    accessorKey: 'stage',
    header: 'Stage',
    size: 130,
    cell: ({ row }) => (
      <Badge variant={STAGE_VARIANT[row.original.stage]} dot>
        {STAGE_LABELS[row.original.stage]}
      </Badge>
    ),
  },
  { id: 'employees', accessorKey: 'employees', header: 'Employees', size: 120, meta: { mono: true, align: 'right' }, cell: ({ row }) => row.original.employees.toLocaleString('en-US') },
  { id: 'revenue', accessorKey: 'revenue', header: 'Revenue', size: 120, meta: { mono: true, align: 'right', label: 'Annual revenue' }, cell: ({ row }) => money.format(row.original.revenue) },
  {
    id: 'score',
    accessorKey: 'score',
    header: 'Intent',
    size: 130,
    meta: { mono: true, label: 'Intent score' },
    cell: ({ row }) => (
      <span className="flex items-center gap-2">
        <span className="h-1.5 w-14 overflow-hidden rounded-full bg-muted" aria-hidden="true">
          <span className="block h-full rounded-full bg-accent" style={{ width: `${row.original.score}%` }} />
        </span>
        {row.original.score}
      </span>
    ),
  },
  { id: 'owner', accessorKey: 'owner', header: 'Owner', size: 150 },
  { id: 'contact', accessorKey: 'contact', header: 'Primary contact', size: 160 },
  { id: 'email', accessorKey: 'email', header: 'Email', size: 260, meta: { mono: true } },
  { id: 'phone', accessorKey: 'phone', header: 'Phone', size: 150, meta: { mono: true } },
  { id: 'lastActivity', accessorKey: 'lastActivity', header: 'Last activity', size: 130, meta: { mono: true } },
];

export function AccountsTableDemo() {
  const all = useMemo(() => generateAccounts(SAMPLE_SIZE), []);
  const query = useMemo(() => createAccountSource(all), [all]);
  const [filter, setFilter] = useUrlFilter();
  const [sort, setSort] = useState<SortState | null>(null);
  const [rows, setRows] = useState<SampleAccount[]>([]);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [selection, setSelection] = useState<SelectionModel>(EMPTY_SELECTION);
  const [open, setOpen] = useState<SampleAccount | null>(null);
  const [preview, setPreview] = useState<PreviewState>('live');
  const generation = useRef(0);
  const live = preview === 'live';

  // A new filter or sort starts again from the first page (and drops the selection).
  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setRows([]);
    setSelection(EMPTY_SELECTION);
    void query({ filter, sort, cursor: null, limit: PAGE_SIZE }).then((page) => {
      if (mine !== generation.current) return;
      setRows(page.rows);
      setTotal(page.total);
      setCursor(page.nextCursor);
      setLoading(false);
    });
  }, [filter, sort, query]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    void query({ filter, sort, cursor, limit: PAGE_SIZE }).then((page) => {
      if (mine !== generation.current) return;
      setRows((prev) => [...prev, ...page.rows]);
      setCursor(page.nextCursor);
      setLoadingMore(false);
    });
  }, [cursor, loadingMore, query, filter, sort]);

  return (
    <div className="grid gap-3">
      <div className="flex items-center justify-end gap-2">
        <Label htmlFor="table-preview" className="text-muted-foreground">
          Preview state
        </Label>
        <OptionSelect value={preview} onValueChange={setPreview} options={PREVIEW_OPTIONS} id="table-preview" size="sm" className="w-36" />
      </div>
      <DataTable
        tableId="design-accounts"
        label="Accounts"
        itemName="accounts"
        columns={COLUMNS}
        rows={live ? rows : []}
        getRowId={(r) => r.id}
        total={live ? total : 0}
        sort={sort}
        onSortChange={setSort}
        hasMore={live && cursor !== null}
        onLoadMore={loadMore}
        loading={preview === 'loading' || (live && loading)}
        loadingMore={live && loadingMore}
        error={preview === 'error' ? 'The accounts service did not answer. Your filters are kept.' : null}
        onRetry={() => setPreview('live')}
        empty={
          <EmptyState
            compact
            icon={<Building2 />}
            title="No accounts match these filters"
            description="Remove a filter, or import accounts from a CSV."
            action={
              <Button size="sm" variant="outline" onClick={() => setPreview('live')}>
                Show all accounts
              </Button>
            }
          />
        }
        selection={selection}
        onSelectionChange={setSelection}
        onRowOpen={setOpen}
        height={520}
        toolbar={<AdvancedFilterBar fields={ACCOUNT_FIELDS} value={filter} onChange={setFilter} />}
        bulkActions={({ count }) => (
          <>
            <Button size="sm" variant="outline" onClick={() => toast.success(`${count.toLocaleString('en-US')} accounts added to “Q1 ABM — Fintech”`)}>
              <ListPlus aria-hidden="true" /> Add to list
            </Button>
            <Button size="sm" variant="outline" onClick={() => toast(`Reassigning ${count.toLocaleString('en-US')} accounts`)}>
              <UserRoundPlus aria-hidden="true" /> Assign owner
            </Button>
            <Button size="sm" variant="outline" onClick={() => toast.info('Export queued; you will get an email when the CSV is ready.')}>
              <Download aria-hidden="true" /> Export CSV
            </Button>
          </>
        )}
      />
      <Sheet open={open !== null} onOpenChange={(next) => !next && setOpen(null)}>
        <SheetContent>
          {open && (
            <>
              <SheetHeader>
                <SheetTitle>{open.name}</SheetTitle>
                <SheetDescription className="font-mono">{open.domain}</SheetDescription>
              </SheetHeader>
              <SheetBody>
                <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-3 text-sm">
                  <dt className="text-muted-foreground">Stage</dt>
                  <dd>
                    <Badge variant={STAGE_VARIANT[open.stage]} dot>
                      {STAGE_LABELS[open.stage]}
                    </Badge>
                  </dd>
                  <dt className="text-muted-foreground">Industry</dt>
                  <dd>{open.industry}</dd>
                  <dt className="text-muted-foreground">Country</dt>
                  <dd>{countryName[open.country]}</dd>
                  <dt className="text-muted-foreground">Employees</dt>
                  <dd className="font-mono">{open.employees.toLocaleString('en-US')}</dd>
                  <dt className="text-muted-foreground">Annual revenue</dt>
                  <dd className="font-mono">{money.format(open.revenue)}</dd>
                  <dt className="text-muted-foreground">Owner</dt>
                  <dd>{open.owner}</dd>
                  <dt className="text-muted-foreground">Primary contact</dt>
                  <dd>
                    {open.contact}
                    <span className="block font-mono text-xs text-muted-foreground">{open.email}</span>
                    <span className="block font-mono text-xs text-muted-foreground">{open.phone}</span>
                  </dd>
                  <dt className="text-muted-foreground">Last activity</dt>
                  <dd className="font-mono">{open.lastActivity}</dd>
                </dl>
              </SheetBody>
            </>
          )}
        </SheetContent>
      </Sheet>
    </div>
  );
}
