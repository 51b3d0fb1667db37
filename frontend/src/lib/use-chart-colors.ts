// Chart colours read from the design tokens of the theme showing now, so charts follow the
// theme (Recharts writes colours into SVG attributes, where CSS variables are not reliable).
import { useMemo } from 'react';
import { useTheme } from '@/lib/theme';

const TOKENS = ['primary', 'accent', 'success', 'warning', 'danger', 'info', 'neutral', 'border', 'muted-foreground', 'popover', 'popover-foreground'] as const;
export type ChartColors = Record<(typeof TOKENS)[number], string>;

export function useChartColors(): ChartColors {
  const { theme } = useTheme();
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries(TOKENS.map((token) => [token, style.getPropertyValue(`--${token}`).trim()])) as ChartColors;
    // `theme` is the real input: the tokens change with the `dark` class it sets.
  }, [theme]);
}
