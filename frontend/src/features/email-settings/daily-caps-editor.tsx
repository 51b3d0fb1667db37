// The compact day → cap grid of a warm-up plan: one small box per day, add or drop the last day,
// and "Generate" to fill it from a start, a daily growth and a number of days.
import { useId, useState } from 'react';
import { Minus, Plus, Wand2 } from 'lucide-react';
import { WARMUP_MAX_DAYS } from '@shared/contracts/email';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';
import { DEFAULT_WARMUP_CURVE, generateWarmupCaps, warmupCurveIssues, type WarmupCurve } from './warmup-curve';

export interface DailyCapsEditorProps {
  value: number[];
  onChange: (caps: number[]) => void;
  /** Errors by day index (0-based), from the form's validation or the API. */
  dayErrors?: Record<number, string | undefined>;
  disabled?: boolean;
}

const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const shown = (n: number) => (Number.isFinite(n) ? String(n) : '');

export function DailyCapsEditor({ value, onChange, dayErrors = {}, disabled }: DailyCapsEditorProps) {
  return (
    <div className="grid gap-3">
      {!disabled && <CurveGenerator onGenerate={onChange} />}
      <ol className="grid grid-cols-[repeat(auto-fill,minmax(5.75rem,1fr))] gap-1.5" aria-label="Daily caps">
        {value.map((cap, day) => (
          <li key={day} className="grid gap-0.5">
            <label htmlFor={`cap-day-${day}`} className="text-[11px] font-medium text-muted-foreground">
              Day {day + 1}
            </label>
            <Input
              id={`cap-day-${day}`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              className={cn('h-8 px-2 font-mono text-xs tabular')}
              aria-label={`Day ${day + 1} cap`}
              aria-invalid={dayErrors[day] ? true : undefined}
              title={dayErrors[day]}
              value={shown(cap)}
              disabled={disabled}
              onChange={(e) => onChange(value.map((c, i) => (i === day ? asNumber(e.target.value) : c)))}
            />
          </li>
        ))}
      </ol>
      {!disabled && (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant="outline"
            disabled={value.length >= WARMUP_MAX_DAYS}
            onClick={() => onChange([...value, Number.isFinite(value.at(-1)) ? value.at(-1)! : Number.NaN])}
          >
            <Plus aria-hidden="true" /> Add day
          </Button>
          <Button size="sm" variant="ghost" disabled={value.length === 0} onClick={() => onChange(value.slice(0, -1))}>
            <Minus aria-hidden="true" /> Remove last day
          </Button>
          <span className="text-xs text-muted-foreground">
            {value.length} of at most {WARMUP_MAX_DAYS} days
          </span>
        </div>
      )}
    </div>
  );
}

function CurveGenerator({ onGenerate }: { onGenerate: (caps: number[]) => void }) {
  const id = useId();
  const [curve, setCurve] = useState<Record<keyof WarmupCurve, string>>({
    start: String(DEFAULT_WARMUP_CURVE.start),
    growthPercent: String(DEFAULT_WARMUP_CURVE.growthPercent),
    days: String(DEFAULT_WARMUP_CURVE.days),
  });
  const [tried, setTried] = useState(false);
  const numbers: WarmupCurve = { start: asNumber(curve.start), growthPercent: asNumber(curve.growthPercent), days: asNumber(curve.days) };
  const issues = warmupCurveIssues(numbers);
  const fields: Array<{ key: keyof WarmupCurve; label: string; suffix?: string }> = [
    { key: 'start', label: 'Start at', suffix: 'a day' },
    { key: 'growthPercent', label: 'Grow by', suffix: '% a day' },
    { key: 'days', label: 'For', suffix: 'days' },
  ];
  const shownIssues = tried ? fields.filter((f) => issues[f.key]).map((f) => `${f.label}: ${issues[f.key]}`) : [];

  return (
    <fieldset className="grid gap-2 rounded-lg border border-border bg-muted/30 p-3">
      <legend className="px-1 text-xs font-semibold text-muted-foreground">Generate a curve</legend>
      <div className="flex flex-wrap items-end gap-3">
        {fields.map((f) => (
          <div key={f.key} className="grid gap-1">
            <Label htmlFor={`${id}-${f.key}`} className="text-xs">
              {f.label}
            </Label>
            <div className="flex items-center gap-1.5">
              <Input
                id={`${id}-${f.key}`}
                type="number"
                inputMode="decimal"
                className="h-8 w-24 font-mono text-xs"
                value={curve[f.key]}
                aria-invalid={tried && issues[f.key] ? true : undefined}
                aria-describedby={shownIssues.length ? `${id}-issues` : undefined}
                onChange={(e) => setCurve({ ...curve, [f.key]: e.target.value })}
              />
              {f.suffix && <span className="text-xs text-muted-foreground">{f.suffix}</span>}
            </div>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            setTried(true);
            if (Object.keys(issues).length === 0) onGenerate(generateWarmupCaps(numbers));
          }}
        >
          <Wand2 aria-hidden="true" /> Generate
        </Button>
      </div>
      {shownIssues.length > 0 && (
        <p id={`${id}-issues`} role="alert" className="text-xs font-medium text-danger-text">
          {shownIssues.join('; ')}
        </p>
      )}
    </fieldset>
  );
}
