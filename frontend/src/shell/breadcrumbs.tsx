// Where the user is: section and page, from the navigation registry.
import { Link, useLocation } from 'wouter';
import { ChevronRight } from 'lucide-react';
import { NAV_SECTION_LABELS, entryAt } from './navigation';

export function Breadcrumbs() {
  const [location] = useLocation();
  const entry = entryAt(location);
  const crumbs: { label: string; href?: string }[] = [];
  if (entry) {
    if (entry.section !== 'workspace') crumbs.push({ label: NAV_SECTION_LABELS[entry.section] });
    crumbs.push({ label: entry.label, href: entry.path });
  } else {
    crumbs.push({ label: 'Not found' });
  }
  return (
    <nav aria-label="Breadcrumb" className="min-w-0">
      <ol className="flex min-w-0 items-center gap-1.5 text-sm">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={crumb.label} className="flex min-w-0 items-center gap-1.5">
              {index > 0 && <ChevronRight className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />}
              {last || !crumb.href ? (
                <span aria-current={last ? 'page' : undefined} className={last ? 'truncate font-medium text-foreground' : 'text-muted-foreground'}>
                  {crumb.label}
                </span>
              ) : (
                <Link href={crumb.href} className="text-muted-foreground hover:text-foreground">
                  {crumb.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
