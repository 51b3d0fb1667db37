// Opens, clicks and bounces by hour (Recharts, in the theme's colours so it reads in dark mode
// too); a visually hidden table holds the same numbers for screen readers.
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CampaignReport } from '@shared/contracts/email';
import { ChartDataTable, ChartFigure, useChartTheme } from '@/components/ui/chart-parts';

const hour = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric' });

export function ReportChart({ series }: { series: CampaignReport['series'] }) {
  const { colors, axis, animate, tooltip } = useChartTheme();
  const data = series.map((p) => ({ ...p, label: hour.format(new Date(p.at)) }));
  const lines = [
    { key: 'opened', name: 'Opens', color: colors.primary },
    { key: 'clicked', name: 'Clicks', color: colors.accent },
    { key: 'bounced', name: 'Bounces', color: colors.danger },
  ] as const;
  return (
    <ChartFigure
      chart={
        <LineChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
          <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={32} />
          <YAxis allowDecimals={false} {...axis} width={48} />
          <Tooltip {...tooltip} />
          {lines.map((l) => (
            <Line key={l.key} type="monotone" dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={2} dot={false} isAnimationActive={animate} />
          ))}
        </LineChart>
      }
      legend={
        lines.map((l) => (
          <span key={l.key} className="flex items-center gap-1.5">
            <span className="h-0.5 w-4 rounded-full" style={{ background: l.color }} aria-hidden="true" /> {l.name} per hour
          </span>
        ))
      }
      table={<ChartDataTable caption="Opens, clicks and bounces per hour" rowHeading="Hour" columns={lines} rows={data} rowKey={(p) => p.at} />}
    />
  );
}
