// Whether the sidebar shows icons only; remembered in localStorage across visits.
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'pivotal-sidebar-collapsed';

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function useSidebarCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(read);
  const toggle = useCallback(() => {
    setCollapsed((current) => {
      const next = !current;
      try {
        localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
      } catch {
        // Storage blocked: the choice lasts for this page only.
      }
      return next;
    });
  }, []);
  return [collapsed, toggle];
}
