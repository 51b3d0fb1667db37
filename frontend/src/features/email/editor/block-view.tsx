// How a block looks on the editor's canvas: close to the sent email (fonts, colours, alignment)
// without being it — the server's MJML render is what the Preview step shows.
import { ImageOff } from 'lucide-react';
import { ASSET_PREFIX, EMAIL_FONTS, type Block, type EmailSettings } from '@shared/contracts/email-content';
import { MERGE_CHIP_CLASS, fieldLabel, splitMergeTags } from '../merge-tag';
import { canvasHtml } from './rich-text';

const HEADING_SIZES = { 1: 'text-[26px] leading-tight', 2: 'text-[21px] leading-snug', 3: 'text-[17px] leading-snug' } as const;
const ALIGN = { left: 'text-left', center: 'text-center', right: 'text-right' } as const;

export function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return <p className={`${HEADING_SIZES[block.level]} ${ALIGN[block.align]} font-bold break-words`}>{block.text ? <MergeText text={block.text} /> : <span className="opacity-50">Empty heading</span>}</p>;
    case 'text':
      return (
        <div
          className="text-[15px] leading-relaxed break-words [&_ol]:list-decimal [&_ol]:pl-6 [&_p+p]:mt-3 [&_ul]:list-disc [&_ul]:pl-6"
          // Cleaned to the rich-text tags, links turned into styled text (see canvasHtml).
          dangerouslySetInnerHTML={{ __html: canvasHtml(block.html) || '<p style="opacity:.5">Empty text</p>' }}
        />
      );
    case 'footer':
      return (
        <div
          // The sent footer's grey (#6b7280, as blocks-to-mjml writes it), not a faded text colour: its links must stay readable.
          className="text-center text-xs leading-relaxed break-words text-[#6b7280] [&_p+p]:mt-1.5"
          dangerouslySetInnerHTML={{ __html: canvasHtml(block.html) || '<p style="opacity:.5">Empty footer</p>' }}
        />
      );
    case 'image': {
      const src = block.src.trim();
      const shown = src.startsWith('https://') ? src : null;
      return shown ? (
        // The canvas shows the picture; its alt is the author's, checked by pre-flight.
        <img src={shown} alt={block.alt} className="mx-auto block h-auto max-w-full" style={block.width ? { width: block.width } : undefined} />
      ) : (
        <div className="grid h-28 place-items-center rounded border border-dashed border-current/30 text-sm opacity-70">
          <span className="flex items-center gap-2">
            <ImageOff className="size-4" aria-hidden="true" />
            {src.startsWith(ASSET_PREFIX) ? `Asset ${src.slice(ASSET_PREFIX.length)}` : 'No image yet: add its URL'}
          </span>
        </div>
      );
    }
    case 'button':
      return (
        <div className={ALIGN[block.align]}>
          <span className="inline-block rounded-md px-5 py-2.5 text-[15px] font-semibold" style={{ background: block.background, color: block.color }}>
            {block.label ? <MergeText text={block.label} /> : 'Button'}
          </span>
        </div>
      );
    case 'divider':
      return <hr className="my-2 border-0" style={{ height: block.thickness, background: block.color }} />;
    case 'spacer':
      return <div style={{ height: block.height }} className="bg-[repeating-linear-gradient(45deg,transparent_0_6px,rgb(0_0_0/0.04)_6px_12px)]" />;
  }
}

/** Plain text with each merge field as a chip naming it ("First name"), the tag itself in its tooltip. */
function MergeText({ text }: { text: string }) {
  return splitMergeTags(text).map((part, i) =>
    part.kind === 'text' ? (
      part.text
    ) : (
      <span key={i} title={part.source} className={MERGE_CHIP_CLASS}>
        {fieldLabel(part.key)}
      </span>
    ),
  );
}

export function fontStack(settings: EmailSettings): string {
  return EMAIL_FONTS[settings.fontFamily].stack;
}
