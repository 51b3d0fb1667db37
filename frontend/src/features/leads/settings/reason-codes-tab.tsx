// Lead QA settings → Reason codes: the catalogue, loaded, then edited whole.
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { ReasonCodesEditor } from './reason-codes-editor';
import { useReasonCodes } from './settings-api';

export function ReasonCodesTab({ canConfigure }: { canConfigure: boolean }) {
  const codes = useReasonCodes();
  if (codes.isLoading) return <Skeleton className="h-80" aria-busy="true" aria-label="Loading reason codes" />;
  if (codes.isError) return <ErrorState compact title="The reason codes could not be loaded" description={describeError(codes.error)} onRetry={() => void codes.refetch()} />;
  return <ReasonCodesEditor codes={codes.data ?? []} readOnly={!canConfigure} />;
}
