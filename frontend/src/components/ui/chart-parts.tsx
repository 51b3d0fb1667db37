// What the report charts share: the theme's axis and tooltip styles (so charts read in dark mode
// too), no animation under reduced motion, the figure (the chart hidden from screen readers, its
// legend below) and the visually hidden table that gives screen readers the same numbers.
// Recharts is heavy: import this only from chunks that load on demand.
import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useChartColors } from '@/lib/use-chart-colors';

export function useChartTheme() {
  const colors = useChartColors();
  const axis = { stroke: colors['muted-foreground'], fontSize: 12, tickLine: false, axisLine: false } as const;
  const animate = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const tooltip = {
    contentStyle: { background: colors.popover, border: `1px solid ${colors.border}`, borderRadius: 8, color: colors['popover-foreground'], fontSize: 12 },
    labelStyle: { color: colors['popover-foreground'], fontWeight: 600 },
    itemStyle: { color: colors['popover-foreground'] },
  };
  return { colors, axis, animate, tooltip };
}

export interface ChartDataTableProps<K extends string, T extends { label: string } & Record<K, number>> {
  caption: string;
  /** The first column's heading: what a row is ("Day", "Hour"). */
  rowHeading: string;
  columns: ReadonlyArray<{ key: K; name: string }>;
  rows: T[];
  rowKey: (row: T) => string;
}

export function ChartDataTable<K extends string, T extends { label: string } & Record<K, number>>(props: ChartDataTableProps<K, T>) {
  const { caption, rowHeading, columns, rows, rowKey } = props;
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <td>{row.label}</td>
            {columns.map((c) => (
              <td key={c.key}>{row[c.key]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The chart at full width, its legend as the caption, then the table. */
export function ChartFigure({ chart, legend, table }: { chart: ReactElement; legend: ReactNode; table: ReactNode }) {
  return (
    <figure className="grid gap-3">
      <div className="h-64" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      </div>
      <figcaption className="flex flex-wrap gap-5 text-xs text-muted-foreground">{legend}</figcaption>
      {table}
    </figure>
  );
}
