// Client organisations: the tenants client users belong to. Names are unique ignoring case.
import type {
  CreateOrganisationRequest,
  Organisation,
  OrganisationListQuery,
  OrganisationListResponse,
} from '@shared/contracts/identity';
import type { Deps } from '../../core/deps';
import { AppError, invalid } from '../../core/app-error';
import { writeAudit } from './audit';
import type { Actor } from '../../core/actor';
import { insertOrganisation, listOrganisations } from './repo';
import { logSecurityEvent } from '../../core/security-log';
import { toOrganisation } from './views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function searchOrganisations(deps: Pick<Deps, 'db'>, query: OrganisationListQuery): Promise<OrganisationListResponse> {
  if (query.cursor !== undefined && !UUID.test(query.cursor)) throw invalid('query.cursor', 'is not a cursor this API gave out');
  const rows = await listOrganisations(deps.db, { q: query.q || undefined, afterId: query.cursor, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return { items: page.map(toOrganisation), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

export async function createOrganisation(
  deps: Deps,
  input: { request: CreateOrganisationRequest; context: Actor },
): Promise<Organisation> {
  const now = deps.now();
  const organisation = await deps.db.transaction(async (tx) => {
    const row = await insertOrganisation(tx, input.request.name, now);
    if (!row) {
      throw new AppError('conflict', {
        detail: `An organisation named "${input.request.name}" already exists.`,
        errors: [{ field: 'body.name', message: 'is already taken' }],
      });
    }
    await writeAudit(tx, input.context, {
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: row.id,
      before: null,
      after: { name: row.name },
      at: now,
    });
    return toOrganisation(row);
  });
  logSecurityEvent(deps.logger, 'organisation.created', { actorId: input.context.userId, orgId: organisation.id });
  return organisation;
}
