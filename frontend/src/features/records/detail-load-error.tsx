// What a detail page shows when its record could not be loaded: a 404 says there is no such
// thing (nothing to retry), anything else says why and offers a retry.
import { ErrorState } from '@/components/ui/error-state';
import { ApiError, describeError } from '@/lib/api';

export interface DetailLoadErrorProps {
  /** "list", "domain set". */
  noun: string;
  query: { error: unknown; refetch: () => unknown };
  /** Why it may be missing. */
  missingDescription?: string;
}

export function DetailLoadError({ noun, query, missingDescription = 'It may have been deleted, or the link is mistyped.' }: DetailLoadErrorProps) {
  const missing = query.error instanceof ApiError && query.error.status === 404;
  return (
    <ErrorState
      title={missing ? `There is no such ${noun}` : `The ${noun} could not be loaded`}
      description={missing ? missingDescription : describeError(query.error)}
      onRetry={missing ? undefined : () => void query.refetch()}
    />
  );
}
