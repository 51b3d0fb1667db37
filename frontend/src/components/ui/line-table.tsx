// LineTable: the lines of an uploaded list that were left out (line number, value, why), in a
// scrolling region, so the file can be fixed and sent again. Nothing when there are none.
import { TableHeadings } from './table-headings';

export interface ReportedLine {
  line: number;
  value: string;
}

export function LineTable<L extends ReportedLine>({ caption, lines, note }: { caption: string; lines: L[]; note: (line: L) => string }) {
  if (lines.length === 0) return null;
  return (
    <div className="max-h-48 overflow-auto rounded-md border border-border" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-muted text-left text-xs uppercase tracking-wide text-muted-foreground">
          <TableHeadings headings={[{ label: 'Line', className: 'w-20' }, 'Value', 'Why']} className="px-3 py-1.5" />
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.line}-${line.value}`} className="border-t border-border">
              <td className="px-3 py-1.5 font-mono tabular">{line.line}</td>
              <td className="truncate px-3 py-1.5 font-mono">{line.value || <span className="text-muted-foreground">(empty)</span>}</td>
              <td className="px-3 py-1.5 text-muted-foreground">{note(line)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
