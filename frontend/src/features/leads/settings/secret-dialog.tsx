// The signing secret of a delivery configuration, shown once — right after it is made or
// rotated — with a copy button and the warning that it cannot be shown again.
import { AlertTriangle } from 'lucide-react';
import { DELIVERY_SIGNATURE_HEADER } from '@shared/contracts/lead-delivery';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';

export function SecretDialog({ secret, configName, onClose }: { secret: string | null; configName: string; onClose: () => void }) {
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent size="md">
        <DialogHeader>
          <DialogTitle>Signing secret of {configName}</DialogTitle>
          <DialogDescription>
            The client checks each webhook with it: the <code className="font-mono">{DELIVERY_SIGNATURE_HEADER}</code> header carries
            <code className="font-mono"> t=&lt;time&gt;,v1=&lt;HMAC-SHA256 of &quot;t.body&quot;&gt;</code>.
          </DialogDescription>
        </DialogHeader>
        <p role="alert" className="flex gap-2 rounded-lg border border-warning/40 bg-warning-subtle px-3 py-2.5 text-sm text-warning-text">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          Copy it now and give it to the client. It is shown only this once; if it is lost, rotate it.
        </p>
        <div className="flex items-center gap-2">
          <code data-testid="delivery-secret" className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-[13px]">
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
