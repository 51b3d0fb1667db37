// The rich-text field of text and footer blocks: a small contentEditable with bold, italic,
// underline, link and list buttons, and the merge-field picker inserting at the caret. What it
// stores is cleaned to the tags the server keeps.
import { useEffect, useRef, useState } from 'react';
import { Bold, Heading3, Italic, Link, List, ListOrdered, Underline } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Popover, PopoverAnchor, PopoverContent } from '@/components/ui/popover';
import { cn } from '@/lib/utils';
import { MergeFieldPicker, type MergeFieldSource } from '../merge-field-picker';
import { cleanRichText } from './rich-text';

export interface RichTextFieldProps {
  id?: string;
  /** The accessible name of the editable area. */
  label: string;
  value: string;
  onChange: (html: string) => void;
  'aria-describedby'?: string;
  /** Section headings (h3) too: a call script is read in parts. */
  sections?: boolean;
  /** The merge fields offered (email's when not given). */
  mergeFields?: MergeFieldSource;
  /** Taller editing area for long text. */
  className?: string;
}

const SECTION_TAGS: ReadonlySet<string> = new Set(['H3']);

export function RichTextField({ id, label, value, onChange, sections = false, mergeFields, className, ...aria }: RichTextFieldProps) {
  const clean = (html: string) => cleanRichText(html, sections ? SECTION_TAGS : undefined);
  const area = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('https://');

  // The DOM is the editing state: it is written from `value` only when the value changed elsewhere
  // (another block selected, an undo), never while the author types, which would move the caret.
  useEffect(() => {
    const el = area.current;
    if (el && clean(el.innerHTML) !== value) el.innerHTML = value;
  }, [value]);

  const emit = () => area.current && onChange(clean(area.current.innerHTML));

  function rememberSelection() {
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0 && area.current?.contains(selection.anchorNode)) saved.current = selection.getRangeAt(0).cloneRange();
  }

  function restoreSelection() {
    area.current?.focus();
    const selection = window.getSelection();
    if (saved.current && selection) {
      selection.removeAllRanges();
      selection.addRange(saved.current);
    }
  }

  function command(name: string, argument?: string) {
    restoreSelection();
    // execCommand is deprecated but still the one editing primitive every browser implements for
    // contentEditable; the output is cleaned right after.
    document.execCommand(name, false, argument);
    emit();
  }

  function insertText(text: string) {
    restoreSelection();
    document.execCommand('insertText', false, text);
    emit();
  }

  const tool = (name: string, icon: React.ReactNode, run: () => void) => (
    <Button type="button" variant="ghost" size="icon-sm" className="size-7" aria-label={name} title={name} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {icon}
    </Button>
  );

  return (
    <div className="overflow-hidden rounded-md border border-input bg-card shadow-xs focus-within:border-primary">
      <div role="toolbar" aria-label={`${label} formatting`} className="flex items-center gap-0.5 border-b border-border px-1 py-1">
        {sections && tool('Section heading', <Heading3 aria-hidden="true" />, () => command('formatBlock', 'h3'))}
        {tool('Bold', <Bold aria-hidden="true" />, () => command('bold'))}
        {tool('Italic', <Italic aria-hidden="true" />, () => command('italic'))}
        {tool('Underline', <Underline aria-hidden="true" />, () => command('underline'))}
        <Popover open={linking} onOpenChange={setLinking}>
          <PopoverAnchor asChild>
            <span>
              {tool('Link', <Link aria-hidden="true" />, () => {
                rememberSelection();
                setHref('https://');
                setLinking(true);
              })}
            </span>
          </PopoverAnchor>
          <PopoverContent aria-label="Add a link" className="grid gap-2">
            <form
              className="grid gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                setLinking(false);
                command('createLink', href.trim());
              }}
            >
              <label htmlFor={`${id ?? label}-href`} className="text-sm font-medium">
                Link address
              </label>
              <Input id={`${id ?? label}-href`} value={href} onChange={(e) => setHref(e.target.value)} autoFocus />
              <div className="flex justify-end gap-2">
                <Button type="button" variant="ghost" size="sm" onClick={() => command('unlink')}>
                  Remove link
                </Button>
                <Button type="submit" size="sm">
                  Apply
                </Button>
              </div>
            </form>
          </PopoverContent>
        </Popover>
        {tool('Bulleted list', <List aria-hidden="true" />, () => command('insertUnorderedList'))}
        {tool('Numbered list', <ListOrdered aria-hidden="true" />, () => command('insertOrderedList'))}
        <span className="ml-auto">
          <MergeFieldPicker target={label.toLowerCase()} onOpen={rememberSelection} onInsert={insertText} {...(mergeFields ? { fields: mergeFields } : {})} />
        </span>
      </div>
      <div
        ref={area}
        id={id}
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        contentEditable
        suppressContentEditableWarning
        tabIndex={0}
        onInput={emit}
        onBlur={() => {
          rememberSelection();
          emit();
        }}
        onKeyUp={rememberSelection}
        onMouseUp={rememberSelection}
        className={cn(
          'min-h-28 px-3 py-2 text-sm outline-none [&_a]:text-primary [&_a]:underline [&_h3]:mt-3 [&_h3]:text-sm [&_h3]:font-semibold [&_h3]:first:mt-0 [&_ol]:list-decimal [&_ol]:pl-5 [&_p+p]:mt-2 [&_ul]:list-disc [&_ul]:pl-5',
          className,
        )}
        {...aria}
      />
    </div>
  );
}
