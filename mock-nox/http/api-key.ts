import type { MockContext } from '../domain/mock-context.ts';
import { errors } from '../errors/error-templates.ts';
import type { Organisation, OrganisationKind } from '../store/schema.ts';
import type { MockRequest, MockResponse } from './router.ts';

/**
 * The organisation behind the request's key (`x-api-key`, or on v1 also `Authorization: ApiKey <key>`),
 * which must be of the kind the endpoint serves. Also tells the journal whose request this is.
 */
export function authenticate(
  ctx: MockContext,
  req: MockRequest,
  res: MockResponse,
  kind: OrganisationKind | OrganisationKind[],
  options: { allowAuthorizationHeader?: boolean } = {},
): Organisation {
  const header = req.get('x-api-key');
  const authorization = options.allowAuthorizationHeader
    ? /^ApiKey\s+(\S+)$/i.exec(req.get('authorization') ?? '')
    : null;
  const key = header ?? authorization?.[1];
  if (!key) throw options.allowAuthorizationHeader ? errors.apiKeyMissingV1() : errors.apiKeyMissing();
  // Read only: no API call changes its caller's organisation, so its record stays out of the next commit.
  const org = ctx.store.peek.organisationByKey(key);
  if (!org) throw errors.apiKeyInvalid();
  res.locals.organisationId = org.id;
  const kinds = Array.isArray(kind) ? kind : [kind];
  if (!kinds.includes(org.kind)) throw errors.wrongOrganisationKind(kinds.join(' or '), org.name, org.kind);
  return org;
}
