// ShortcutsDialog: every keyboard shortcut of the app in one list; `?` opens it.
import { useRef, useState } from 'react';
import { formatShortcut, isMacPlatform, useHotkeys } from '@/lib/hotkeys';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from './dialog';
import { Kbd } from './kbd';

export interface ShortcutGroup {
  heading: string;
  shortcuts: Array<{ combo: string; label: string }>;
}

export interface ShortcutsDialogProps {
  groups: ShortcutGroup[];
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Bind `?` (default true). */
  hotkey?: boolean;
}

export function ShortcutsDialog({ groups, open: openProp, onOpenChange, hotkey = true }: ShortcutsDialogProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const isMac = useRef(isMacPlatform()).current;
  useHotkeys([{ combo: '?', handler: () => setOpen(true) }], hotkey);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Everything in Pivotal works from the keyboard. Press ? to open this list.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-6 sm:grid-cols-2">
          {groups.map((group) => (
            <section key={group.heading} aria-label={group.heading}>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wider text-muted-foreground">{group.heading}</h3>
              <dl className="grid gap-1">
                {group.shortcuts.map((s) => (
                  <div key={s.combo + s.label} className="flex items-center justify-between gap-4 rounded-md px-2 py-1.5 text-sm odd:bg-muted/60">
                    <dt>{s.label}</dt>
                    <dd className="flex shrink-0 items-center gap-1">
                      {formatShortcut(s.combo, isMac)
                        .split(' then ')
                        .map((k, i) => (
                          <span key={k + i} className="flex items-center gap-1">
                            {i > 0 && <span className="text-xs text-muted-foreground">then</span>}
                            <Kbd>{k}</Kbd>
                          </span>
                        ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
