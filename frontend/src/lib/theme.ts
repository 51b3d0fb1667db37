// The colour theme: light, dark or following the system. The choice lives in localStorage under
// `pivotal-theme`; public/theme-init.js applies it before the first paint, and this store keeps
// the `dark` class on <html> in step afterwards (including when the system theme changes).
import { useSyncExternalStore } from 'react';

export type ThemePreference = 'light' | 'dark' | 'system';
export type ResolvedTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'pivotal-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const listeners = new Set<() => void>();

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    // Storage can be blocked (private modes, policies): follow the system.
    return 'system';
  }
}

function systemTheme(): ResolvedTheme {
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function resolveTheme(preference: ThemePreference, system: ResolvedTheme): ResolvedTheme {
  return preference === 'system' ? system : preference;
}

interface ThemeSnapshot {
  preference: ThemePreference;
  resolved: ResolvedTheme;
}

let snapshot: ThemeSnapshot | null = null;

function computeSnapshot(): ThemeSnapshot {
  const preference = readPreference();
  return { preference, resolved: resolveTheme(preference, systemTheme()) };
}

function apply(): void {
  snapshot = computeSnapshot();
  document.documentElement.classList.toggle('dark', snapshot.resolved === 'dark');
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.matchMedia(DARK_QUERY).addEventListener('change', apply);
    window.addEventListener('storage', onStorage);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.matchMedia(DARK_QUERY).removeEventListener('change', apply);
      window.removeEventListener('storage', onStorage);
    }
  };
}

/** Another tab changed the theme: follow it. */
function onStorage(event: StorageEvent): void {
  if (event.key === THEME_STORAGE_KEY) apply();
}

function getSnapshot(): ThemeSnapshot {
  snapshot ??= computeSnapshot();
  return snapshot;
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not remembered, but still applied for this page.
  }
  apply();
}

/** Flips between light and dark from whatever is showing now (the choice is then remembered). */
export function toggleTheme(): void {
  setThemePreference(getSnapshot().resolved === 'dark' ? 'light' : 'dark');
}

export function useTheme(): {
  preference: ThemePreference;
  theme: ResolvedTheme;
  setPreference: (preference: ThemePreference) => void;
  toggle: () => void;
} {
  const { preference, resolved } = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return { preference, theme: resolved, setPreference: setThemePreference, toggle: toggleTheme };
}
