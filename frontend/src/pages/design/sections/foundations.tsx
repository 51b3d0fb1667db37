// Colours and type: the tokens every component is built from, shown in the current theme.
import { Card } from '@/components/ui/card';
import { DemoLabel, DemoSection } from './demo-section';

const BRAND = [
  { name: 'Primary', bg: 'bg-primary', fg: 'text-primary-foreground', token: '--primary' },
  { name: 'Accent', bg: 'bg-accent', fg: 'text-accent-foreground', token: '--accent' },
  { name: 'Primary subtle', bg: 'bg-primary-subtle', fg: 'text-primary-subtle-foreground', token: '--primary-subtle' },
  { name: 'Accent subtle', bg: 'bg-accent-subtle', fg: 'text-accent-subtle-foreground', token: '--accent-subtle' },
];
const STATUS = [
  { name: 'Success', bg: 'bg-success-subtle', fg: 'text-success-text', dot: 'bg-success' },
  { name: 'Warning', bg: 'bg-warning-subtle', fg: 'text-warning-text', dot: 'bg-warning' },
  { name: 'Danger', bg: 'bg-danger-subtle', fg: 'text-danger-text', dot: 'bg-danger' },
  { name: 'Info', bg: 'bg-info-subtle', fg: 'text-info-text', dot: 'bg-info' },
  { name: 'Neutral', bg: 'bg-neutral-subtle', fg: 'text-neutral-text', dot: 'bg-neutral' },
];
const SURFACES = [
  { name: 'Background', cls: 'bg-background' },
  { name: 'Card', cls: 'bg-card' },
  { name: 'Muted', cls: 'bg-muted' },
  { name: 'Popover', cls: 'bg-popover' },
];

export function Foundations() {
  return (
    <DemoSection id="foundations" title="Foundations" description="Royal blue for action, teal for accent, five status colours; every text pair meets WCAG AA in both themes.">
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <DemoLabel>Brand</DemoLabel>
          <div className="grid grid-cols-2 gap-3">
            {BRAND.map((c) => (
              <div key={c.name} className={`flex h-20 flex-col justify-end rounded-lg p-3 ${c.bg} ${c.fg}`}>
                <span className="text-sm font-semibold">{c.name}</span>
                <span className="font-mono text-xs opacity-90">{c.token}</span>
              </div>
            ))}
          </div>
        </div>
        <div>
          <DemoLabel>Status</DemoLabel>
          <div className="grid grid-cols-5 gap-2">
            {STATUS.map((c) => (
              <div key={c.name} className={`flex h-20 flex-col justify-between rounded-lg p-3 ${c.bg} ${c.fg}`}>
                <span className={`size-3 rounded-full ${c.dot}`} aria-hidden="true" />
                <span className="text-sm font-semibold">{c.name}</span>
              </div>
            ))}
          </div>
          <DemoLabel>
            <span className="mt-4 block">Surfaces</span>
          </DemoLabel>
          <div className="grid grid-cols-4 gap-2">
            {SURFACES.map((s) => (
              <div key={s.name} className={`flex h-14 items-end rounded-lg border border-border p-2.5 text-xs font-medium ${s.cls}`}>
                {s.name}
              </div>
            ))}
          </div>
        </div>
      </div>
      <div className="bg-brand-gradient relative mt-6 overflow-hidden rounded-xl p-6">
        <div className="glass max-w-md rounded-xl p-5 shadow-lg">
          <p className="text-xs font-semibold uppercase tracking-wider text-foreground">Glass on the brand gradient</p>
          <p className="mt-1 text-lg font-semibold tracking-tight">For the sign-in card and headline stats</p>
          <p className="mt-1 text-sm text-foreground">
            <span className="font-mono text-foreground">.glass</span> and <span className="font-mono text-foreground">.bg-brand-gradient</span>, with
            <span className="font-mono text-foreground"> .fade-in</span>, <span className="font-mono text-foreground">.card-elevate</span> and{' '}
            <span className="font-mono text-foreground">.icon-pop</span> for motion (off under reduced motion).
          </p>
        </div>
      </div>
      <Card className="mt-6 grid gap-6 p-6 md:grid-cols-2">
        <div className="grid gap-2">
          <DemoLabel>Inter — interface text</DemoLabel>
          <p className="text-3xl font-semibold tracking-tight">Pipeline that books meetings</p>
          <p className="text-lg font-medium">Q1 ABM — Fintech decision makers</p>
          <p className="text-sm text-muted-foreground">
            Email and telemarketing campaigns, lead QA with call transcripts, and a client portal that delivers qualified leads.
          </p>
        </div>
        <div className="grid content-start gap-2">
          <DemoLabel>JetBrains Mono — data</DemoLabel>
          <p className="font-mono text-sm tabular">acc_004217 · northwind.io · +14155550123</p>
          <p className="font-mono text-sm tabular">priya.raman@cedarhealth.co.uk</p>
          <p className="font-mono text-2xl font-medium tabular">1,284,093</p>
        </div>
      </Card>
    </DemoSection>
  );
}
