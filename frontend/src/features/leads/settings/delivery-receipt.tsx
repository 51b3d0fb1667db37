// One receipt of a delivery attempt (a test send's, or an attempt in a delivery's history): the
// client's HTTP status, when and how long it took, the start of its answer, or why it failed.
import type { DeliveryReceipt } from '@shared/contracts/lead-delivery';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/features/records/format';

export function httpStatusBadge(status: number | null) {
  if (status === null) return <Badge variant="danger">No answer</Badge>;
  return <Badge variant={status >= 200 && status < 300 ? 'success' : status >= 500 ? 'danger' : 'warning'}>HTTP {status}</Badge>;
}

export function DeliveryReceiptCard({ receipt, title = 'Receipt' }: { receipt: DeliveryReceipt; title?: string }) {
  return (
    <section aria-label={title} className="grid gap-2 rounded-lg border border-border bg-muted/40 p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{title}</span>
        {httpStatusBadge(receipt.httpStatus)}
        <span className="text-xs text-muted-foreground">
          <time dateTime={receipt.at}>{formatDateTime(receipt.at)}</time>
          {receipt.durationMs !== null && <> · {receipt.durationMs} ms</>}
        </span>
      </div>
      {receipt.error && <p className="text-xs font-medium text-danger-text">{receipt.error}</p>}
      {receipt.responseExcerpt && (
        <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all rounded-md bg-card p-2 font-mono text-xs" aria-label="Response excerpt">
          {receipt.responseExcerpt}
        </pre>
      )}
    </section>
  );
}
