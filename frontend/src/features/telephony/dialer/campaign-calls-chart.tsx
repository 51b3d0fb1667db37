// A call campaign's days (its own chunk: Recharts is heavy): attempts, connects and positives as
// bars, abandoned calls as a line on their own axis, in the theme's colours; a visually hidden
// table holds the same numbers for screen readers.
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { CampaignReport } from '@shared/contracts/telephony';
import { ChartDataTable, ChartFigure, useChartTheme } from '@/components/ui/chart-parts';

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export default function CampaignCallsChart({ byDay }: { byDay: CampaignReport['byDay'] }) {
  const { colors, axis, animate, tooltip } = useChartTheme();
  const data = byDay.map((d) => ({ ...d, label: dayLabel.format(new Date(`${d.day.slice(0, 10)}T00:00:00Z`)) }));
  const series = [
    { key: 'attempts', name: 'Attempts', color: colors.neutral, kind: 'bar' },
    { key: 'connects', name: 'Connects', color: colors.primary, kind: 'bar' },
    { key: 'positives', name: 'Positives', color: colors.success, kind: 'bar' },
    { key: 'abandoned', name: 'Abandoned', color: colors.danger, kind: 'line' },
  ] as const;
  return (
    <ChartFigure
      chart={
        <ComposedChart data={data} margin={{ top: 8, right: 0, left: -16, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
          <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
          <YAxis yAxisId="calls" allowDecimals={false} {...axis} width={48} />
          <YAxis yAxisId="abandoned" orientation="right" allowDecimals={false} {...axis} width={32} stroke={colors.danger} />
          <Tooltip cursor={{ fill: colors.border, opacity: 0.4 }} {...tooltip} />
          {series.map((s) =>
            s.kind === 'bar' ? (
              <Bar key={s.key} yAxisId="calls" dataKey={s.key} name={s.name} fill={s.color} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={animate} />
            ) : (
              <Line key={s.key} yAxisId="abandoned" type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={animate} />
            ),
          )}
        </ComposedChart>
      }
      legend={
        series.map((s) => (
          <span key={s.key} className="flex items-center gap-1.5">
            <span className={s.kind === 'bar' ? 'size-2.5 rounded-sm' : 'h-0.5 w-4 rounded-full'} style={{ background: s.color }} aria-hidden="true" />
            {s.name} per day{s.kind === 'line' ? ' (right axis)' : ''}
          </span>
        ))
      }
      table={<ChartDataTable caption="Calls per day" rowHeading="Day" columns={series} rows={data} rowKey={(d) => d.day} />}
    />
  );
}
