// The dashboard's charts (Recharts, loaded in its own chunk): users by role, active against
// deactivated, and the last 14 days of people added and latest sign-ins. Each chart has a
// visually hidden table with the same numbers for screen readers.
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ROLE_LABELS } from '@shared/roles';
import { SectionCard } from '@/components/ui/section-card';
import type { TeamStats } from './dashboard-data';
import { useChartColors, type ChartColors } from './use-chart-colors';

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

export default function DashboardCharts({ stats }: { stats: TeamStats }) {
  const colors = useChartColors();
  const axis = { stroke: colors['muted-foreground'], fontSize: 12, tickLine: false, axisLine: false } as const;
  const roles = stats.byRole.map((r) => ({ name: ROLE_LABELS[r.role], count: r.count }));
  const status = [
    { name: 'Active', value: stats.active, color: colors.success },
    { name: 'Deactivated', value: stats.deactivated, color: colors.neutral },
  ];
  const animate = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  return (
    <div className="grid gap-4 xl:grid-cols-3">
      <SectionCard
        id="activity"
        className="xl:col-span-2"
        title="Team activity, last 14 days"
        description="People added per day, and the day of each person's latest sign-in."
      >
        <div className="h-64" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={stats.days} margin={{ top: 8, right: 8, left: -16, bottom: 0 }} accessibilityLayer={false}>
              <defs>
                <linearGradient id="fill-signed-in" x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor={colors.primary} stopOpacity={0.35} />
                  <stop offset="100%" stopColor={colors.primary} stopOpacity={0} />
                </linearGradient>
                <linearGradient id="fill-created" x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor={colors.accent} stopOpacity={0.3} />
                  <stop offset="100%" stopColor={colors.accent} stopOpacity={0} />
                </linearGradient>
              </defs>
              <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
              <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={16} />
              <YAxis allowDecimals={false} {...axis} width={40} />
              <Tooltip {...tooltipStyle(colors)} />
              <Area type="monotone" name="Latest sign-ins" dataKey="signedIn" stroke={colors.primary} strokeWidth={2} fill="url(#fill-signed-in)" isAnimationActive={animate} />
              <Area type="monotone" name="People added" dataKey="created" stroke={colors.accent} strokeWidth={2} fill="url(#fill-created)" isAnimationActive={animate} />
            </AreaChart>
          </ResponsiveContainer>
        </div>
        <div className="mt-3 flex gap-5 text-xs text-muted-foreground" aria-hidden="true">
          <span className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm" style={{ background: colors.primary }} /> Latest sign-ins
          </span>
          <span className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm" style={{ background: colors.accent }} /> People added
          </span>
        </div>
        <SrTable
          caption="Team activity by day"
          head={['Day', 'Latest sign-ins', 'People added']}
          rows={stats.days.map((d) => [d.label, d.signedIn, d.created])}
        />
      </SectionCard>

      <SectionCard id="status" title="Active and deactivated" description="Deactivated people cannot sign in.">
        <div className="relative h-52" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <PieChart accessibilityLayer={false}>
              <Pie rootTabIndex={-1} data={status} dataKey="value" nameKey="name" innerRadius="62%" outerRadius="88%" paddingAngle={stats.deactivated ? 3 : 0} stroke="none" isAnimationActive={animate}>
                {status.map((s) => (
                  <Cell key={s.name} fill={s.color} />
                ))}
              </Pie>
              <Tooltip {...tooltipStyle(colors)} />
            </PieChart>
          </ResponsiveContainer>
          <div className="pointer-events-none absolute inset-0 grid place-items-center">
            <div className="text-center">
              <p className="font-mono text-2xl font-semibold tabular">{stats.total}</p>
              <p className="text-xs text-muted-foreground">people</p>
            </div>
          </div>
        </div>
        <ul className="mt-3 grid gap-1.5 text-sm">
          {status.map((s) => (
            <li key={s.name} className="flex items-center justify-between">
              <span className="flex items-center gap-2">
                <span className="size-2.5 rounded-full" style={{ background: s.color }} aria-hidden="true" />
                {s.name}
              </span>
              <span className="font-mono tabular">{s.value}</span>
            </li>
          ))}
        </ul>
      </SectionCard>

      <SectionCard id="roles" className="xl:col-span-3" title="People by role" description="A person with several roles counts once in each.">
        <div className="h-64" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={roles} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }} barCategoryGap={8} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} stroke={colors.border} strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} {...axis} />
              <YAxis type="category" dataKey="name" {...axis} width={150} interval={0} />
              <Tooltip {...tooltipStyle(colors)} />
              <Bar dataKey="count" name="People" fill={colors.primary} radius={[0, 4, 4, 0]} maxBarSize={22} isAnimationActive={animate} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <SrTable caption="People by role" head={['Role', 'People']} rows={roles.map((r) => [r.name, r.count])} />
      </SectionCard>
    </div>
  );
}
