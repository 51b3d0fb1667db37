// Keeps a DataTable's scroll position in the list's memory and puts it back when the table
// mounts again (after the card layout, or coming back from a record). The table owns its scroll
// pane, so it is found through the grid it contains.
import { useEffect, useRef, type RefObject } from 'react';

const MAX_RESTORE_FRAMES = 30;

function scrollPaneOf(wrapper: HTMLElement | null): HTMLElement | null {
  return wrapper?.querySelector<HTMLElement>('table[role="grid"]')?.parentElement ?? null;
}

function rowHeightOf(pane: HTMLElement): number {
  return pane.querySelector<HTMLElement>('tbody tr[role="row"]')?.offsetHeight || 44;
}

export function useTableScrollMemory(
  wrapperRef: RefObject<HTMLElement | null>,
  options: { loaded: number; getFirstVisible: () => number; setFirstVisible: (index: number) => void },
): void {
  const { loaded, getFirstVisible, setFirstVisible } = options;
  const restored = useRef(false);

  // Restore once the remembered row is loaded (the pages are shared with the other layout).
  // `loaded` is 0 while the table is not shown: the next time it is, it restores again.
  useEffect(() => {
    if (loaded === 0) {
      restored.current = false;
      return;
    }
    if (restored.current) return;
    const pane = scrollPaneOf(wrapperRef.current);
    if (!pane) return;
    const target = getFirstVisible();
    restored.current = true;
    if (target <= 0 || target >= loaded) return;
    // The table renders its rows once it has measured its pane, a frame or two after mounting;
    // until then it is too short to scroll.
    let frame = 0;
    let attempts = 0;
    const apply = () => {
      const offset = target * rowHeightOf(pane);
      if (pane.scrollHeight - pane.clientHeight >= offset || attempts >= MAX_RESTORE_FRAMES) pane.scrollTop = offset;
      else {
        attempts += 1;
        frame = requestAnimationFrame(apply);
      }
    };
    apply();
    return () => cancelAnimationFrame(frame);
  }, [loaded, wrapperRef, getFirstVisible]);

  useEffect(() => {
    const pane = scrollPaneOf(wrapperRef.current);
    if (!pane) return;
    const onScroll = () => {
      if (restored.current) setFirstVisible(Math.floor(pane.scrollTop / rowHeightOf(pane)));
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => pane.removeEventListener('scroll', onScroll);
  }, [wrapperRef, setFirstVisible, loaded]);
}
