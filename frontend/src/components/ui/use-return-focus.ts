// Radix dialogs return focus to their Trigger on close; a dialog opened another way (a shortcut,
// Enter on a table row, a menu item) would drop focus to <body>. These handlers remember what had
// focus when the dialog opened and go back to it, so keyboard users keep their place.
import { useRef } from 'react';

export interface ReturnFocusHandlers {
  onOpenAutoFocus: (event: Event) => void;
  onCloseAutoFocus: (event: Event) => void;
}

export function useReturnFocus(handlers: Partial<ReturnFocusHandlers> = {}): ReturnFocusHandlers {
  const returnTo = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: (event) => {
      const active = document.activeElement;
      returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
      handlers.onOpenAutoFocus?.(event);
    },
    onCloseAutoFocus: (event) => {
      handlers.onCloseAutoFocus?.(event);
      const target = returnTo.current;
      returnTo.current = null;
      // Gone (e.g. a menu item that closed): let Radix fall back to the trigger.
      if (event.defaultPrevented || !target?.isConnected) return;
      event.preventDefault();
      target.focus({ preventScroll: true });
    },
  };
}
