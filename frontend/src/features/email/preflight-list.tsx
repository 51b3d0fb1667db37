// The pre-flight checks, each green, amber or red with its reason and the offending links,
// images, words or recipients. Red blocks scheduling; amber is worth a look.
import { CircleAlert, CircleCheck, CircleX } from 'lucide-react';
import type { PreflightItem, PreflightStatus } from '@shared/contracts/email-content';
import { cn } from '@/lib/utils';

const LOOK: Record<PreflightStatus, { icon: typeof CircleCheck; text: string; tone: string }> = {
  green: { icon: CircleCheck, text: 'Passed', tone: 'text-success-text' },
  amber: { icon: CircleAlert, text: 'Warning', tone: 'text-warning-text' },
  red: { icon: CircleX, text: 'Blocks sending', tone: 'text-danger-text' },
};

export function preflightSummary(items: PreflightItem[]): { red: number; amber: number; green: number } {
  return {
    red: items.filter((i) => i.status === 'red').length,
    amber: items.filter((i) => i.status === 'amber').length,
    green: items.filter((i) => i.status === 'green').length,
  };
}

export function PreflightList({ items }: { items: PreflightItem[] }) {
  // Red first, then amber: what needs doing is on top.
  const order: Record<PreflightStatus, number> = { red: 0, amber: 1, green: 2 };
  const sorted = [...items].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-card" aria-label="Pre-flight checks">
      {sorted.map((item) => {
        const look = LOOK[item.status];
        const Icon = look.icon;
        return (
          <li key={item.id} className="flex gap-3 px-4 py-3" data-status={item.status} data-testid={`preflight-${item.id}`}>
            <Icon className={cn('mt-0.5 size-5 shrink-0', look.tone)} aria-hidden="true" />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium">
                {item.label} <span className={cn('ml-1 text-xs font-semibold', look.tone)}>{look.text}</span>
              </p>
              <p className="text-sm text-muted-foreground">{item.reason}</p>
              {item.details && item.details.length > 0 && (
                <details className="mt-1.5 text-sm">
                  <summary className="cursor-pointer rounded-sm text-xs font-medium text-primary focus-visible:outline-2 focus-visible:outline-ring">
                    {item.details.length} {item.details.length === 1 ? 'detail' : 'details'}
                  </summary>
                  <ul className="mt-1.5 max-h-48 overflow-y-auto rounded-md bg-muted/60 px-3 py-2 font-mono text-xs leading-relaxed">
                    {item.details.map((d, i) => (
                      <li key={i} className="break-all">
                        {d}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
