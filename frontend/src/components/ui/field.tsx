// A labelled form field: label, control, hint and error, wired with ids so screen readers read
// the hint and the error with the control.
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { Label } from './label';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  /**
   * The single control; it receives id, aria-describedby and aria-invalid. For composite
   * controls (Select), pass a function and spread the props onto the focusable part.
   */
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  className?: string;
  id?: string;
}

export function Field({ label, children, hint, error, required, className, id }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint && !error ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const controlProps: FieldControlProps = { id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };
  const control = typeof children === 'function' ? children(controlProps) : isValidElement(children) ? cloneElement(children, { ...controlProps }) : children;
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={controlId}>
        {label}
        {required && (
          <span className="ml-0.5 text-danger-text" aria-hidden="true">
            *
          </span>
        )}
      </Label>
      {control}
      {hint && !error && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-danger-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
