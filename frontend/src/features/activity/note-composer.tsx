// Writes a note on a record: plain text with paragraphs and @mentions of colleagues (typing "@"
// offers names; arrow keys and Enter pick one). Ctrl/⌘+Enter saves.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { describeError, isApiError } from '@/lib/api';
import { mentionCandidates, useAddNote, type RecordKind } from './activity-api';
import { mentionQueryAt, noteToHtml, type Mention } from './note-html';

export function NoteComposer({ kind, id }: { kind: RecordKind; id: string }) {
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [options, setOptions] = useState<Mention[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const add = useAddNote(kind, id);

  useEffect(() => {
    if (!typing) return setOptions([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      mentionCandidates(typing.query, controller.signal)
        .then((r) => {
          setOptions(r.items.map((u) => ({ id: u.id, name: u.name || u.username })));
          setActive(0);
        })
        .catch(() => setOptions([]));
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [typing]);

  function pick(m: Mention) {
    if (!typing) return;
    const caret = typing.start + 1 + typing.query.length;
    const next = `${text.slice(0, typing.start)}@${m.name} ${text.slice(caret)}`;
    setText(next);
    setMentions((list) => (list.some((x) => x.id === m.id) ? list : [...list, m]));
    setTyping(null);
    requestAnimationFrame(() => {
      const at = typing.start + m.name.length + 2;
      area.current?.focus();
      area.current?.setSelectionRange(at, at);
    });
  }

  async function save() {
    if (!text.trim()) return setError('Write something first.');
    try {
      await add.mutateAsync(noteToHtml(text, mentions.filter((m) => text.includes(`@${m.name}`))));
      setText('');
      setMentions([]);
      setError(null);
      toast.success('Note added.');
    } catch (e) {
      setError(isApiError(e, 'invalid') ? (Object.values(e.fieldErrors)[0]?.[0] ?? describeError(e)) : describeError(e));
    }
  }

  const listId = `${kind}-${id}-mentions`;
  return (
    <div className="grid gap-2">
      <div className="relative">
        <Textarea
          ref={area}
          aria-label="New note"
          placeholder="Add a note… type @ to mention a colleague"
          value={text}
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${listId}-error` : undefined}
          aria-autocomplete="list"
          aria-controls={options.length ? listId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
            setTyping(mentionQueryAt(e.target.value, e.target.selectionStart));
          }}
          onKeyDown={(e) => {
            if (options.length && typing) {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
                return;
              }
              if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                pick(options[active]!);
                return;
              }
              if (e.key === 'Escape') return setTyping(null);
            }
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
        {typing && options.length > 0 && (
          <ul id={listId} role="listbox" aria-label="Mention a colleague" className="absolute left-2 top-full z-20 mt-1 w-64 overflow-hidden rounded-md border border-border bg-popover py-1 text-sm shadow-md">
            {options.map((m, i) => (
              <li
                key={m.id}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-1.5 ${i === active ? 'bg-muted' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
              >
                {m.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={`${listId}-error`} className="text-sm text-danger-text">
          {error}
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button size="sm" onClick={() => void save()} disabled={add.isPending}>
          {add.isPending ? 'Saving…' : 'Add note'}
        </Button>
        <span className="text-xs text-muted-foreground">Ctrl+Enter</span>
      </div>
    </div>
  );
}
