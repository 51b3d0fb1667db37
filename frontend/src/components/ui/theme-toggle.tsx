// Theme toggle: an icon button flipping light/dark, and a menu offering Light, Dark and System.
import { Check, Monitor, Moon, Sun } from 'lucide-react';
import { useTheme, type ThemePreference } from '@/lib/theme';
import { IconButton } from './icon-button';
import { Button } from './button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from './dropdown-menu';

export function ThemeToggle({ className }: { className?: string }) {
  const { theme, toggle } = useTheme();
  return (
    <IconButton
      className={className}
      label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      icon={theme === 'dark' ? <Sun /> : <Moon />}
      onClick={toggle}
      data-testid="theme-toggle"
    />
  );
}

const CHOICES: Array<{ value: ThemePreference; label: string; icon: typeof Sun }> = [
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
  { value: 'system', label: 'System', icon: Monitor },
];

export function ThemeMenu() {
  const { preference, theme, setPreference } = useTheme();
  const chosen = CHOICES.find((c) => c.value === preference)?.label;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        {/* Named with the choice it shows ("Theme: System"), so it can be reached by what it says. */}
        <Button variant="outline" size="sm" aria-label={`Theme: ${chosen}`}>
          {theme === 'dark' ? <Moon aria-hidden="true" /> : <Sun aria-hidden="true" />}
          {chosen}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {CHOICES.map(({ value, label, icon: Icon }) => (
          <DropdownMenuItem key={value} onSelect={() => setPreference(value)}>
            <Icon aria-hidden="true" />
            {label}
            {preference === value && <Check className="ml-auto !text-primary" aria-label="Selected" />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
