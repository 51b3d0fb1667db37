// Imports: the history at /imports, the wizard at /imports/new and one job at /imports/:id (the
// navigation entry is nested, so this page routes its own sub-paths).
import { useRoute } from 'wouter';
import { ImportHistory } from './import-history';
import { ImportJobPage } from './import-job';
import { ImportWizard } from './import-wizard';

export default function ImportsPage() {
  const [isNew] = useRoute('/imports/new');
  const [isJob, params] = useRoute<{ id: string }>('/imports/:id');
  if (isNew) return <ImportWizard />;
  // Keyed by id: another job starts from a clean state.
  if (isJob) return <ImportJobPage key={params.id} id={params.id} />;
  return <ImportHistory />;
}
