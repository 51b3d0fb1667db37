// Bulk approve: the selected leads that are rule-perfect are approved in one go; the others are
// left alone and the result says which and why (not rule-perfect, not under review, gone).
import { useEffect, useState } from 'react';
import { CheckCheck } from 'lucide-react';
import type { BulkApproveResult, LeadSummary } from '@shared/contracts/leads';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormError } from '@/components/form/form-error';
import { TableHeadings } from '@/components/ui/table-headings';
import { describeError } from '@/lib/api';
import { bulkApprove } from './leads-api';
import { leadName } from './lead-columns';

export interface BulkApproveDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The selected leads (loaded rows). */
  leads: LeadSummary[];
  onDone: () => void;
}

export function BulkApproveDialog({ open, onOpenChange, leads, onDone }: BulkApproveDialogProps) {
  const [result, setResult] = useState<BulkApproveResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (open) {
      setResult(null);
      setError(null);
    }
  }, [open]);
  const perfect = leads.filter((lead) => lead.rulePerfect && lead.state === 'under_review').length;
  const names = new Map(leads.map((lead) => [lead.id, leadName(lead)]));

  async function approve() {
    setPending(true);
    setError(null);
    try {
      setResult(await bulkApprove(leads.map((lead) => lead.id)));
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg" data-testid="bulk-approve-dialog">
        <DialogHeader>
          <DialogTitle>{result ? 'Bulk approve: done' : `Approve ${leads.length} selected lead${leads.length === 1 ? '' : 's'}?`}</DialogTitle>
          <DialogDescription>
            {result
              ? `${result.approved.length} approved, ${result.skipped.length} left for review.`
              : `Only rule-perfect leads under review are approved (queued by the pipeline, every factor passed, the account matching the criteria); their required checklist items are ticked as they are approved. ${perfect} of the ${leads.length} look so now; the others are left as they are, each with the reason.`}
          </DialogDescription>
        </DialogHeader>
        {error && <FormError>{error}</FormError>}
        {result && result.skipped.length > 0 && (
          <div className="max-h-64 overflow-auto rounded-md border border-border" tabIndex={0} role="region" aria-label="Skipped leads">
            <table className="w-full text-sm">
              <caption className="sr-only">Leads not approved, with the reason</caption>
              <thead className="sticky top-0 bg-muted text-left text-xs uppercase tracking-wide text-muted-foreground">
                <TableHeadings headings={['Lead', 'Why it was skipped']} className="px-3 py-1.5" />
              </thead>
              <tbody>
                {result.skipped.map((skip) => (
                  <tr key={skip.id} className="border-t border-border">
                    <td className="px-3 py-1.5">{names.get(skip.id) ?? <span className="font-mono text-xs">{skip.id}</span>}</td>
                    <td className="px-3 py-1.5 text-muted-foreground">{skip.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <DialogFooter>
          {result ? (
            <Button onClick={() => onOpenChange(false)}>Close</Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
                Cancel
              </Button>
              <Button onClick={() => void approve()} loading={pending} disabled={leads.length === 0}>
                <CheckCheck aria-hidden="true" />
                Approve rule-perfect leads
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
