// Saved templates: content compiled once, at save, through the content library (blocks → MJML →
// HTML, or the author's HTML sanitized; the plain-text part generated). Content with a Liquid or
// MJML problem is not saved: the answer is a 400 naming the field. Deleting is soft.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Template, TemplateInput, TemplateSummary } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import { AppError, notFound } from '../../../core/app-error';
import { emailTemplates, users } from '../../../db/schema';
import { compileContent, type CompileOptions } from '../content';

type Ctx = Pick<Deps, 'db' | 'now'>;
export type TemplateDeps = Ctx & CompileOptions;

const updatedByName = sql<string | null>`(select u.first_name || ' ' || u.last_name from ${users} u where u.id = ${emailTemplates.updatedBy})`;

const summaryColumns = {
  id: emailTemplates.id,
  name: emailTemplates.name,
  mode: emailTemplates.mode,
  subject: emailTemplates.subject,
  updatedAt: emailTemplates.updatedAt,
  updatedByName,
};

const live = (id: string) => and(eq(emailTemplates.id, id), isNull(emailTemplates.deletedAt));

export async function listTemplates(deps: Ctx): Promise<TemplateSummary[]> {
  const rows = await deps.db.select(summaryColumns).from(emailTemplates).where(isNull(emailTemplates.deletedAt)).orderBy(desc(emailTemplates.updatedAt), desc(emailTemplates.id));
  return rows.map((r) => ({ ...r, mode: r.mode as TemplateSummary['mode'], updatedAt: r.updatedAt.toISOString() }));
}

export async function getTemplate(deps: Ctx, id: string): Promise<Template> {
  const [row] = await deps.db
    .select({ ...summaryColumns, preheader: emailTemplates.preheader, document: emailTemplates.document, html: emailTemplates.html, text: emailTemplates.text, createdAt: emailTemplates.createdAt })
    .from(emailTemplates)
    .where(live(id));
  if (!row) throw notFound('template');
  return { ...row, mode: row.mode as Template['mode'], document: row.document ?? null, updatedAt: row.updatedAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

/** The columns a save stores, or a 400 naming each field the content library found a problem in. */
async function compiledColumns(deps: TemplateDeps, input: TemplateInput) {
  const compiled = await compileContent(input.content, { assetUrl: deps.assetUrl });
  if (compiled.issues.length) {
    const errors = compiled.issues.map((issue) => ({ field: `body.content.${issue.field}`, message: issue.line ? `${issue.reason} (line ${issue.line})` : issue.reason }));
    throw new AppError('invalid', { errors, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
  }
  return {
    name: input.name,
    mode: input.content.mode,
    subject: compiled.subject,
    preheader: compiled.preheader,
    document: input.content.mode === 'blocks' ? (input.content.document ?? null) : null,
    mjml: compiled.mjml,
    html: compiled.html,
    text: compiled.text,
  };
}

export async function createTemplate(deps: TemplateDeps, input: TemplateInput, userId: string | null): Promise<Template> {
  const columns = await compiledColumns(deps, input);
  const now = deps.now();
  const [row] = await deps.db
    .insert(emailTemplates)
    .values({ ...columns, createdBy: userId, updatedBy: userId, createdAt: now, updatedAt: now })
    .returning({ id: emailTemplates.id });
  return getTemplate(deps, row!.id);
}

export async function updateTemplate(deps: TemplateDeps, id: string, input: TemplateInput, userId: string | null): Promise<Template> {
  const columns = await compiledColumns(deps, input);
  const updated = await deps.db
    .update(emailTemplates)
    .set({ ...columns, updatedBy: userId, updatedAt: deps.now() })
    .where(live(id))
    .returning({ id: emailTemplates.id });
  if (!updated.length) throw notFound('template');
  return getTemplate(deps, id);
}

/** A copy under a new name ("Copy of …" unless given); its content is already compiled. */
export async function duplicateTemplate(deps: Ctx, id: string, name: string | undefined, userId: string | null): Promise<Template> {
  const [source] = await deps.db.select().from(emailTemplates).where(live(id));
  if (!source) throw notFound('template');
  const now = deps.now();
  const [row] = await deps.db
    .insert(emailTemplates)
    .values({
      name: name ?? `Copy of ${source.name}`.slice(0, 120),
      mode: source.mode,
      subject: source.subject,
      preheader: source.preheader,
      document: source.document,
      mjml: source.mjml,
      html: source.html,
      text: source.text,
      createdBy: userId,
      updatedBy: userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: emailTemplates.id });
  return getTemplate(deps, row!.id);
}

/** Soft: campaigns copied the content when they were made from it, so nothing depends on the row. */
export async function deleteTemplate(deps: Ctx, id: string): Promise<void> {
  const deleted = await deps.db.update(emailTemplates).set({ deletedAt: deps.now(), updatedAt: deps.now() }).where(live(id)).returning({ id: emailTemplates.id });
  if (!deleted.length) throw notFound('template');
}
