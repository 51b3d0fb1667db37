// A warm-up plan as a line (Recharts, in the theme's colours): the daily cap by day, stepping
// at each new day. Loaded on demand; the caller shows the plan in words, and a visually hidden
// table holds every day's cap for screen readers.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartColors } from '@/lib/use-chart-colors';

const nf = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact' });

export default function WarmupChart({ caps }: { caps: readonly number[] }) {
  const colors = useChartColors();
  const data = caps.map((cap, i) => ({ day: i + 1, cap: Number.isFinite(cap) ? cap : null }));
  const axis = { stroke: colors['muted-foreground'], fontSize: 12, tickLine: false, axisLine: false } as const;
  return (
    <>
      <div className="h-40" aria-hidden="true" data-testid="warmup-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, left: 0, bottom: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
            <XAxis dataKey="day" {...axis} interval="preserveStartEnd" minTickGap={24} tickFormatter={(d: number) => `Day ${d}`} />
            <YAxis {...axis} width={44} allowDecimals={false} tickFormatter={(n: number) => compact.format(n)} />
            <Tooltip
              formatter={(value) => [nf.format(Number(value)), 'Daily cap']}
              labelFormatter={(day) => `Day ${day}`}
              contentStyle={{ background: colors.popover, border: `1px solid ${colors.border}`, borderRadius: 8, color: colors['popover-foreground'], fontSize: 12 }}
              labelStyle={{ color: colors['popover-foreground'], fontWeight: 600 }}
              itemStyle={{ color: colors['popover-foreground'] }}
            />
            <Line type="stepAfter" dataKey="cap" stroke={colors.primary} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>Daily cap by day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Daily cap</th>
          </tr>
        </thead>
        <tbody>
          {data.map((p) => (
            <tr key={p.day}>
              <td>{p.day}</td>
              <td>{p.cap === null ? 'not set' : nf.format(p.cap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
