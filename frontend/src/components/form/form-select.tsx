// A form's choice from a fixed list: an OptionSelect bound to a React Hook Form field. Inside a
// Field it takes the Field's id and aria props onto its trigger, like any other control.
import { Controller, type Control, type FieldValues, type Path, type PathValue } from 'react-hook-form';
import { OptionSelect, type OptionSelectProps } from '@/components/ui/option-select';

export interface FormSelectProps<F extends FieldValues, N extends Path<F>>
  extends Omit<OptionSelectProps<PathValue<F, N> & string>, 'value' | 'defaultValue' | 'onValueChange' | 'onBlur' | 'name'> {
  control: Control<F>;
  name: N;
}

export function FormSelect<F extends FieldValues, N extends Path<F>>({ control, name, ...select }: FormSelectProps<F, N>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <OptionSelect {...select} value={field.value} onValueChange={field.onChange} onBlur={field.onBlur} />}
    />
  );
}
