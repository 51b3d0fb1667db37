// The side panel's forms: the selected block's properties, a selected section's background and
// padding, or (nothing selected) the email's own settings. Every change goes straight into the
// document; the image's missing alt text is a warning, not a block.
import type { ReactNode } from 'react';
import { TriangleAlert } from 'lucide-react';
import {
  ALIGNMENTS,
  EMAIL_FONTS,
  EMAIL_FONT_KEYS,
  isAllowedImageSrc,
  isAllowedLinkHref,
  type Alignment,
  type Block,
  type EmailDocument,
  type EmailFont,
  type EmailSettings,
  type Section,
} from '@shared/contracts/email-content';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { MergeTextField } from '../merge-text-field';
import { BLOCK_LABELS } from './block-defaults';
import { RichTextField } from './rich-text-field';

const ALIGN_OPTIONS = ALIGNMENTS.map((a) => ({ value: a, label: a[0]!.toUpperCase() + a.slice(1) }));
const LEVEL_OPTIONS = [
  { value: '1', label: 'Large (H1)' },
  { value: '2', label: 'Medium (H2)' },
  { value: '3', label: 'Small (H3)' },
] as const;
const FONT_OPTIONS = EMAIL_FONT_KEYS.map((key) => ({ value: key, label: EMAIL_FONTS[key].label }));

const toInt = (value: string, fallback: number) => {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
};

function Warning({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-start gap-1.5 rounded-md bg-warning-subtle px-2.5 py-2 text-xs text-warning-text">
      <TriangleAlert className="mt-px size-3.5 shrink-0" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}

function ColorField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const valid = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value);
  return (
    <Field label={label} error={valid ? undefined : 'Use a hex colour such as #1f2937'}>
      {(control) => (
        <div className="flex items-center gap-2">
          <input
            type="color"
            aria-label={`${label} picker`}
            value={valid && value.length === 7 ? value : '#000000'}
            onChange={(e) => onChange(e.target.value)}
            className="h-9 w-10 shrink-0 cursor-pointer rounded-md border border-input bg-card p-1"
          />
          <Input {...control} value={value} onChange={(e) => onChange(e.target.value.trim())} className="font-mono" maxLength={7} />
        </div>
      )}
    </Field>
  );
}

function LinkField({ label, value, onChange, required }: { label: string; value: string; onChange: (value: string) => void; required?: boolean }) {
  const trimmed = value.trim();
  const error = trimmed === '' ? (required ? 'A link is needed' : undefined) : !isAllowedLinkHref(trimmed) ? 'Use an https link, mailto:, tel: or a merge field' : undefined;
  const insecure = !error && /^http:/i.test(trimmed);
  return (
    <div className="grid gap-1.5">
      <Field label={label} required={required} error={error} hint={insecure ? undefined : 'https://…, mailto:, tel: or a merge field such as {{ unsubscribe_url }}'}>
        <Input value={value} onChange={(e) => onChange(e.target.value)} inputMode="url" autoComplete="off" spellCheck={false} />
      </Field>
      {insecure && <Warning>Pre-flight will ask for https: an http link is flagged in most mail clients.</Warning>}
    </div>
  );
}

