// The Verify step: the lead's account against its campaign's criteria (lead_campaign_settings
// .criteria) from our account data, then, with an OpenAI key and LEADS_ENRICHMENT on, an AI
// enrichment of what our data leaves unknown. Enrichment findings are marked `source: 'ai'`.
// Enrichment is optional: when it fails, its stage row says why and the check stands on our data.
import { z } from 'zod';
import type { AccountCheck } from '@shared/contracts/leads';
import { openAiFor, type StructuredModel } from '../../../adapters/openai';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { leadAccountChecks } from '../../../db/schema';
import { checkAccount } from './account-check';
import { tokenCostMicros } from './costs';
import { loadLeadFacts, type AccountFacts } from './lead-facts';
import { currentRunLead, failureText, recordStage, setPipelineStatus, type PipelineRun } from './run';

export const ACCOUNT_ENRICHMENT_FORMAT = 'account_enrichment';

const enrichmentSchema = z.object({
  findings: z.array(
    z.object({
      criterion: z.enum(['industry', 'employees', 'revenue', 'country', 'technologies']),
      /** industry name, employee count, annual revenue in USD, ISO country code, technologies comma-separated; null when unknown. */
      value: z.string().nullable(),
    }),
  ),
});

/** The account as the findings describe it (only the criteria that were unknown). */
function enrichedAccount(account: AccountFacts | null, findings: z.infer<typeof enrichmentSchema>['findings']): AccountFacts {
  const base: AccountFacts = account ?? { id: '', name: '', domain: null, industry: null, subIndustry: null, employeeCount: null, employeeRange: null, annualRevenue: null, revenueRange: null, country: null, technologies: [] };
  const next = { ...base, technologies: [...base.technologies] };
  for (const f of findings) {
    const value = f.value?.trim();
    if (!value) continue;
    const amount = Number(value.replace(/[,$\s]/g, ''));
    if (f.criterion === 'industry') next.industry = value;
    if (f.criterion === 'employees' && Number.isFinite(amount)) next.employeeCount = Math.round(amount);
    if (f.criterion === 'revenue' && Number.isFinite(amount)) next.annualRevenue = amount;
    if (f.criterion === 'country' && /^[A-Za-z]{2}$/.test(value)) next.country = value.toUpperCase();
    if (f.criterion === 'technologies') next.technologies = value.split(',').map((t) => t.trim()).filter(Boolean);
  }
  return next;
}

async function enrich(deps: Deps, run: PipelineRun, model: StructuredModel, account: AccountFacts | null, check: AccountCheck, facts: Awaited<ReturnType<typeof loadLeadFacts>>): Promise<AccountCheck> {
  const unknown = check.checks.filter((c) => c.verdict === 'unknown').map((c) => c.criterion);
  // Paid, and optional: a run replaced since Verify began asks nothing (and ends as superseded, not as a failed enrichment).
  await currentRunLead(deps.db, run);
  const startedAt = deps.now();
  try {
    const answer = await model.parse({
      name: ACCOUNT_ENRICHMENT_FORMAT,
      schema: enrichmentSchema,
      instructions: 'You research B2B companies. For each criterion asked, give the value you know for the company, or null when you do not know. Do not guess.',
      input: JSON.stringify({ company: account?.name ?? facts.fields.company ?? null, domain: account?.domain ?? facts.fields.domain ?? null, criteria: unknown }),
    });
    const rechecked = checkAccount(facts.criteria, enrichedAccount(account, answer.value.findings.filter((f) => unknown.includes(f.criterion))));
    const checks = check.checks.map((c) => {
      if (c.verdict !== 'unknown') return c;
      const found = rechecked.checks.find((r) => r.criterion === c.criterion);
      return found && found.verdict !== 'unknown' ? { ...found, source: 'ai' as const } : c;
    });
    await recordStage(deps.db, run, {
      stage: 'enrich',
      outcome: 'ok',
      startedAt,
      endedAt: deps.now(),
      vendor: 'openai',
      model: answer.model,
      inputTokens: answer.inputTokens,
      outputTokens: answer.outputTokens,
      costMicros: tokenCostMicros(answer.model, answer.inputTokens, answer.outputTokens),
    });
    return { matched: checks.every((c) => c.verdict === 'match'), checks, enriched: true };
  } catch (error) {
    await recordStage(deps.db, run, { stage: 'enrich', outcome: 'failed', startedAt, endedAt: deps.now(), vendor: 'openai', model: model.model, error: failureText(error) });
    return check;
  }
}

export async function verifyLeadAccount(deps: Deps, run: PipelineRun): Promise<{ matched: boolean; enriched: boolean }> {
  await setPipelineStatus(deps.db, run, 'verifying', deps.now());
  const startedAt = deps.now();
  const facts = await loadLeadFacts(deps, run.leadId);
  let check = checkAccount(facts.criteria, facts.account);
  const model = openAiFor(deps.config);
  if (model && deps.config.LEADS_ENRICHMENT && check.checks.some((c) => c.verdict === 'unknown')) check = await enrich(deps, run, model, facts.account, check, facts);
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    await currentRunLead(tx, run, true);
    const at = deps.now();
    await tx
      .insert(leadAccountChecks)
      .values({ leadId: run.leadId, matched: check.matched, result: check, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: leadAccountChecks.leadId, set: { matched: check.matched, result: check, updatedAt: at } });
    await recordStage(tx, run, { stage: 'verify', outcome: 'ok', startedAt, endedAt: at, vendor: check.enriched ? 'data+ai' : 'data' });
  });
  return { matched: check.matched, enriched: check.enriched };
}
