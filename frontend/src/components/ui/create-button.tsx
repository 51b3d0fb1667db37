// CreateButton: a page's "New …" action; in the page header it shows its keyboard shortcut, in an
// empty state it is the small variant without one.
import { Plus } from 'lucide-react';
import { Button } from './button';
import { Kbd } from './kbd';

export interface CreateButtonProps {
  label: string;
  onClick: () => void;
  /** The key that does the same, shown on the button and in its title. */
  shortcut?: string;
  size?: 'sm' | 'default';
}

export function CreateButton({ label, onClick, shortcut, size = 'default' }: CreateButtonProps) {
  return (
    <Button size={size} onClick={onClick} title={shortcut ? `${label} (${shortcut})` : undefined}>
      <Plus aria-hidden="true" />
      {label}
      {shortcut && <Kbd className="ml-1 border-white/25 bg-white/10 text-primary-foreground">{shortcut}</Kbd>}
    </Button>
  );
}