export function BlockProperties({ block, onChange }: { block: Block; onChange: (patch: Partial<Block>) => void }) {
  const set = <K extends string>(key: K) => (value: unknown) => onChange({ [key]: value } as Partial<Block>);
  switch (block.type) {
    case 'heading':
      return (
        <div className="grid gap-4">
          <Field label="Heading text">
            {(control) => <MergeTextField {...control} target="heading" value={block.text} onValueChange={set('text')} maxLength={500} />}
          </Field>
          <Field label="Size">
            {(control) => <OptionSelect {...control} options={LEVEL_OPTIONS} value={String(block.level) as '1' | '2' | '3'} onValueChange={(v) => onChange({ level: Number(v) as 1 | 2 | 3 })} />}
          </Field>
          <Field label="Alignment">{(control) => <OptionSelect {...control} options={ALIGN_OPTIONS} value={block.align} onValueChange={(v: Alignment) => onChange({ align: v })} />}</Field>
        </div>
      );
    case 'text':
    case 'footer':
      return (
        <div className="grid gap-4">
          <Field label={block.type === 'footer' ? 'Footer text' : 'Text'}>
            {(control) => <RichTextField id={control.id} aria-describedby={control['aria-describedby']} label={block.type === 'footer' ? 'Footer text' : 'Text'} value={block.html} onChange={set('html')} />}
          </Field>
          {block.type === 'footer' && !block.html.includes('unsubscribe_url') && (
            <Warning>The footer has no unsubscribe link: pre-flight will stop the send until one is added (insert the “Unsubscribe link” merge field).</Warning>
          )}
        </div>
      );
    case 'image': {
      const srcError = block.src.trim() === '' ? 'An image URL or asset is needed' : isAllowedImageSrc(block.src.trim()) ? undefined : 'Use an https URL or asset:<key>';
      return (
        <div className="grid gap-4">
          <Field label="Image URL or asset" required error={srcError} hint="An https address, or asset:<key> for a file in the asset store.">
            <Input value={block.src} onChange={(e) => onChange({ src: e.target.value })} inputMode="url" autoComplete="off" spellCheck={false} />
          </Field>
          <div className="grid gap-1.5">
            <Field label="Alt text" hint="What the image shows, for screen readers and clients that block images.">
              <Input value={block.alt} onChange={(e) => onChange({ alt: e.target.value })} maxLength={300} />
            </Field>
            {block.alt.trim() === '' && <Warning>No alt text: pre-flight will flag this image.</Warning>}
          </div>
          <LinkField label="Link (optional)" value={block.href ?? ''} onChange={(v) => onChange({ href: v.trim() === '' ? undefined : v })} />
          <Field label="Width in pixels" hint="Empty: the column's width.">
            <Input
              type="number"
              min={16}
              max={800}
              value={block.width ?? ''}
              onChange={(e) => onChange({ width: e.target.value === '' ? undefined : Math.max(16, Math.min(800, toInt(e.target.value, 600))) })}
            />
          </Field>
        </div>
      );
    }
    case 'button':
      return (
        <div className="grid gap-4">
          <Field label="Button label" required error={block.label.trim() === '' ? 'A label is needed' : undefined}>
            {(control) => <MergeTextField {...control} target="button label" value={block.label} onValueChange={set('label')} maxLength={200} />}
          </Field>
          <LinkField label="Button link" required value={block.href} onChange={set('href')} />
          <ColorField label="Button colour" value={block.background} onChange={set('background')} />
          <ColorField label="Text colour" value={block.color} onChange={set('color')} />
          <Field label="Alignment">{(control) => <OptionSelect {...control} options={ALIGN_OPTIONS} value={block.align} onValueChange={(v: Alignment) => onChange({ align: v })} />}</Field>
        </div>
      );
    case 'divider':
      return (
        <div className="grid gap-4">
          <ColorField label="Line colour" value={block.color} onChange={set('color')} />
          <Field label="Thickness in pixels">
            <Input type="number" min={1} max={10} value={block.thickness} onChange={(e) => onChange({ thickness: Math.max(1, Math.min(10, toInt(e.target.value, 1))) })} />
          </Field>
        </div>
      );
    case 'spacer':
      return (
        <Field label="Height in pixels">
          <Input type="number" min={4} max={120} value={block.height} onChange={(e) => onChange({ height: Math.max(4, Math.min(120, toInt(e.target.value, 24))) })} />
        </Field>
      );
  }
}

export function SectionProperties({ section, onChange }: { section: Section; onChange: (patch: Partial<Pick<Section, 'background' | 'padding'>>) => void }) {
  return (
    <div className="grid gap-4">
      <ColorField label="Section background" value={section.background ?? '#ffffff'} onChange={(background) => onChange({ background })} />
      <Field label="Padding in pixels" hint="Space above and below the section's content.">
        <Input type="number" min={0} max={120} value={section.padding ?? 0} onChange={(e) => onChange({ padding: Math.max(0, Math.min(120, toInt(e.target.value, 0))) })} />
      </Field>
      <p className="text-xs text-muted-foreground">
        {section.columns.length === 1 ? 'One column.' : `${section.columns.length} columns sharing the width.`} Narrow screens stack the columns.
      </p>
    </div>
  );
}

export function EmailSettingsForm({ settings, onChange }: { settings: EmailDocument['settings']; onChange: (patch: Partial<EmailSettings>) => void }) {
  return (
    <div className="grid gap-4">
      <Field label="Content width in pixels" hint="480–800; 600 suits most clients.">
        <Input type="number" min={480} max={800} value={settings.width} onChange={(e) => onChange({ width: Math.max(480, Math.min(800, toInt(e.target.value, 600))) })} />
      </Field>
      <Field label="Font">{(control) => <OptionSelect {...control} options={FONT_OPTIONS} value={settings.fontFamily} onValueChange={(v: EmailFont) => onChange({ fontFamily: v })} />}</Field>
      <ColorField label="Page background" value={settings.background} onChange={(background) => onChange({ background })} />
      <ColorField label="Content background" value={settings.contentBackground} onChange={(contentBackground) => onChange({ contentBackground })} />
      <ColorField label="Text colour" value={settings.textColor} onChange={(textColor) => onChange({ textColor })} />
      <ColorField label="Link colour" value={settings.linkColor} onChange={(linkColor) => onChange({ linkColor })} />
    </div>
  );
}

export const blockTitle = (block: Block) => `${BLOCK_LABELS[block.type]} block`;
