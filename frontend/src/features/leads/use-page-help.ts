// `?` on a page with shortcuts of its own opens that page's list rather than the app's: the key
// is caught on the way down (capture), before the shell's binding sees it.
import { useEffect } from 'react';
import { isTypingTarget } from '@/lib/hotkeys';

export function usePageHelp(open: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '?' || event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      // A dialog already open keeps its keys.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      open();
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open, enabled]);
}
