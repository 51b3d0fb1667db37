// The campaign's script with the contact's merge fields filled in. The HTML was sanitized by
// the API when the script was saved; values filled in here are escaped (script-merge.ts). A
// content link shows as the contact's own tracking URL with a copy button, put into the slot the
// merge left for it, so the agent can send it to the person on the line. A link the author wrote
// to one does not open here: the agent's click would be counted as the contact's.
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import { FileText } from 'lucide-react';
import type { ScriptContentLink } from '@shared/contracts/telephony';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { renderScript, type ScriptContact } from './script-merge';

export interface CampaignScriptProps {
  html: string;
  contact: ScriptContact | null;
  agentName: string | null;
  /** The contact's content links; undefined while they are read (or when there is no contact to make them for: []). */
  contentLinks?: readonly ScriptContentLink[] | undefined;
}

/** Keeps a tracked link shut, by mouse, keyboard (Enter clicks) or middle click. */
function keepTrackedLinksShut(event: MouseEvent) {
  if (event.target instanceof Element && event.target.closest('a[data-tracked-link]')) event.preventDefault();
}

interface CopySlot {
  element: HTMLElement;
  link: ScriptContentLink;
}

export function CampaignScript({ html, contact, agentName, contentLinks }: CampaignScriptProps) {
  const urls = useMemo(
    () => (contentLinks === undefined ? ('loading' as const) : Object.fromEntries(contentLinks.flatMap((l) => (l.url ? [[l.key, l.url] as const] : [])))),
    [contentLinks],
  );
  const rendered = useMemo(() => renderScript(html, { contact, agentName, contentLinks: urls }), [html, contact, agentName, urls]);
  const article = useRef<HTMLElement>(null);
  const [slots, setSlots] = useState<CopySlot[]>([]);
  // The copy buttons go where the merged HTML left their slots, found again each time it changes.
  useLayoutEffect(() => {
    const byKey = new Map((contentLinks ?? []).map((l) => [l.key, l]));
    const found: CopySlot[] = [];
    for (const element of article.current?.querySelectorAll<HTMLElement>('[data-copy-slot]') ?? []) {
      const link = byKey.get(element.dataset.copySlot ?? '');
      if (link?.url) found.push({ element, link });
    }
    setSlots(found);
  }, [rendered, contentLinks]);

  if (!html.trim()) return <EmptyState compact icon={<FileText />} title="No script" description="This campaign has no script: talk freely, and fill the form." />;
  return (
    <>
      <article
        ref={article}
        aria-label="Call script"
        onClick={keepTrackedLinksShut}
        onAuxClick={keepTrackedLinksShut}
        className="script-body max-w-none text-[15px] leading-relaxed [&_h1]:mb-2 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mb-1.5 [&_h2]:mt-4 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:mb-2.5 [&_strong]:font-semibold [&_ul]:list-disc [&_a]:text-primary [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-primary [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground [&_.script-link]:inline-flex [&_.script-link]:max-w-full [&_.script-link]:items-center [&_.script-link]:gap-1 [&_.script-link]:rounded [&_.script-link]:bg-muted [&_.script-link]:pl-1.5 [&_.script-link]:align-middle [&_.script-link-url]:select-all [&_.script-link-url]:break-all [&_.script-link-url]:font-mono [&_.script-link-url]:text-xs [&_.script-link-missing]:text-sm [&_.script-link-missing]:italic [&_.script-link-missing]:text-muted-foreground"
        dangerouslySetInnerHTML={{ __html: rendered }}
      />
      {slots.map(({ element, link }, i) => createPortal(<CopyButton value={link.url!} label={`Copy the link to ${link.title}`} />, element, `${link.key}-${i}`))}
    </>
  );
}
