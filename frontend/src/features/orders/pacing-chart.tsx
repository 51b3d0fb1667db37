// An order's pacing as lines (Recharts: import from chunks that load on demand): what the pace
// plan expected by each day, what was delivered by then, and the forecast at the current rate
// after today — with the ordered volume as a reference line and the same numbers in a visually
// hidden table for screen readers.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PACE_STATUS_LABELS, type OrderPacing } from '@shared/contracts/portal-pacing';
import { ChartFigure, useChartTheme } from '@/components/ui/chart-parts';

const nf = new Intl.NumberFormat('en-US');
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2026-12-07" → "Dec 7" (the day as a calendar day, whatever the viewer's zone). */
function dayLabel(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

const SERIES = [
  { key: 'expected', name: 'Expected', tone: 'neutral', dash: '4 4' },
  { key: 'delivered', name: 'Delivered', tone: 'primary', dash: undefined },
  { key: 'forecast', name: 'Forecast', tone: 'warning', dash: '2 3' },
] as const;

export function PacingChart({ pacing }: { pacing: OrderPacing }) {
  const { colors, axis, animate, tooltip } = useChartTheme();
  const data = pacing.series.map((p) => ({ ...p, label: dayLabel(p.day) }));
  const status = pacing.status ? PACE_STATUS_LABELS[pacing.status] : 'Not started';
  return (
    <div data-testid="pacing-chart" className="grid gap-2">
      <p className="text-xs text-muted-foreground">
        {nf.format(pacing.delivered)} of {nf.format(pacing.ordered)} delivered · {nf.format(pacing.expectedToDate)} expected by today ·{' '}
        {status} · forecast {nf.format(pacing.forecastTotal)} by the end date
      </p>
      {data.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">No pacing yet: the order has no delivery window.</p>
      ) : (
        <ChartFigure
          chart={
            <LineChart data={data} margin={{ top: 8, right: 12, left: -8, bottom: 0 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
              <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={28} />
              <YAxis {...axis} width={48} allowDecimals={false} domain={[0, (max: number) => Math.max(max, pacing.ordered)]} />
              <Tooltip {...tooltip} formatter={(value, name) => [value === null || value === undefined ? '—' : nf.format(Number(value)), name]} />
              <ReferenceLine y={pacing.ordered} stroke={colors['muted-foreground']} strokeDasharray="6 3" ifOverflow="extendDomain" />
              {SERIES.map((s) => (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.name}
                  stroke={colors[s.tone]}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                  dot={false}
                  connectNulls={false}
                  isAnimationActive={animate}
                />
              ))}
            </LineChart>
          }
          legend={
            <>
              {SERIES.map((s) => (
                <span key={s.key} className="flex items-center gap-1.5">
                  <span className="h-0.5 w-4 rounded-sm" style={{ background: colors[s.tone] }} aria-hidden="true" />
                  {s.name}
                </span>
              ))}
              <span>Ordered: {nf.format(pacing.ordered)}</span>
            </>
          }
          table={
            <table className="sr-only">
              <caption>Expected, delivered and forecast leads by day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {SERIES.map((s) => (
                    <th key={s.key} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.map((p) => (
                  <tr key={p.day}>
                    <td>{p.label}</td>
                    {SERIES.map((s) => (
                      <td key={s.key}>{p[s.key] === null ? '—' : nf.format(p[s.key] as number)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </div>
  );
}
