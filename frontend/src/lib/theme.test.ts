import { describe, expect, it } from 'vitest';
import { resolveTheme } from './theme';

describe('resolving the theme', () => {
  it('follows the system until a theme is chosen', () => {
    expect(resolveTheme('system', 'dark')).toBe('dark');
    expect(resolveTheme('system', 'light')).toBe('light');
  });

  it('keeps a chosen theme whatever the system says', () => {
    expect(resolveTheme('light', 'dark')).toBe('light');
    expect(resolveTheme('dark', 'light')).toBe('dark');
  });
});
