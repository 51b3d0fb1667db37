// Views and clicks per day of an asset (Recharts, in the theme's colours so it reads in dark mode
// too); a visually hidden table holds the same numbers for screen readers. Loaded on demand.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { AssetReport } from '@shared/contracts/content-tracking';
import { ChartDataTable, ChartFigure, useChartTheme } from '@/components/ui/chart-parts';

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export default function AssetReportChart({ daily }: { daily: AssetReport['daily'] }) {
  const { colors, axis, animate, tooltip } = useChartTheme();
  const data = daily.map((d) => ({ ...d, label: dayLabel.format(new Date(`${d.day}T00:00:00Z`)) }));
  const bars = [
    { key: 'clicks', name: 'Clicks', color: colors.primary },
    { key: 'views', name: 'Views', color: colors.accent },
  ] as const;
  return (
    <ChartFigure
      chart={
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
          <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} {...axis} width={48} />
          <Tooltip {...tooltip} cursor={{ fill: colors.border, opacity: 0.4 }} />
          {bars.map((b) => (
            <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} radius={[3, 3, 0, 0]} isAnimationActive={animate} />
          ))}
        </BarChart>
      }
      legend={bars.map((b) => (
        <span key={b.key} className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm" style={{ background: b.color }} aria-hidden="true" /> {b.name} per day
        </span>
      ))}
      table={<ChartDataTable caption="Clicks and views per day" rowHeading="Day" columns={bars} rows={data} rowKey={(d) => d.day} />}
    />
  );
}
