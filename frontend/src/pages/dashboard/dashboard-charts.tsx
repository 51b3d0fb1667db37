// The dashboard's chart (Recharts, loaded in its own chunk): contacts and accounts added per day
// over the last 30 days. A visually hidden table holds the same numbers for screen readers.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SectionCard } from '@/components/ui/section-card';
import type { ChartDay } from './dashboard-data';
import { useChartColors, type ChartColors } from '@/lib/use-chart-colors';

function tooltipStyle(colors: ChartColors) {
  return {
    contentStyle: {
      background: colors.popover,
      border: `1px solid ${colors.border}`,
      borderRadius: 8,
      color: colors['popover-foreground'],
      fontSize: 12,
      boxShadow: '0 8px 24px rgb(0 0 0 / 0.12)',
    },
    labelStyle: { color: colors['popover-foreground'], fontWeight: 600 },
    itemStyle: { color: colors['popover-foreground'] },
    cursor: { fill: colors.border, fillOpacity: 0.35 },
  };
}

function SrTable({ caption, head, rows }: { caption: string; head: [string, ...string[]]; rows: (string | number)[][] }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function DashboardCharts({ days, estimated }: { days: ChartDay[]; estimated: boolean }) {
  const colors = useChartColors();
  const axis = { stroke: colors['muted-foreground'], fontSize: 12, tickLine: false, axisLine: false } as const;
  const animate = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return (
    <SectionCard
      id="activity"
      title="Added, last 30 days"
      description={estimated ? 'Contacts and accounts added per day (estimated on days with many).' : 'Contacts and accounts added per day.'}
    >
      <div className="h-56" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ top: 8, right: 8, left: -16, bottom: 0 }} barCategoryGap={3} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
            <YAxis allowDecimals={false} {...axis} width={48} />
            <Tooltip {...tooltipStyle(colors)} />
            <Bar dataKey="contacts" name="Contacts" stackId="added" fill={colors.primary} isAnimationActive={animate} />
            <Bar dataKey="accounts" name="Accounts" stackId="added" fill={colors.accent} radius={[3, 3, 0, 0]} isAnimationActive={animate} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="mt-3 flex gap-5 text-xs text-muted-foreground" aria-hidden="true">
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm" style={{ background: colors.primary }} /> Contacts
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm" style={{ background: colors.accent }} /> Accounts
        </span>
      </div>
      <SrTable caption="Contacts and accounts added by day" head={['Day', 'Contacts', 'Accounts']} rows={days.map((d) => [d.label, d.contacts, d.accounts])} />
    </SectionCard>
  );
}
