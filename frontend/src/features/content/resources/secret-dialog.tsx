// The Resources Centre's signing secret, shown once — right after the link is first saved or the
// secret rotated — with a copy button and the warning that it cannot be shown again.
import { AlertTriangle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';

export function ResourcesSecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent size="md">
        <DialogHeader>
          <DialogTitle>The Resources Centre’s signing secret</DialogTitle>
          <DialogDescription>
            Enter it in the Resources Centre: both sides sign with it. Requests carry <code className="font-mono">X-Pivotal-Timestamp</code> and{' '}
            <code className="font-mono">X-Pivotal-Signature: v1=&lt;HMAC-SHA256 of &quot;timestamp.body&quot;&gt;</code>.
          </DialogDescription>
        </DialogHeader>
        <p role="alert" className="flex gap-2 rounded-lg border border-warning/40 bg-warning-subtle px-3 py-2.5 text-sm text-warning-text">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          Copy it now. It is shown only this once; if it is lost, rotate it.
        </p>
        <div className="flex items-center gap-2">
          <code data-testid="resources-secret" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-[13px]">
            {secret}
          </code>
          <CopyButton value={secret ?? ''} text="Copy" />
        </div>
        <DialogFooter>
          <Button onClick={onClose}>I have stored it</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
