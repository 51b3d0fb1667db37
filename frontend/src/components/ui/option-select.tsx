// OptionSelect: a Select over a fixed list of options, the common case of the Select parts. The
// trigger takes the rest of the props (id, aria-*, size, className), so it works as a Field's control.
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select';

export interface SelectOption<V extends string> {
  value: V;
  label: ReactNode;
}

export interface OptionSelectProps<V extends string>
  extends Omit<ComponentPropsWithoutRef<typeof SelectTrigger>, 'value' | 'defaultValue' | 'onChange' | 'children'> {
  options: readonly SelectOption<V>[];
  value?: V;
  defaultValue?: V;
  onValueChange?: (value: V) => void;
  placeholder?: string;
}

export function OptionSelect<V extends string>({ options, value, defaultValue, onValueChange, disabled, placeholder, ...trigger }: OptionSelectProps<V>) {
  return (
    <Select value={value} defaultValue={defaultValue} onValueChange={(next) => onValueChange?.(next as V)} disabled={disabled}>
      <SelectTrigger {...trigger}>
        <SelectValue placeholder={placeholder} />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** Options from a list of values and the label of each, in the list's order. */
export function labelledOptions<V extends string>(values: readonly V[], labels: Record<V, string>): SelectOption<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
