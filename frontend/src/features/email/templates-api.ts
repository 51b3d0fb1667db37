// Server state of saved email templates: the list, one template with its content, create, save,
// duplicate and delete. A campaign can start from one (campaign create takes `templateId`).
// Writes send `{ name, content }`; the content is compiled on the server and a problem in it is
// a 400 naming `content.subject`, `content.document.…`, `content.mjml`, ….
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Template, TemplateInput, TemplateSummary } from '@shared/contracts/email';
import type { SaveEmailContentInput } from '@shared/contracts/email-content';
import { api } from '@/lib/api';
import { EMAIL_PATH } from './campaigns-api';

export const TEMPLATES_PATH = `${EMAIL_PATH}/templates`;
export const TEMPLATES_ROUTE = '/email/templates';
export const templateHref = (id: string) => `${TEMPLATES_ROUTE}/${id}`;

/** What the editor sends: the content as the editor holds it (defaults are filled in on the server). */
export type TemplateWrite = Omit<TemplateInput, 'content'> & { content: SaveEmailContentInput };

export const templateKeys = {
  all: ['email', 'templates'] as const,
  one: (id: string) => ['email', 'templates', id] as const,
};

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: ({ signal }) => api.get<{ items: TemplateSummary[] }>(TEMPLATES_PATH, undefined, signal),
    enabled,
  });
}

export function useTemplate(id: string) {
  return useQuery({ queryKey: templateKeys.one(id), queryFn: ({ signal }) => api.get<Template>(`${TEMPLATES_PATH}/${id}`, undefined, signal) });
}

export function useCreateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateWrite) => api.post<Template>(TEMPLATES_PATH, input),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all, exact: true }),
  });
}

export function useSaveTemplate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateWrite) => api.put<Template>(`${TEMPLATES_PATH}/${id}`, input),
    onSuccess: (saved) => {
      client.setQueryData(templateKeys.one(id), saved);
      void client.invalidateQueries({ queryKey: templateKeys.all, exact: true });
    },
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${TEMPLATES_PATH}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all, exact: true }),
  });
}

/** A copy under "Copy of …", made on the server from the saved content. */
export function useDuplicateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Template>(`${TEMPLATES_PATH}/${id}/duplicate`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all, exact: true }),
  });
}
