// Suppressions: the email list (addresses and domains) and the do-not-call list, each searchable
// and cursor-paged, with add-one, bulk upload, the check tool and (admins only) removal. The tab,
// search and filters live in the address so a view can be shared.
import { useCallback, useMemo, useRef, useState } from 'react';
import { FileUp, Mail, Phone, Plus, SearchCheck, ShieldBan } from 'lucide-react';
import {
  SUPPRESSION_LISTS,
  SUPPRESSION_REASONS,
  SUPPRESSION_REASON_LABELS,
  type Suppression,
  type SuppressionList,
  type SuppressionType,
} from '@shared/contracts/compliance';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { SearchBox } from '@/features/records/list-controls';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { useQueryClient } from '@tanstack/react-query';
import { AddSuppressionDialog } from './add-suppression-dialog';
import { BulkSuppressionDialog } from './bulk-suppression-dialog';
import { CheckSuppressionsDialog } from './check-suppressions-dialog';
import { suppressionColumns } from './suppression-columns';
import { removeSuppression, suppressionKeys, useSuppressionPermissions, useSuppressions } from './suppressions-api';
import { pagedTable } from '@/lib/paged-table';
import { pickParam, useAddressParams } from '@/lib/use-address-params';

const ALL = '__all__';
const TYPE_FILTER_OPTIONS = [
  { value: ALL, label: 'All types' },
  { value: 'email', label: 'Addresses' },
  { value: 'domain', label: 'Domains' },
];
const REASON_FILTER_OPTIONS = [{ value: ALL, label: 'All reasons' }, ...labelledOptions(SUPPRESSION_REASONS, SUPPRESSION_REASON_LABELS)];
const TABLE_HEIGHT = 'max(380px, calc(100dvh - 22rem))';

function useSuppressionAddress() {
  const { params, set } = useAddressParams();
  const list: SuppressionList = pickParam(params.get('list'), SUPPRESSION_LISTS) ?? 'email';
  const reason = pickParam(params.get('reason'), SUPPRESSION_REASONS);
  const typeParam = params.get('type');
  const type = list === 'email' && (typeParam === 'email' || typeParam === 'domain') ? (typeParam as SuppressionType) : undefined;
  const q = params.get('q') ?? '';
  return { list, reason, type, q, set };
}

export default function SuppressionsPage() {
  const address = useSuppressionAddress();
  const { list, reason, type, q, set } = address;
  const suppressions = useSuppressions({ list, reason, type, q });
  const { canAdd, canRemove } = useSuppressionPermissions();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [checking, setChecking] = useState(false);
  const [removing, setRemoving] = useState<Suppression | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: suppressionKeys.all }), [queryClient]);
  const columns = useMemo(() => suppressionColumns({ list, onRemove: canRemove ? setRemoving : undefined }), [list, canRemove]);

  useHotkeys([
    { combo: '/', handler: () => searchRef.current?.focus() },
    { combo: 'n', handler: () => canAdd && setAdding(true) },
  ]);

  async function remove(entry: Suppression) {
    try {
      await removeSuppression(entry.id);
      toast.success(`${entry.value} is no longer suppressed.`);
      refresh();
    } catch (error) {
      toast.error(describeError(error));
      throw error;
    }
  }

  const filtered = q.trim() !== '' || reason !== undefined || type !== undefined;
  const noun = list === 'email' ? 'entries' : 'numbers';
  return (
    <>
      <HeaderActionBar
        title="Suppressions"
        description="Who is never emailed or called. Every send and every dial checks these lists at the moment of contact."
        actions={
          <>
            <Button variant="outline" onClick={() => setChecking(true)}>
              <SearchCheck aria-hidden="true" />
              Check values
            </Button>
            {canAdd && (
              <>
                <Button variant="outline" onClick={() => setBulk(true)}>
                  <FileUp aria-hidden="true" />
                  Bulk upload
                </Button>
                <Button onClick={() => setAdding(true)} title="Add a suppression (N)">
                  <Plus aria-hidden="true" />
                  Add suppression
                </Button>
              </>
            )}
          </>
        }
      />
      <Tabs value={list} onValueChange={(value) => set({ list: value === 'email' ? undefined : value, type: undefined })}>
        <TabsList aria-label="Suppression lists" className="mb-4">
          <TabsTrigger value="email">
            <Mail aria-hidden="true" />
            Email (addresses and domains)
          </TabsTrigger>
          <TabsTrigger value="phone">
            <Phone aria-hidden="true" />
            Phone (do not call)
          </TabsTrigger>
        </TabsList>
        {/* One panel per tab (the tabs point at them); only the open one holds the table. */}
        {SUPPRESSION_LISTS.map((tab) => (
          <TabsContent key={tab} value={tab} className="pt-0">
            {tab === list && (
              <>
                <div className="mb-3 flex flex-wrap items-center gap-2">
                  <SearchBox
                    ref={searchRef}
                    value={q}
                    onChange={(next) => set({ q: next || undefined })}
                    placeholder={list === 'email' ? 'Search addresses and domains' : 'Search numbers (digits are enough)'}
                    label={list === 'email' ? 'Search the email list' : 'Search the do-not-call list'}
                  />
                  {list === 'email' && (
                    <OptionSelect
                      value={type ?? ALL}
                      onValueChange={(v) => set({ type: v === ALL ? undefined : v })}
                      options={TYPE_FILTER_OPTIONS}
                      className="h-9 w-40"
                      aria-label="Entry type"
                    />
                  )}
                  <OptionSelect
                    value={reason ?? ALL}
                    onValueChange={(v) => set({ reason: v === ALL ? undefined : v })}
                    options={REASON_FILTER_OPTIONS}
                    className="h-9 w-44"
                    aria-label="Reason"
                  />
                </div>
                <DataTable
                  key={list}
                  tableId={`suppressions-${list}`}
                  label={list === 'email' ? 'Email suppressions' : 'Do-not-call numbers'}
                  itemName={suppressions.hasNextPage ? `${noun} loaded` : noun}
                  columns={columns}
                  rows={suppressions.rows}
                  getRowId={(entry) => entry.id}
                  {...pagedTable(suppressions)}
                  height={TABLE_HEIGHT}
                  defaultDensity="compact"
                  empty={
                    filtered ? (
                      <EmptyState compact title="Nothing matches" description="Try another search or clear the filters." />
                    ) : (
                      <EmptyState
                        icon={<ShieldBan />}
                        title={list === 'email' ? 'No suppressed addresses yet' : 'No do-not-call numbers yet'}
                        description="Unsubscribes, bounces and complaints land here on their own; add entries by hand or upload a file."
                        action={
                          canAdd ? (
                            <Button size="sm" onClick={() => setAdding(true)}>
                              <Plus aria-hidden="true" />
                              Add suppression
                            </Button>
                          ) : undefined
                        }
                      />
                    )
                  }
                />
              </>
            )}
          </TabsContent>
        ))}
      </Tabs>
      <AddSuppressionDialog open={adding} onOpenChange={setAdding} list={list} onAdded={refresh} />
      <BulkSuppressionDialog open={bulk} onOpenChange={setBulk} list={list} onDone={refresh} />
      <CheckSuppressionsDialog open={checking} onOpenChange={setChecking} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        destructive
        title={`Remove ${removing?.value ?? 'this entry'}?`}
        description={
          removing?.type === 'phone'
            ? 'The number can be dialled again. The removal is recorded in the audit log.'
            : 'Email can be sent to it again. The removal is recorded in the audit log.'
        }
        confirmLabel="Remove"
        onConfirm={() => (removing ? remove(removing) : undefined)}
      />
    </>
  );
}
