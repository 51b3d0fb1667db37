// Leads by state as bars (its own chunk: Recharts is heavy), each state in the colour of what it
// means — waiting, approved, rejected, delivered, returned — with the same numbers in a visually
// hidden table for screen readers.
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { LEAD_STATE_LABELS, type LeadState } from '@shared/contracts/leads';
import type { LeadReport } from '@shared/contracts/lead-reports';
import { ChartDataTable, ChartFigure, useChartTheme } from '@/components/ui/chart-parts';

type Tone = 'neutral' | 'info' | 'success' | 'danger' | 'primary' | 'warning' | 'accent';

const STATE_TONES: Record<LeadState, Tone> = {
  new: 'neutral',
  under_review: 'info',
  approved: 'success',
  rejected: 'danger',
  published: 'primary',
  returned: 'warning',
  replaced: 'accent',
};

export default function LeadStatesChart({ byState }: { byState: LeadReport['byState'] }) {
  const { colors, axis, animate, tooltip } = useChartTheme();
  const data = byState.map((s) => ({ state: s.state, label: LEAD_STATE_LABELS[s.state], leads: s.count }));
  return (
    <ChartFigure
      chart={
        <BarChart data={data} margin={{ top: 8, right: 0, left: -16, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={colors.border} strokeDasharray="3 3" />
          <XAxis dataKey="label" {...axis} interval={0} />
          <YAxis allowDecimals={false} {...axis} width={48} />
          <Tooltip cursor={{ fill: colors.border, opacity: 0.4 }} {...tooltip} />
          <Bar dataKey="leads" name="Leads" radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={animate}>
            {data.map((d) => (
              <Cell key={d.state} fill={colors[STATE_TONES[d.state]]} />
            ))}
          </Bar>
        </BarChart>
      }
      legend={data.map((d) => (
        <span key={d.state} className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm" style={{ background: colors[STATE_TONES[d.state]] }} aria-hidden="true" />
          {d.label}
        </span>
      ))}
      table={<ChartDataTable caption="Leads by state" rowHeading="State" columns={[{ key: 'leads', name: 'Leads' }]} rows={data} rowKey={(d) => d.state} />}
    />
  );
}
