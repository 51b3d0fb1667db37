// Loading, empty and error states, pagination and a step wizard.
import { useState } from 'react';
import { FileSpreadsheet, Upload } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Pagination } from '@/components/ui/pagination';
import { OptionSelect } from '@/components/ui/option-select';
import { Skeleton } from '@/components/ui/skeleton';
import { StepWizard } from '@/components/ui/step-wizard';
import { toast } from '@/components/ui/toast';
import { DemoLabel, DemoSection } from './demo-section';

export function States() {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const [retrying, setRetrying] = useState(false);
  return (
    <DemoSection id="states" title="States and flows" description="Every list has a loading, an empty and an error state; long tasks are split into steps.">
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-5">
          <DemoLabel>Loading</DemoLabel>
          <div className="grid gap-3" role="status" aria-label="Loading accounts">
            {[0, 1, 2].map((i) => (
              <div key={i} className="flex items-center gap-3">
                <Skeleton className="size-9 rounded-full" />
                <div className="grid flex-1 gap-1.5">
                  <Skeleton className="h-3.5 w-2/3" />
                  <Skeleton className="h-3 w-1/3" />
                </div>
              </div>
            ))}
          </div>
        </Card>
        <Card>
          <EmptyState
            compact
            icon={<FileSpreadsheet />}
            title="No contacts in this list yet"
            description="Import a CSV or add contacts from a segment."
            action={
              <Button size="sm">
                <Upload aria-hidden="true" /> Import CSV
              </Button>
            }
          />
        </Card>
        <Card>
          <ErrorState
            compact
            title="Could not load leads"
            description="The QA service did not answer in time."
            retrying={retrying}
            onRetry={() => {
              setRetrying(true);
              setTimeout(() => setRetrying(false), 800);
            }}
          />
        </Card>
      </div>
      <Card className="mt-4 px-5 py-3">
        <Pagination page={page} pageSize={pageSize} total={1204} onPageChange={setPage} onPageSizeChange={(s) => { setPageSize(s); setPage(0); }} />
      </Card>
      <Card className="mt-4 p-6">
        <DemoLabel>Step wizard</DemoLabel>
        <StepWizard
          finishLabel="Start import"
          onFinish={() => {
            toast.success('Import started', { description: 'We will email you when 12,480 rows are processed.' });
          }}
          steps={[
            {
              id: 'file',
              title: 'Upload',
              description: 'A CSV with one contact per row; the first row holds the column names.',
              content: (
                <EmptyState
                  compact
                  icon={<Upload />}
                  title="fintech-vps-q1.csv"
                  description="12,480 rows · 1.8 MB"
                  action={
                    <Button variant="outline" size="sm">
                      Choose another file
                    </Button>
                  }
                />
              ),
            },
            {
              id: 'map',
              title: 'Map columns',
              content: (
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field label="“E-mail address” becomes">
                    <OptionSelect
                      defaultValue="email"
                      options={[
                        { value: 'email', label: 'Email' },
                        { value: 'skip', label: 'Skip this column' },
                      ]}
                    />
                  </Field>
                  <Field label="“Company” becomes">
                    <OptionSelect
                      defaultValue="account"
                      options={[
                        { value: 'account', label: 'Account name' },
                        { value: 'skip', label: 'Skip this column' },
                      ]}
                    />
                  </Field>
                </div>
              ),
            },
            {
              id: 'review',
              title: 'Review',
              content: (
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field label="Source label" hint="Kept on every imported record.">
                    <Input defaultValue="Trade show — Money20/20 Europe" />
                  </Field>
                  <div className="text-sm text-muted-foreground">
                    <p>
                      <span className="font-mono text-foreground">12,168</span> new contacts
                    </p>
                    <p>
                      <span className="font-mono text-foreground">312</span> duplicates will be merged
                    </p>
                  </div>
                </div>
              ),
            },
          ]}
          onCancel={() => toast('Import cancelled')}
        />
      </Card>
    </DemoSection>
  );
}
