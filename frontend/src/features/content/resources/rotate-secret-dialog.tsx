// Rotating the signing secret: how long the previous one is still accepted on inbound requests
// (the time it takes to enter the new one in the Resources Centre), then a confirmation. Pushes
// are signed with the new secret at once.
import { useEffect, useState } from 'react';
import { RefreshCcw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { OptionSelect } from '@/components/ui/option-select';
import { describeError } from '@/lib/api';
import { useRotateSecret } from './resources-api';

const OVERLAPS = [
  { value: '0', label: 'No overlap: the old secret stops now' },
  { value: '1', label: '1 hour' },
  { value: '24', label: '1 day' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days' },
] as const;
type Overlap = (typeof OVERLAPS)[number]['value'];

export function RotateSecretDialog({ open, onOpenChange, onRotated }: { open: boolean; onOpenChange: (open: boolean) => void; onRotated: (secret: string) => void }) {
  const rotate = useRotateSecret();
  const [overlap, setOverlap] = useState<Overlap>('24');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setOverlap('24');
      setError(null);
    }
  }, [open]);

  async function confirm() {
    try {
      const rotated = await rotate.mutateAsync(Number(overlap));
      onOpenChange(false);
      if (rotated.secret) onRotated(rotated.secret);
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !rotate.isPending && onOpenChange(next)}>
      <DialogContent size="md">
        <DialogHeader>
          <DialogTitle>Rotate the signing secret?</DialogTitle>
          <DialogDescription>
            A new secret signs pushes and pulls from now on; the Resources Centre must be given it. Until the overlap ends, its requests signed with the current secret are still accepted.
          </DialogDescription>
        </DialogHeader>
        <Field label="Accept the current secret for">
          {(control) => <OptionSelect {...control} options={OVERLAPS} value={overlap} onValueChange={setOverlap} />}
        </Field>
        {error && (
          <p role="alert" className="rounded-md bg-danger-subtle px-3 py-2 text-sm text-danger-text">
            {error}
          </p>
        )}
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)} disabled={rotate.isPending}>
            Cancel
          </Button>
          <Button variant="destructive" loading={rotate.isPending} onClick={() => void confirm()}>
            <RefreshCcw aria-hidden="true" /> Rotate secret
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
