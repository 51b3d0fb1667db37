// Consent and suppression at a glance. Consent is a contact field; suppression comes from the
// compliance module and is shown only when the API includes it on the record.
import { Ban, ShieldCheck, ShieldOff } from 'lucide-react';
import type { Contact } from '@shared/contracts/accounts';
import { Badge } from '@/components/ui/badge';

/** What the API may add to a contact once suppressions are joined in (absent today). */
interface SuppressionInfo {
  suppressed?: boolean | null;
  suppression?: { reason?: string | null } | null;
}

export function suppressionOf(contact: Contact): { reason: string | null } | null {
  const extra = contact as Contact & SuppressionInfo;
  if (extra.suppression) return { reason: extra.suppression.reason ?? null };
  if (extra.suppressed === true) return { reason: null };
  return null;
}

export function ComplianceBadges({ contact }: { contact: Contact }) {
  const suppression = suppressionOf(contact);
  return (
    <span className="inline-flex items-center gap-1">
      {contact.consentStatus === 'opted-in' && (
        <Badge variant="success">
          <ShieldCheck aria-hidden="true" />
          Opted in
        </Badge>
      )}
      {contact.consentStatus === 'opted-out' && (
        <Badge variant="warning">
          <ShieldOff aria-hidden="true" />
          Opted out
        </Badge>
      )}
      {suppression && (
        <Badge variant="danger" title={suppression.reason ? `Suppressed: ${suppression.reason}` : 'Suppressed'}>
          <Ban aria-hidden="true" />
          Suppressed
        </Badge>
      )}
    </span>
  );
}
