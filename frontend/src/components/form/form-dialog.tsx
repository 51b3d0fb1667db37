// A dialog around one form: the title and description, the form (labelled by its title), the
// banner for what a refused submit could not pin on a field, and Cancel / submit. While the
// request runs the dialog cannot be dismissed. `useDialogForm` gives it its reset-on-open and
// its submit that sends, closes on success and puts the API's refusal on the fields.
import { useEffect, useRef, useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { applyApiErrors, type ApplyApiErrorsOptions } from './apply-api-errors';
import { FormDialogFooter } from './form-dialog-footer';
import { FormError } from './form-error';

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** The form's accessible name when the title is not it (defaults to the title). */
  formLabel?: string;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  formError: string | null;
  submitLabel: ReactNode;
  submitDisabled?: boolean;
  /** A view for someone who may not change it: the footer is only Close. */
  readOnly?: boolean;
  /** The form's layout classes. */
  className?: string;
  children: ReactNode;
}

export function FormDialog({
  open,
  onOpenChange,
  title,
  description,
  formLabel,
  size,
  onSubmit,
  pending,
  formError,
  submitLabel,
  submitDisabled,
  readOnly = false,
  className = 'grid gap-4',
  children,
}: FormDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent size={size}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description && <DialogDescription>{description}</DialogDescription>}
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className={className} aria-label={formLabel ?? (typeof title === 'string' ? title : undefined)}>
          {children}
          <FormError>{formError}</FormError>
          {readOnly ? (
            <DialogFooter>
              <Button variant="outline" onClick={() => onOpenChange(false)}>
                Close
              </Button>
            </DialogFooter>
          ) : (
            <FormDialogFooter submitLabel={submitLabel} pending={pending} onCancel={() => onOpenChange(false)} submitDisabled={submitDisabled} />
          )}
        </form>
      </DialogContent>
    </Dialog>
  );
}

export interface DialogFormOptions<TValues extends FieldValues, TParsed> {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The values each opening starts from (read when the dialog opens). */
  initial: () => DefaultValues<TValues>;
  /** Sends the parsed values; once it resolves the dialog closes, and a refusal stays in it. */
  send: (values: TParsed) => Promise<void>;
  /** Told when the API refused for a reason not about a field (e.g. a 422). */
  onRefused?: (error: unknown) => void;
  /** How the API's refusal is put on the fields. */
  apiErrors?: ApplyApiErrorsOptions;
  /** While open, the form starts again when one of these changes (the record it edits was reloaded). */
  resetKeys?: readonly unknown[];
}

/** What `useDialogForm` hands `FormDialog`. */
export type DialogFormState = Pick<FormDialogProps, 'open' | 'onOpenChange' | 'onSubmit' | 'pending' | 'formError'>;

export function useDialogForm<TValues extends FieldValues, TContext, TParsed>(
  form: UseFormReturn<TValues, TContext, TParsed>,
  { open, onOpenChange, initial, send, onRefused, apiErrors, resetKeys = [] }: DialogFormOptions<TValues, TParsed>,
): DialogFormState {
  const [formError, setFormError] = useState<string | null>(null);
  const initialRef = useRef(initial);
  initialRef.current = initial;

  // On opening (and on a reset key's change): the initial values are a snapshot.
  useEffect(() => {
    if (!open) return;
    form.reset(initialRef.current());
    setFormError(null);
  }, [open, form, ...resetKeys]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await send(values);
      onOpenChange(false);
    } catch (error) {
      const left = applyApiErrors(form, error, apiErrors);
      setFormError(left);
      if (left) onRefused?.(error);
    }
  });

  return { open, onOpenChange, onSubmit, pending: form.formState.isSubmitting, formError };
}
