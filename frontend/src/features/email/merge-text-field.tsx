// A text input (or a textarea) with the merge-field picker beside it: the tag goes in at the
// caret, or in place of the selection, and the caret lands after it.
import { forwardRef, useImperativeHandle, useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/utils';
import { MergeFieldPicker } from './merge-field-picker';
import { insertAt } from './merge-tag';

type Common = {
  value: string;
  onValueChange: (value: string) => void;
  /** For the picker's name: "Insert merge field into subject". */
  target: string;
  className?: string;
};

export type MergeTextFieldProps = Common &
  (
    | ({ multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>)
    | ({ multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>)
  );

export const MergeTextField = forwardRef<HTMLInputElement | HTMLTextAreaElement, MergeTextFieldProps>(function MergeTextField(props, ref) {
  const { value, onValueChange, target, className, multiline, ...rest } = props;
  const field = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const caret = useRef<{ start: number | null; end: number | null }>({ start: null, end: null });
  useImperativeHandle(ref, () => field.current as HTMLInputElement | HTMLTextAreaElement, []);

  const remember = () => {
    caret.current = { start: field.current?.selectionStart ?? null, end: field.current?.selectionEnd ?? null };
  };

  function insert(tag: string) {
    const next = insertAt(value, caret.current.start, caret.current.end, tag);
    onValueChange(next.value);
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <div className={cn('flex items-start gap-1.5', className)}>
      {multiline ? (
        <Textarea
          ref={(el) => {
            field.current = el;
          }}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          onBlur={remember}
          onSelect={remember}
          {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)}
        />
      ) : (
        <Input
          ref={(el) => {
            field.current = el;
          }}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          onBlur={remember}
          onSelect={remember}
          {...(rest as InputHTMLAttributes<HTMLInputElement>)}
        />
      )}
      <MergeFieldPicker target={target} onInsert={insert} onOpen={remember} disabled={rest.disabled} />
    </div>
  );
});
