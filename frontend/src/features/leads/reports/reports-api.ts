// The lead QA report's query (GET /api/leads/reports): one answer per range and filters, the
// previous one kept on screen while a new range loads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeadReport, LeadReportQuery } from '@shared/contracts/lead-reports';
import { api } from '@/lib/api';

export const LEAD_REPORTS_ROUTE = '/leads/reports';
const LEAD_REPORTS_PATH = '/api/leads/reports';

export const leadReportKeys = {
  all: ['leads', 'reports'] as const,
  report: (query: LeadReportQuery) => [...leadReportKeys.all, query] as const,
};

export function useLeadReport(query: LeadReportQuery) {
  return useQuery({
    queryKey: leadReportKeys.report(query),
    queryFn: ({ signal }) => api.get<LeadReport>(LEAD_REPORTS_PATH, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
