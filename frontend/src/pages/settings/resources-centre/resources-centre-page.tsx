// Settings → Resources Centre: the signed two-way link with the external Resources Centre — the
// endpoint, the switch and the shared secret (rotated with an overlap), the last push, pull and
// inbound request, the log of every exchange, reference people and the conflicts to resolve.
// Admins only (content.configure).
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { LinkCard } from '@/features/content/resources/link-card';
import { LogCard } from '@/features/content/resources/log-table';
import { ConflictsCard, ReferencePeopleCard } from '@/features/content/resources/reference-people';
import { useResourcesSettings } from '@/features/content/resources/resources-api';
import { describeError } from '@/lib/api';

export default function ResourcesCentrePage() {
  const settings = useResourcesSettings();
  return (
    <div className="grid gap-6">
      <HeaderActionBar
        title="Resources Centre"
        description="Assets pushed to the Resources Centre, and the speakers, organizers and sponsors it sends back, over a signed link."
      />
      {settings.isLoading ? (
        <Skeleton className="h-56 w-full" />
      ) : settings.isError || !settings.data ? (
        <ErrorState title="The Resources Centre link could not be loaded" description={describeError(settings.error)} onRetry={() => void settings.refetch()} />
      ) : (
        <LinkCard settings={settings.data} />
      )}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <ReferencePeopleCard />
        <ConflictsCard />
      </div>
      <LogCard />
    </div>
  );
}
