// One email's content as the author edits it: subject and preheader (with merge fields), and
// the body in the block editor or as HTML. Campaign variants and saved templates both use it;
// the owner keeps the draft and saves it.
import type { ReactNode } from 'react';
import { Code2, LayoutTemplate } from 'lucide-react';
import { MAX_PREHEADER_CHARS, MAX_SUBJECT_CHARS, type EmailDocument } from '@shared/contracts/email-content';
import { FormError } from '@/components/form/form-error';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { cn } from '@/lib/utils';
import type { ContentDraft, ContentErrors } from './content-draft';
import { BlockEditor } from './editor/block-editor';
import { MergeTextField } from './merge-text-field';

export interface ContentEditorProps {
  draft: ContentDraft;
  onChange: (update: (draft: ContentDraft) => ContentDraft) => void;
  errors: ContentErrors | null;
  /** Beside the mode switch: the save status, variant actions. */
  toolbar?: ReactNode;
  /** Names the canvas: "Variant A content". */
  label?: string;
}

const SUBJECT_HINT_CHARS = 60;

export function ContentEditor({ draft, onChange, errors, toolbar, label = 'Email content' }: ContentEditorProps) {
  const setDocument = (update: (doc: EmailDocument) => EmailDocument) => onChange((d) => ({ ...d, document: update(d.document) }));
  const subjectLength = draft.subject.length;
  return (
    <div className="grid gap-5">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Subject"
          error={errors?.subject?.join('; ')}
          hint={subjectLength > SUBJECT_HINT_CHARS ? `${subjectLength} characters: phones cut subjects after about ${SUBJECT_HINT_CHARS}.` : `${subjectLength} characters.`}
        >
          {(control) => (
            <MergeTextField {...control} target="subject" value={draft.subject} onValueChange={(subject) => onChange((d) => ({ ...d, subject }))} maxLength={MAX_SUBJECT_CHARS} autoComplete="off" />
          )}
        </Field>
        <Field label="Preheader" error={errors?.preheader?.join('; ')} hint="The preview text most inboxes show after the subject.">
          {(control) => (
            <MergeTextField {...control} target="preheader" value={draft.preheader} onValueChange={(preheader) => onChange((d) => ({ ...d, preheader }))} maxLength={MAX_PREHEADER_CHARS} autoComplete="off" />
          )}
        </Field>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="Editing mode" className="inline-flex h-9 items-center gap-1 rounded-lg bg-muted p-1">
          {(
            [
              ['blocks', 'Block editor', <LayoutTemplate key="b" aria-hidden="true" />],
              ['html', 'HTML', <Code2 key="h" aria-hidden="true" />],
            ] as const
          ).map(([mode, text, icon]) => (
            <Button
              key={mode}
              variant="ghost"
              size="sm"
              aria-pressed={draft.mode === mode}
              className={cn('h-7 px-3', draft.mode === mode ? 'bg-card text-foreground shadow-sm hover:bg-card' : 'text-muted-foreground')}
              onClick={() => onChange((d) => ({ ...d, mode }))}
            >
              {icon}
              {text}
            </Button>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-3">{toolbar}</div>
      </div>

      {errors?.document && (
        <FormError>
          <span className="font-semibold">The email cannot be saved yet:</span>
          <ul className="mt-1 list-disc pl-5">
            {errors.document.slice(0, 8).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </FormError>
      )}

      {draft.mode === 'blocks' ? (
        <BlockEditor value={draft.document} onChange={setDocument} label={label} />
      ) : (
        <div className="grid gap-2">
          <p className="text-sm text-muted-foreground">
            Your own HTML: it is sanitized on save (scripts and event handlers are removed) and must carry the unsubscribe link, <code className="font-mono text-xs">{'{{ unsubscribe_url }}'}</code>. The block
            document is kept; switching back to the block editor uses it again.
          </p>
          <Field label="HTML" error={errors?.html?.join('; ')}>
            {(control) => (
              <MergeTextField
                {...control}
                multiline
                target="HTML"
                value={draft.html}
                onValueChange={(html) => onChange((d) => ({ ...d, html }))}
                rows={22}
                spellCheck={false}
                className="[&_textarea]:font-mono [&_textarea]:text-[12.5px]"
              />
            )}
          </Field>
        </div>
      )}
    </div>
  );
}
