// How the lead reports read: rates as percentages (a dash without verdicts), times in QA as hours
// and minutes, AI cost in dollars from micro-dollars, and the page's date range (whole local days)
// as the instants the API takes.

/** 0.4 → "40 %"; null (nothing to divide) → "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10} %`;
}

/** 45 → "45 s", 2700 → "45 min", 6660 → "1 h 51 min", 180000 → "2 d 2 h"; null → "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/** 9420 → "$0.0094", 12_345_678 → "$12.35": small sums keep four decimals so they are not $0.00. */
export function formatMicros(micros: number): string {
  const dollars = micros / 1_000_000;
  return `$${dollars.toLocaleString('en-US', { minimumFractionDigits: dollars < 1 && dollars > 0 ? 4 : 2, maximumFractionDigits: dollars < 1 && dollars > 0 ? 4 : 2 })}`;
}

/** 3725 s of audio → "62.1 min". */
export function formatAudioMinutes(seconds: number): string {
  return `${(Math.round(seconds / 6) / 10).toLocaleString('en-US')} min`;
}

/** A local date as YYYY-MM-DD (what a date input holds). */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The range from the first day's local midnight to the end of the last day, as ISO instants; null
 * when a date is missing or the last day is before the first.
 */
export function rangeOfDays(fromDay: string, toDay: string): { from: string; to: string } | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/;
  const a = day.exec(fromDay);
  const b = day.exec(toDay);
  if (!a || !b) return null;
  const from = new Date(Number(a[1]), Number(a[2]) - 1, Number(a[3]));
  const to = new Date(Number(b[1]), Number(b[2]) - 1, Number(b[3]) + 1);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) return null;
  return { from: from.toISOString(), to: to.toISOString() };
}
