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
    const target = getFirstVisible();
    // The table renders its grid and rows once it has measured its pane, a frame or two after
    // mounting: until then there may be no pane, or one too short to scroll. Wait for both.
    let frame = 0;
    let attempts = 0;
    const apply = () => {
      const pane = scrollPaneOf(wrapperRef.current);
      if (!pane) {
        if (attempts++ < MAX_RESTORE_FRAMES) frame = requestAnimationFrame(apply);
        else restored.current = true;
        return;
      }
      if (target <= 0 || target >= loaded) {
        restored.current = true;
        return;
      }
      const offset = target * rowHeightOf(pane);
      if (pane.scrollHeight - pane.clientHeight >= offset || attempts >= MAX_RESTORE_FRAMES) {
        pane.scrollTop = offset;
        restored.current = true;
      } else {
        attempts += 1;
        frame = requestAnimationFrame(apply);
      }
    };
    apply();
    return () => cancelAnimationFrame(frame);
  }, [loaded, wrapperRef, getFirstVisible]);

  // Scroll events do not bubble, but a capturing listener on the wrapper hears the pane's even
  // when the pane mounts after this effect ran.
  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const onScroll = () => {
      const pane = scrollPaneOf(wrapper);
      if (pane && restored.current) setFirstVisible(Math.floor(pane.scrollTop / rowHeightOf(pane)));
    };
    wrapper.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => wrapper.removeEventListener('scroll', onScroll, { capture: true });
  }, [wrapperRef, setFirstVisible, loaded]);
}
