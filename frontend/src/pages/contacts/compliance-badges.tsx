// Consent and suppression at a glance. Consent is a contact field; suppression is looked up by the
// API against the global suppression list (the address, its domain, the phones) for each response.
import { Ban, PhoneOff, ShieldCheck, ShieldOff } from 'lucide-react';
import type { ChannelSuppression, Contact } from '@shared/contracts/accounts';
import { SUPPRESSION_REASON_LABELS } from '@shared/contracts/compliance';
import { Badge } from '@/components/ui/badge';
import { SUPPRESSION_TYPE_LABELS } from '../compliance/suppression-badges';

/** "Bounced (domain)": the reason, and what matched when it is not the value itself. */
function suppressionTitle(suppression: ChannelSuppression, channel: 'Email' | 'Phone'): string {
  const matched = suppression.type === 'domain' ? ` (${SUPPRESSION_TYPE_LABELS.domain.toLowerCase()} suppressed)` : '';
  return `${channel} suppressed: ${SUPPRESSION_REASON_LABELS[suppression.reason]}${matched}`;
}

export function ComplianceBadges({ contact }: { contact: Contact }) {
  const email = contact.suppression?.email ?? null;
  const phone = contact.suppression?.phone ?? null;
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
      {email && (
        <Badge variant="danger" title={suppressionTitle(email, 'Email')} data-testid="email-suppressed">
          <Ban aria-hidden="true" />
          Email suppressed
        </Badge>
      )}
      {phone && (
        <Badge variant="danger" title={suppressionTitle(phone, 'Phone')} data-testid="phone-suppressed">
          <PhoneOff aria-hidden="true" />
          DNC
        </Badge>
      )}
    </span>
  );
}
