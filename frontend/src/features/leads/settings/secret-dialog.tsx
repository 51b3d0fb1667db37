// The signing secret of a delivery configuration, shown once — right after it is made or rotated.
import { DELIVERY_SIGNATURE_HEADER } from '@shared/contracts/lead-delivery';
import { ShownOnceDialog } from '@/components/ui/shown-once-dialog';

export function SecretDialog({ secret, configName, onClose }: { secret: string | null; configName: string; onClose: () => void }) {
  return (
    <ShownOnceDialog
      value={secret}
      title={`Signing secret of ${configName}`}
      description={
        <>
          The client checks each webhook with it: the <code className="font-mono">{DELIVERY_SIGNATURE_HEADER}</code> header carries
          <code className="font-mono"> t=&lt;time&gt;,v1=&lt;HMAC-SHA256 of &quot;t.body&quot;&gt;</code>.
        </>
      }
      warning="Copy it now and give it to the client. It is shown only this once; if it is lost, rotate it."
      testId="delivery-secret"
      onClose={onClose}
    />
  );
}
