// A domain set's report: how the pasted lines normalized (invalid lines, repeats), which accounts
// they matched (how, how surely) for review, the unmatched entries, and the contacts at the
// matched accounts — with the actions that follow: a list of those contacts, accounts for the
// unmatched domains, matching again, deleting the set.
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { Building2, Check, ListPlus, RefreshCw, Trash2, X } from 'lucide-react';
import type { DomainSetEntry, DomainSetReport, StaticList } from '@shared/contracts/audience';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EMPTY_SELECTION, selectionLookup, type SelectionModel } from '@/components/ui/data-table/selection';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { DeleteNamedDialog } from '@/features/named-index/delete-named-dialog';
import { DetailLoadError } from '@/features/records/detail-load-error';
import { RecordDetailSkeleton } from '@/features/records/record-detail-skeleton';
import { api, describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { DOMAIN_SETS_PATH, audienceKeys, useCanWriteAudience, useDomainSetReport } from '@/features/audience/audience-api';
import { matchedColumns, unmatchedColumns } from './domain-set-columns';
import { NameDialog } from './name-dialog';
import { TableHeadings } from '@/components/ui/table-headings';

const nf = (n: number) => n.toLocaleString('en-US');
const TABLE_HEIGHT = 'max(320px, calc(100dvh - 30rem))';

function Figure({ label, value, tone, testId }: { label: string; value: number; tone?: string; testId?: string }) {
  return (
    <div className="min-w-28">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className={cn('font-mono text-2xl font-semibold tabular', tone)} data-testid={testId}>
        {nf(value)}
      </dd>
    </div>
  );
}

export function DomainSetReportView({ id }: { id: string }) {
  const report = useDomainSetReport(id);
  if (report.isLoading) return <RecordDetailSkeleton label="Loading domain set" />;
  if (report.isError || !report.data) return <DetailLoadError noun="domain set" query={report} />;
  return <Report report={report.data} />;
}

function Report({ report }: { report: DomainSetReport }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const canWrite = useCanWriteAudience();
  const { set } = report;
  const id = set.id;
  const [tab, setTab] = useState('matched');
  const [selection, setSelection] = useState<SelectionModel>(EMPTY_SELECTION);
  const [toList, setToList] = useState(false);
  const [creatingAccounts, setCreatingAccounts] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [rematching, setRematching] = useState(false);

  const adopt = (next: DomainSetReport) => {
    queryClient.setQueryData(audienceKeys.domainSet(id), next);
    void queryClient.invalidateQueries({ queryKey: audienceKeys.domainSets, exact: true });
  };

  async function review(entries: DomainSetEntry[], status: 'confirmed' | 'rejected') {
    try {
      const next = await api.post<DomainSetReport>(`${DOMAIN_SETS_PATH}/${id}/review`, { decisions: entries.map((e) => ({ entryId: e.id, status })) });
      adopt(next);
      setSelection(EMPTY_SELECTION);
      toast.success(`${nf(entries.length)} ${entries.length === 1 ? 'match' : 'matches'} ${status}.`);
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  async function rematch() {
    setRematching(true);
    try {
      adopt(await api.post<DomainSetReport>(`${DOMAIN_SETS_PATH}/${id}/rematch`));
      toast.success('Unreviewed entries matched again.');
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setRematching(false);
    }
  }

  const matched = useMemo(() => matchedColumns({ onReview: canWrite ? (entry, status) => void review([entry], status) : undefined }), [canWrite, id]); // review() reads nothing else that changes
  const unmatched = useMemo(() => unmatchedColumns(), []);
  const isSelected = selectionLookup(selection);
  const selectedEntries = report.matched.filter((e) => isSelected(String(e.id)));
  const toReview = report.matched.filter((e) => e.reviewStatus === 'suggested').length;
  const unmatchedDomains = report.unmatched.filter((e) => e.kind === 'domain' && e.domain).length;

  return (
    <>
      <HeaderActionBar
        eyebrow={<BackLink href="/domain-sets">Domain sets</BackLink>}
        title={set.name}
        description={set.description ?? undefined}
        actions={
          canWrite && (
            <>
              <Button variant="outline" onClick={() => void rematch()} loading={rematching}>
                {!rematching && <RefreshCw aria-hidden="true" />}
                Match again
              </Button>
              <Button variant="outline" onClick={() => setCreatingAccounts(true)} disabled={unmatchedDomains === 0}>
                <Building2 aria-hidden="true" />
                Create accounts for unmatched
              </Button>
              <Button onClick={() => setToList(true)} disabled={report.contactCount === 0}>
                <ListPlus aria-hidden="true" />
                Contacts to a list
              </Button>
              <Button variant="ghost" size="icon" className="text-danger-text hover:bg-danger-subtle" aria-label="Delete domain set" onClick={() => setDeleting(true)}>
                <Trash2 aria-hidden="true" />
              </Button>
            </>
          )
        }
      />
      <Card className="mb-4 p-4">
        <dl className="flex flex-wrap gap-x-8 gap-y-3">
          <Figure label="Entries" value={set.entryCount} />
          <Figure label="Matched" value={report.matched.length} tone="text-success-text" testId="matched-count" />
          <Figure label="To review" value={toReview} tone={toReview > 0 ? 'text-warning-text' : undefined} />
          <Figure label="Unmatched" value={report.unmatched.length} />
          <Figure label="Invalid" value={report.invalid.length} tone={report.invalid.length > 0 ? 'text-danger-text' : undefined} />
          <Figure label="Duplicates" value={report.duplicates.length} />
          <Figure label="Contacts at matched accounts" value={report.contactCount} testId="contact-count" />
        </dl>
      </Card>
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="Report sections">
          <TabsTrigger value="matched">Matched ({nf(report.matched.length)})</TabsTrigger>
          <TabsTrigger value="unmatched">Unmatched ({nf(report.unmatched.length)})</TabsTrigger>
          <TabsTrigger value="issues">Invalid and duplicates ({nf(report.invalid.length + report.duplicates.length)})</TabsTrigger>
        </TabsList>
        <TabsContent value="matched">
          <DataTable
            tableId="domain-set-matched"
            label="Matched entries"
            itemName="matched"
            columns={matched}
            rows={report.matched}
            getRowId={(entry) => String(entry.id)}
            selection={canWrite ? selection : undefined}
            onSelectionChange={canWrite ? setSelection : undefined}
            bulkActions={() => (
              <>
                <Button variant="outline" size="sm" onClick={() => void review(selectedEntries, 'confirmed')}>
                  <Check aria-hidden="true" />
                  Confirm
                </Button>
                <Button variant="outline" size="sm" onClick={() => void review(selectedEntries, 'rejected')}>
                  <X aria-hidden="true" />
                  Reject
                </Button>
              </>
            )}
            onRowOpen={(entry) => entry.accountId && navigate(`/accounts/${entry.accountId}`)}
            height={TABLE_HEIGHT}
            defaultDensity="compact"
            empty={<EmptyState compact icon={<Building2 />} title="No entry matched an account" description="Create accounts for the unmatched domains, or check the spelling of the names." />}
          />
        </TabsContent>
        <TabsContent value="unmatched">
          <DataTable
            tableId="domain-set-unmatched"
            label="Unmatched entries"
            itemName="unmatched"
            columns={unmatched}
            rows={report.unmatched}
            getRowId={(entry) => String(entry.id)}
            height={TABLE_HEIGHT}
            defaultDensity="compact"
            empty={<EmptyState compact title="Every entry matched" description="Nothing is left without an account." />}
          />
        </TabsContent>
        <TabsContent value="issues">
          <IssueTables report={report} />
        </TabsContent>
      </Tabs>
      <NameDialog
        open={toList}
        onOpenChange={setToList}
        title="Contacts to a list"
        description={`A static list of the ${nf(report.contactCount)} contacts at the matched accounts (rejected matches left out).`}
        nameLabel="List name"
        submitLabel="Create list"
        initial={{ name: set.name }}
        onSubmit={async (values) => {
          const list = await api.post<StaticList>(`${DOMAIN_SETS_PATH}/${id}/list`, values);
          void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });
          toast.success(`List “${list.name}” created with ${nf(list.memberCount)} contacts.`);
          navigate(`/lists/${list.id}`);
        }}
      />
      <ConfirmDialog
        open={creatingAccounts}
        onOpenChange={setCreatingAccounts}
        title={`Create accounts for ${nf(unmatchedDomains)} unmatched ${unmatchedDomains === 1 ? 'domain' : 'domains'}?`}
        description="Each unmatched domain becomes a new account (named after its domain) and is matched to it. Company names without a domain are left as they are."
        confirmLabel="Create accounts"
        onConfirm={async () => {
          try {
            const result = await api.post<{ created: number; matched: number }>(`${DOMAIN_SETS_PATH}/${id}/accounts`);
            toast.success(`${nf(result.created)} accounts created, ${nf(result.matched)} entries matched.`);
            await queryClient.invalidateQueries({ queryKey: audienceKeys.domainSet(id) });
          } catch (error) {
            toast.error(describeError(error));
            throw error;
          }
        }}
      />
      <DeleteNamedDialog
        item={deleting ? set : null}
        onClose={() => setDeleting(false)}
        noun="Domain set"
        pathOf={(domainSet) => `${DOMAIN_SETS_PATH}/${domainSet.id}`}
        description="Accounts and contacts stay; segments that use this set stop matching it."
        onDeleted={() => {
          void queryClient.invalidateQueries({ queryKey: audienceKeys.domainSets });
          navigate('/domain-sets');
        }}
      />
    </>
  );
}

function IssueTables({ report }: { report: DomainSetReport }) {
  if (report.invalid.length === 0 && report.duplicates.length === 0) {
    return <EmptyState compact title="Every line was read" description="No invalid lines and no repeats." />;
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <IssueTable
        caption="Invalid lines"
        rows={report.invalid.map((i) => ({ key: `i${i.lineNo}`, lineNo: i.lineNo, raw: i.raw, note: i.reason }))}
        empty="No invalid lines."
      />
      <IssueTable
        caption="Duplicate lines"
        rows={report.duplicates.map((d) => ({ key: `d${d.lineNo}`, lineNo: d.lineNo, raw: d.raw, note: `Same as line ${d.sameAs}` }))}
        empty="No repeats."
      />
    </div>
  );
}

function IssueTable({ caption, rows, empty }: { caption: string; rows: Array<{ key: string; lineNo: number; raw: string; note: string }>; empty: string }) {
  return (
    <Card className="overflow-hidden">
      <h3 className="border-b border-border px-4 py-2.5 text-sm font-semibold">{caption}</h3>
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted-foreground">{empty}</p>
      ) : (
        <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={caption}>
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-muted text-left text-xs uppercase tracking-wide text-muted-foreground">
              <TableHeadings headings={[{ label: 'Line', className: 'w-16' }, 'As given', 'Why']} className="px-4 py-1.5" />
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-border">
                  <td className="px-4 py-1.5 font-mono tabular">{r.lineNo}</td>
                  <td className="max-w-56 truncate px-4 py-1.5 font-mono">{r.raw}</td>
                  <td className="px-4 py-1.5 text-muted-foreground">{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
