// The campaign's script with the contact's merge fields filled in. The HTML was sanitized by
// the API when the script was saved; values filled in here are escaped (script-merge.ts).
import { useMemo } from 'react';
import { FileText } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { renderScript, type ScriptContact } from './script-merge';

export function CampaignScript({ html, contact, agentName }: { html: string; contact: ScriptContact | null; agentName: string | null }) {
  const rendered = useMemo(() => renderScript(html, { contact, agentName }), [html, contact, agentName]);
  if (!html.trim()) return <EmptyState compact icon={<FileText />} title="No script" description="This campaign has no script: talk freely, and fill the form." />;
  return (
    <article
      aria-label="Call script"
      className="script-body max-w-none text-[15px] leading-relaxed [&_h1]:mb-2 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mb-1.5 [&_h2]:mt-4 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:mb-2.5 [&_strong]:font-semibold [&_ul]:list-disc [&_a]:text-primary [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-primary [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground"
      dangerouslySetInnerHTML={{ __html: rendered }}
    />
  );
}
