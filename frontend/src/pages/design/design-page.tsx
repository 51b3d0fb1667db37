// The /design page (admins): every component of the kit with realistic CRM content, in the
// current theme, plus the DataTable and filter bar over 100,000 generated accounts.
import { useEffect } from 'react';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { ThemeMenu, ThemeToggle } from '@/components/ui/theme-toggle';
import { AccountsTableDemo, SAMPLE_SIZE } from './sections/accounts-table-demo';
import { Actions } from './sections/actions';
import { DemoSection } from './sections/demo-section';
import { Forms } from './sections/forms';
import { Foundations } from './sections/foundations';
import { Overlays } from './sections/overlays';
import { States } from './sections/states';
import { Surfaces } from './sections/surfaces';

const CONTENTS = [
  { id: 'foundations', label: 'Foundations' },
  { id: 'actions', label: 'Actions' },
  { id: 'forms', label: 'Forms' },
  { id: 'surfaces', label: 'Page structure' },
  { id: 'overlays', label: 'Overlays' },
  { id: 'states', label: 'States' },
  { id: 'data', label: 'Data table' },
];

export default function DesignPage() {
  // The page arrives after the browser looked for the #anchor: scroll to it once rendered.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  return (
    <div className="mx-auto w-full max-w-7xl">
      <HeaderActionBar
        title="Design system"
        description="The components every Pivotal screen is built from, shown with real-world content in the current theme."
        actions={
          <>
            <ThemeMenu />
            <ThemeToggle />
          </>
        }
      />
      <nav aria-label="On this page" className="mb-8 flex flex-wrap gap-1 border-b border-border pb-3">
        {CONTENTS.map((c) => (
          <a key={c.id} href={`#${c.id}`} className="rounded-md px-2.5 py-1 text-sm text-muted-foreground transition-colors hover:bg-muted hover:text-foreground">
            {c.label}
          </a>
        ))}
      </nav>
      <div className="grid gap-12 pb-16">
        <Foundations />
        <Actions />
        <Forms />
        <Surfaces />
        <Overlays />
        <States />
        <DemoSection
          id="data"
          title="Data table"
          description={`${SAMPLE_SIZE.toLocaleString('en-US')} generated accounts, loaded in cursor pages as you scroll; only the visible rows are in the page. Filters are kept in the URL — copy it to share this view. Keys: j/k or ↑/↓ move, x selects, Enter opens.`}
        >
          <AccountsTableDemo />
        </DemoSection>
      </div>
    </div>
  );
}
