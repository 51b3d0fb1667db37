// Server state of saved email templates: the list, one template with its content, create, save,
// duplicate and delete. A campaign can start from one (campaign create takes `templateId`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TemplateSummary } from '@shared/contracts/email';
import type { ContentMode, SaveEmailContentInput } from '@shared/contracts/email-content';
import { api } from '@/lib/api';
import { EMAIL_PATH, itemsOf } from './campaigns-api';

export const TEMPLATES_PATH = `${EMAIL_PATH}/templates`;
export const TEMPLATES_ROUTE = '/email/templates';
export const templateHref = (id: string) => `${TEMPLATES_ROUTE}/${id}`;

/** A template with its content, as GET /templates/{id} answers. */
export interface EmailTemplate extends TemplateSummary {
  mode: ContentMode;
  preheader: string;
  /** The block document (blocks mode). */
  document: unknown;
  html: string;
  /** Optimistic concurrency, when the API keeps one. */
  version?: number;
}

export type TemplateInput = SaveEmailContentInput & { name: string; version?: number };

export const templateKeys = {
  all: ['email', 'templates'] as const,
  one: (id: string) => ['email', 'templates', id] as const,
};

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: async ({ signal }) => ({ items: itemsOf(await api.get<TemplateSummary[] | { items: TemplateSummary[] }>(TEMPLATES_PATH, undefined, signal)) }),
    enabled,
  });
}

export function useTemplate(id: string) {
  return useQuery({ queryKey: templateKeys.one(id), queryFn: ({ signal }) => api.get<EmailTemplate>(`${TEMPLATES_PATH}/${id}`, undefined, signal) });
}

export function useCreateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput) => api.post<EmailTemplate>(TEMPLATES_PATH, input),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

export function useSaveTemplate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput) => api.put<EmailTemplate>(`${TEMPLATES_PATH}/${id}`, input),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved) client.setQueryData(templateKeys.one(id), saved);
      void client.invalidateQueries({ queryKey: templateKeys.all, exact: true });
    },
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${TEMPLATES_PATH}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

/** A copy saved under "Copy of …": the template is read in full first, since the list holds only summaries. */
export function useDuplicateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const original = await api.get<EmailTemplate>(`${TEMPLATES_PATH}/${id}`);
      const input = {
        name: `Copy of ${original.name}`.slice(0, 120),
        mode: original.mode,
        subject: original.subject,
        preheader: original.preheader ?? '',
        ...(original.mode === 'blocks' ? { document: original.document } : { html: original.html }),
      } as TemplateInput;
      return api.post<EmailTemplate>(TEMPLATES_PATH, input);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
}
