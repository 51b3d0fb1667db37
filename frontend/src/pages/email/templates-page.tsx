// Email templates: the list at /email/templates and the editor at /email/templates/:id (the
// navigation entry is nested, so this page routes its own sub-paths).
import { useRoute } from 'wouter';
import { TemplateEditorPage } from './template-editor-page';
import { TemplatesIndex } from './templates-index';

export default function TemplatesPage() {
  const [isTemplate, params] = useRoute<{ id: string }>('/email/templates/:id');
  if (isTemplate) return <TemplateEditorPage key={params.id} id={params.id} />;
  return <TemplatesIndex />;
}
