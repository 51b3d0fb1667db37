// The Resources Centre's signing secret, shown once — right after the link is first saved or the
// secret rotated.
import { ShownOnceDialog } from '@/components/ui/shown-once-dialog';

export function ResourcesSecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <ShownOnceDialog
      value={secret}
      title="The Resources Centre’s signing secret"
      description={
        <>
          Enter it in the Resources Centre: both sides sign with it. Requests carry <code className="font-mono">X-Pivotal-Timestamp</code> and{' '}
          <code className="font-mono">X-Pivotal-Signature: v1=&lt;HMAC-SHA256 of &quot;timestamp.body&quot;&gt;</code>.
        </>
      }
      warning="Copy it now. It is shown only this once; if it is lost, rotate it."
      testId="resources-secret"
      onClose={onClose}
    />
  );
}
