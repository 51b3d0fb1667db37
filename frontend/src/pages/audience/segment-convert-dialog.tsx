// Turning a segment into a list: a name, and before anything is written, how many members are
// opted out or suppressed (the compliance guard's counts, by reason) with the choice to leave them
// out. A list made for a campaign should not quietly carry people who may not be contacted.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listCreateSchema, type Segment, type SegmentReachability, type SegmentToListResult } from '@shared/contracts/audience';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { api, describeError } from '@/lib/api';
import { SEGMENTS_PATH } from '@/features/audience/audience-api';
import { errorsByField } from '@/components/form/apply-api-errors';

const n = (value: number) => value.toLocaleString('en-US');

const REASONS: Array<{ key: keyof SegmentReachability; label: string }> = [
  { key: 'optedOutEmail', label: 'Opted out of email' },
  { key: 'optedOutPhone', label: 'Opted out of calls' },
  { key: 'suppressedEmail', label: 'Email address suppressed' },
  { key: 'suppressedDomain', label: 'Email domain suppressed' },
  { key: 'suppressedPhone', label: 'Phone on the do-not-call list' },
];

interface Props {
  segment: Segment;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConverted: (list: SegmentToListResult) => void;
}

export function SegmentConvertDialog({ segment, open, onOpenChange, onConverted }: Props) {
  const [name, setName] = useState('');
  const [exclude, setExclude] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const reach = useQuery({
    queryKey: ['audience', 'segments', segment.id, 'reachability'],
    enabled: open,
    staleTime: 0,
    queryFn: ({ signal }) => api.get<SegmentReachability>(`${SEGMENTS_PATH}/${segment.id}/reachability`, undefined, signal),
  });

  useEffect(() => {
    if (!open) return;
    setName(`${segment.name} (${new Date().toISOString().slice(0, 10)})`);
    setExclude(true);
    setErrors({});
    // Only on opening: the name is a suggestion the user may edit.
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = listCreateSchema.safeParse({ name });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setBusy(true);
    try {
      const unreachable = reach.data?.unreachable ?? 0;
      const list = await api.post<SegmentToListResult>(`${SEGMENTS_PATH}/${segment.id}/list`, { name: parsed.data.name, excludeUnreachable: exclude && unreachable > 0 });
      onOpenChange(false);
      onConverted(list);
    } catch (error) {
      setErrors(errorsByField(error));
    } finally {
      setBusy(false);
    }
  }

  const data = reach.data;
  const reasons = data ? REASONS.filter((r) => data[r.key] > 0) : [];
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent>
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label="Convert to a list">
          <DialogHeader>
            <DialogTitle>Convert to a list</DialogTitle>
            <DialogDescription>The list holds the contacts matching now; it does not change when contacts do.</DialogDescription>
          </DialogHeader>
          <Field label="List name" required error={errors.name}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus autoComplete="off" />
          </Field>
          <section aria-labelledby={`${id}-reach`} className="grid gap-2 rounded-md border border-border p-3" data-testid="segment-reachability">
            <h3 id={`${id}-reach`} className="text-sm font-semibold">
              Who may be contacted
            </h3>
            {reach.isError ? (
              <p className="text-sm text-danger-text">The counts could not be worked out: {describeError(reach.error)}</p>
            ) : !data ? (
              <div className="grid gap-1.5" aria-label="Counting opted-out and suppressed contacts">
                <Skeleton className="h-4 w-2/3" />
                <Skeleton className="h-4 w-1/2" />
              </div>
            ) : data.unreachable === 0 ? (
              <p className="text-sm text-muted-foreground">
                None of the {n(data.members)} contacts is opted out or suppressed.
              </p>
            ) : (
              <>
                <p className="text-sm">
                  <span className="font-semibold tabular">{n(data.unreachable)}</span> of {n(data.members)} contacts are opted out or suppressed:
                </p>
                <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
                  {reasons.map((r) => (
                    <div key={r.key} className="contents">
                      <dt className="text-muted-foreground">{r.label}</dt>
                      <dd className="text-right font-mono tabular">{n(data[r.key])}</dd>
                    </div>
                  ))}
                </dl>
                <div className="flex items-start gap-2 pt-1">
                  <Checkbox id={`${id}-exclude`} checked={exclude} onCheckedChange={(checked) => setExclude(checked === true)} className="mt-0.5" />
                  <label htmlFor={`${id}-exclude`} className="text-sm">
                    Leave out the {n(data.unreachable)} opted-out or suppressed contacts
                  </label>
                </div>
              </>
            )}
          </section>
          {errors.form && (
            <p role="alert" className="text-sm font-medium text-danger-text">
              {errors.form}
            </p>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!data && !reach.isError}>
              Create list
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
