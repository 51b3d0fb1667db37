// The header row of a plain table (a report inside a card or dialog, not a DataTable): one column
// header per heading, with the cell classes the table uses and, for some, a width of their own.
import { cn } from '@/lib/utils';

export type TableHeading = string | { label: string; className?: string };

export function TableHeadings({ headings, className }: { headings: readonly TableHeading[]; className?: string }) {
  return (
    <tr>
      {headings.map((heading) => {
        const { label, className: own } = typeof heading === 'string' ? { label: heading, className: undefined } : heading;
        return (
          <th key={label} scope="col" className={cn(className, own)}>
            {label}
          </th>
        );
      })}
    </tr>
  );
}
