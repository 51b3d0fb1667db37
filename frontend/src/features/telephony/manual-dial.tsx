// Manual dial (preview mode, or a callback): pick the campaign and the contact, optionally
// another number of theirs; the API places the call (the gate, calling hours and caps apply)
// and the agent's leg rings the softphone, which answers it.
import { useState, type FormEvent } from 'react';
import { PhoneOutgoing } from 'lucide-react';
import { e164, type ConsoleState } from '@shared/contracts/telephony';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { FormError } from '@/components/form/form-error';
import { ContactPicker, type PickedContact } from '@/features/email/contact-picker';

export interface ManualDialProps {
  campaigns: ConsoleState['campaigns'];
  defaultCampaignId: string | null;
  disabledReason: string | null;
  pending: boolean;
  error: string | null;
  onDial(request: { campaignId: string; contactId: string; phone?: string }): void;
}

export function ManualDial({ campaigns, defaultCampaignId, disabledReason, pending, error, onDial }: ManualDialProps) {
  const active = campaigns.filter((c) => c.status === 'active' || c.status === 'paused');
  const [campaignId, setCampaignId] = useState<string | undefined>(defaultCampaignId ?? active[0]?.id);
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!campaignId || !contact) return;
    const trimmed = phone.trim();
    if (trimmed) {
      const parsed = e164.safeParse(trimmed);
      if (!parsed.success) return setPhoneError(parsed.error.issues[0]?.message ?? 'is not a phone number');
    }
    setPhoneError(null);
    onDial({ campaignId, contactId: contact.id, ...(trimmed ? { phone: trimmed } : {}) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Manual dial" className="grid gap-3">
      <Field label="Campaign">
        {(control) => (
          <OptionSelect
            {...control}
            size="sm"
            options={active.map((c) => ({ value: c.id, label: c.name }))}
            value={campaignId}
            onValueChange={setCampaignId}
            placeholder={active.length ? 'Choose a campaign' : 'No active campaign'}
            disabled={active.length === 0}
          />
        )}
      </Field>
      <div className="grid gap-1.5">
        <span className="text-sm font-medium">Contact</span>
        <ContactPicker value={contact} onChange={setContact} label="Contact to dial" noneLabel={null} className="h-9 w-full max-w-none [&>span]:flex-1 [&>span]:text-left" />
      </div>
      <Field label="Number" hint="Leave empty to dial the contact's best number." error={phoneError ? `This number ${phoneError}.` : undefined}>
        <Input className="h-8 font-mono" inputMode="tel" placeholder="+14155550100" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </Field>
      <FormError>{error}</FormError>
      <Button type="submit" size="sm" loading={pending} disabled={!campaignId || !contact || disabledReason !== null} title={disabledReason ?? undefined}>
        <PhoneOutgoing aria-hidden="true" />
        Dial
      </Button>
      {disabledReason && <p className="text-xs text-muted-foreground">{disabledReason}</p>}
    </form>
  );
}
