// The sender profile of a campaign: who it is from, with a warning when the profile's domain is
// not verified yet (pre-flight stops the send until it is).
import { TriangleAlert } from 'lucide-react';
import { OptionSelect } from '@/components/ui/option-select';
import { Skeleton } from '@/components/ui/skeleton';
import { useSenderProfiles } from './campaigns-api';

export interface SenderProfileSelectProps {
  value: string | null;
  onChange: (id: string | null) => void;
  control?: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };
  disabled?: boolean;
}

export function SenderProfileSelect({ value, onChange, control, disabled }: SenderProfileSelectProps) {
  const profiles = useSenderProfiles();
  if (profiles.isLoading) return <Skeleton className="h-9" />;
  if (profiles.isError) return <p className="text-sm text-danger-text">The sender profiles could not be loaded.</p>;
  const items = profiles.data ?? [];
  const chosen = items.find((p) => p.id === value);
  return (
    <div className="grid gap-1.5">
      <OptionSelect
        {...control}
        options={items.map((p) => ({ value: p.id, label: `${p.name} — ${p.fromName} <${p.fromAddress}>` }))}
        value={value ?? undefined}
        onValueChange={(id) => onChange(id)}
        placeholder={items.length ? 'Choose who it is from…' : 'No sender profiles yet (Settings → Email)'}
        disabled={disabled || items.length === 0}
      />
      {chosen && !chosen.domainVerified && (
        <p className="flex items-center gap-1.5 text-xs text-warning-text">
          <TriangleAlert className="size-3.5" aria-hidden="true" /> Its sending domain is not verified yet: the campaign cannot be scheduled until it is.
        </p>
      )}
    </div>
  );
}
