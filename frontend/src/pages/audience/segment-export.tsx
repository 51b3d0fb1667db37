// "Export CSV" for a segment: the filter as it stands goes to the export pipeline (which reads
// the audience criteria too), then the job is polled until its download link is ready.
import type { FilterGroup } from '@shared/contracts/filters';
import { CsvExportButton, CsvExportStatus } from '@/features/records/export-csv';
import { useCsvExport } from '@/features/records/use-csv-export';

export function SegmentExport({ filter }: { filter: FilterGroup }) {
  const csvExport = useCsvExport();
  return (
    <>
      <CsvExportButton csvExport={csvExport} onClick={() => void csvExport.start({ resource: 'contacts', selection: { filter } })} />
      <CsvExportStatus csvExport={csvExport} testId="segment-export-status" />
    </>
  );
}
