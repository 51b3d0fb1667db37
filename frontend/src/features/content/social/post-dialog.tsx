// "New post" and "Edit post": the account, the text with its platform's counter, an optional link,
// and when it goes out (a date and time in the user's zone) or "save as draft". "Draft with AI"
// writes the text from a brief through the drafting API, which keeps the AI-written copy as a
// social-post asset the post then points at.
import { useEffect, useState } from 'react';
import { Sparkles } from 'lucide-react';
import { postLength, SOCIAL_PLATFORM_LABELS, SOCIAL_TEXT_LIMITS, type SocialAccountView, type SocialPostView } from '@shared/contracts/content-social';
import { FormDialog } from '@/components/form/form-dialog';
import { errorsByField } from '@/components/form/apply-api-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { createDraft, useDraftingStatus } from '../drafting/drafting-api';
import { NOT_CONFIGURED_LABEL } from '../drafting/draft-button';
import { createPost, updatePost, useSocialRefresh } from './social-api';

const pad = (n: number) => String(n).padStart(2, '0');
/** A Date as the value of a datetime-local input (the user's zone). */
export const localInputValue = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
/** The brief's first words (at most about 60 characters, whole words) for the drafted asset's title. */
function headline(brief: string): string {
  const text = brief.trim().replace(/\s+/g, ' ');
  if (text.length <= 60) return text;
  const cut = text.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : 60).replace(/[,.;:]$/, '')}…`;
}
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

interface PostForm {
  accountId: string;
  body: string;
  linkUrl: string;
  when: 'schedule' | 'draft';
  at: string;
  asset: { id: string; versionId: string; title: string } | null;
}

export interface PostDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  accounts: SocialAccountView[];
  /** Editing this post (draft or scheduled); a new post otherwise. */
  post?: SocialPostView | null;
  /** A new post's default time. */
  defaultAt?: Date;
}

function initial(accounts: SocialAccountView[], post: SocialPostView | null | undefined, defaultAt?: Date): PostForm {
  if (post) {
    return {
      accountId: post.account.id,
      body: post.body,
      linkUrl: post.linkUrl ?? '',
      when: post.scheduledAt ? 'schedule' : 'draft',
      at: localInputValue(post.scheduledAt ? new Date(post.scheduledAt) : new Date(Date.now() + 3_600_000)),
      asset: null,
    };
  }
  const connected = accounts.find((a) => a.state === 'connected') ?? accounts[0];
  return { accountId: connected?.id ?? '', body: '', linkUrl: '', when: 'schedule', at: localInputValue(defaultAt ?? new Date(Date.now() + 3_600_000)), asset: null };
}

export function PostDialog({ open, onOpenChange, accounts, post, defaultAt }: PostDialogProps) {
  const refresh = useSocialRefresh();
  const drafting = useDraftingStatus(open);
  const [values, setValues] = useState<PostForm>(() => initial(accounts, post, defaultAt));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [briefOpen, setBriefOpen] = useState(false);
  const [brief, setBrief] = useState('');
  const [drafting_, setDrafting] = useState(false);

  useEffect(() => {
    if (!open) return;
    setValues(initial(accounts, post, defaultAt));
    setErrors({});
    setBriefOpen(false);
    setBrief('');
    // Only on opening: the accounts list refreshing must not wipe what is typed.
  }, [open]);

  const account = accounts.find((a) => a.id === values.accountId);
  const platform = account?.platform ?? 'linkedin';
  const limit = SOCIAL_TEXT_LIMITS[platform];
  const length = postLength(platform, values.body, values.linkUrl.trim() || null);
  const set = <K extends keyof PostForm>(key: K, value: PostForm[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key === 'at' ? 'scheduledAt' : key]: _dropped, form: _form, ...rest }) => rest);
  };

  async function draftWithAi() {
    if (brief.trim().length < 10) {
      setErrors((e) => ({ ...e, brief: 'Say in at least 10 characters what the post is for.' }));
      return;
    }
    setDrafting(true);
    try {
      const title = `${SOCIAL_PLATFORM_LABELS[platform]} post: ${headline(brief)}`;
      const draft = await createDraft({ brief: brief.trim(), kind: 'social_post', platform, title, tags: ['social'] });
      setValues((v) => ({ ...v, body: draft.body, asset: { id: draft.assetId, versionId: draft.versionId, title } }));
      setErrors(({ body: _b, brief: _r, ...rest }) => rest);
      setBriefOpen(false);
      toast.success('Drafted with AI: check the text before it goes out.');
    } catch (error) {
      setErrors((e) => ({ ...e, brief: describeError(error) }));
    } finally {
      setDrafting(false);
    }
  }

  async function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.accountId) problems.accountId = 'Choose the account it goes out as.';
    if (!values.body.trim()) problems.body = 'Write the post.';
    else if (length > limit) problems.body = `${length} characters: ${SOCIAL_PLATFORM_LABELS[platform]} allows ${limit.toLocaleString('en-US')}.`;
    const at = values.when === 'schedule' ? new Date(values.at) : null;
    if (values.when === 'schedule' && (!values.at || Number.isNaN(at!.getTime()))) problems.scheduledAt = 'Choose a date and time.';
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    setPending(true);
    try {
      const linkUrl = values.linkUrl.trim() || null;
      const scheduledAt = at ? at.toISOString() : null;
      const saved = post
        ? await updatePost(post.id, { body: values.body.trim(), linkUrl, scheduledAt })
        : await createPost({ accountId: values.accountId, body: values.body.trim(), linkUrl, scheduledAt, ...(values.asset ? { assetId: values.asset.id, versionId: values.asset.versionId } : {}) });
      toast.success(saved.state === 'scheduled' ? `Scheduled for ${new Date(saved.scheduledAt!).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.` : 'Saved as a draft.');
      refresh();
      onOpenChange(false);
    } catch (error) {
      const byPath = errorsByField(error);
      setErrors(Object.fromEntries(Object.entries(byPath).map(([path, message]) => [path.replace(/^body\./, ''), message])));
    } finally {
      setPending(false);
    }
  }

  const shown = new Set(['accountId', 'body', 'linkUrl', 'scheduledAt', 'brief']);
  const leftover = Object.entries(errors)
    .filter(([field]) => !shown.has(field))
    .map(([field, message]) => (field === 'form' ? message : `${field}: ${message}`))
    .join(' ');
  const aiReady = drafting.data?.configured === true;

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={post ? 'Edit post' : 'New post'}
      description={post ? 'Change the text or when it goes out.' : 'Write it, or draft it with AI, then schedule it or keep it as a draft.'}
      size="lg"
      onSubmit={(event) => submit(event)}
      pending={pending}
      formError={leftover || null}
      submitLabel={values.when === 'schedule' ? 'Schedule' : 'Save draft'}
    >
      <Field label="Account" required error={errors.accountId}>
        {(control) => (
          <OptionSelect
            {...control}
            value={values.accountId || undefined}
            onValueChange={(v) => set('accountId', v)}
            disabled={Boolean(post)}
            placeholder={accounts.length ? 'Choose the account' : 'No account connected'}
            options={accounts.map((a) => ({ value: a.id, label: `${SOCIAL_PLATFORM_LABELS[a.platform]} · ${a.name}${a.state === 'connected' ? '' : ` (${a.state})`}` }))}
          />
        )}
      </Field>

      <div className="grid gap-2 rounded-lg border border-border p-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span className="text-sm text-muted-foreground">{values.asset ? `From the AI-written asset “${values.asset.title}”.` : 'Let AI write a first draft from a brief.'}</span>
          <Button type="button" variant="outline" size="sm" disabled={!aiReady} onClick={() => setBriefOpen((o) => !o)} aria-expanded={briefOpen}>
            <Sparkles aria-hidden="true" />
            {drafting.isLoading ? 'Draft with AI' : aiReady ? 'Draft with AI' : NOT_CONFIGURED_LABEL}
          </Button>
        </div>
        {briefOpen && (
          <div className="grid gap-2">
            <Field label="Brief" error={errors.brief} hint={`What the post is for and who reads it. At most ${limit.toLocaleString('en-US')} characters for ${SOCIAL_PLATFORM_LABELS[platform]}.`}>
              <Textarea rows={3} value={brief} onChange={(e) => setBrief(e.target.value)} maxLength={4000} placeholder="Announce our zero-trust playbook for mid-market CIOs; free download." />
            </Field>
            <div>
              <Button type="button" size="sm" onClick={() => void draftWithAi()} disabled={drafting_}>
                {drafting_ ? 'Writing…' : 'Write draft'}
              </Button>
            </div>
          </div>
        )}
      </div>

      <Field
        label="Text"
        required
        error={errors.body}
        hint={
          <span className={cn('tabular-nums', length > limit && 'font-medium text-danger-text')} data-testid="post-counter">
            {length.toLocaleString('en-US')} / {limit.toLocaleString('en-US')} characters on {SOCIAL_PLATFORM_LABELS[platform]}
            {platform === 'x' && values.linkUrl.trim() ? ' (the link counts 23)' : ''}
          </span>
        }
      >
        <Textarea rows={6} value={values.body} onChange={(e) => set('body', e.target.value)} />
      </Field>
      <Field label="Link" error={errors.linkUrl} hint="Optional: the page the post points to.">
        <Input type="url" value={values.linkUrl} onChange={(e) => set('linkUrl', e.target.value)} placeholder="https://…" />
      </Field>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">When</legend>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="when" checked={values.when === 'schedule'} onChange={() => set('when', 'schedule')} className="accent-primary" />
            Schedule
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="when" checked={values.when === 'draft'} onChange={() => set('when', 'draft')} className="accent-primary" />
            Save as draft
          </label>
        </div>
        {values.when === 'schedule' && (
          <Field label="Date and time" required error={errors.scheduledAt} hint={`In your time zone (${zone()}).`}>
            <Input type="datetime-local" value={values.at} onChange={(e) => set('at', e.target.value)} className="w-auto" />
          </Field>
        )}
      </fieldset>
    </FormDialog>
  );
}
