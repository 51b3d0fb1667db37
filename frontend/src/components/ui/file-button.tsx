// FileButton: a button-looking label over a hidden file input ("Upload a CSV file"), focusable
// through the input, handing the chosen file to the caller.
import { useId } from 'react';
import { FileUp } from 'lucide-react';

export interface FileButtonProps {
  label: string;
  /** The input's `accept`. */
  accept: string;
  onFile: (file: File | undefined) => void;
}

export function FileButton({ label, accept, onFile }: FileButtonProps) {
  const id = useId();
  return (
    <label
      htmlFor={id}
      className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-input bg-card px-3 py-1.5 text-sm font-medium shadow-xs hover:bg-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring"
    >
      <FileUp className="size-4" aria-hidden="true" />
      {label}
      <input id={id} type="file" accept={accept} className="sr-only" onChange={(e) => onFile(e.target.files?.[0])} />
    </label>
  );
}
