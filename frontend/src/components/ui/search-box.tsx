// SearchBox: a list toolbar's small search field with its magnifier; the width is the caller's.
import { Search } from 'lucide-react';
import { cn } from '@/lib/utils';
import { Input } from './input';

export interface SearchBoxProps {
  /** The field's accessible name ("Search campaigns"). */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}

export function SearchBox({ label, placeholder, value, onChange, className }: SearchBoxProps) {
  return (
    <div className={cn('relative max-w-full', className)}>
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
      <Input type="search" aria-label={label} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} className="h-8 pl-8" />
    </div>
  );
}
