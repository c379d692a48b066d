import type { Request, Response } from 'express';
import type { MockContext } from '../domain/mock-context.ts';
import { findOrganisationByKey } from '../domain/organisations.ts';
import { errors } from '../errors/error-templates.ts';
import type { Organisation, OrganisationKind } from '../store/schema.ts';

/**
 * The organisation behind the request's key (`x-api-key`, or on v1 also `Authorization: ApiKey <key>`),
 * which must be of the kind the endpoint serves. Also tells the journal whose request this is.
 */
export function authenticate(
  ctx: MockContext,
  req: Request,
  res: Response,
  kind: OrganisationKind | OrganisationKind[],
  options: { allowAuthorizationHeader?: boolean } = {},
): Organisation {
  const header = req.get('x-api-key');
  const authorization = options.allowAuthorizationHeader
    ? /^ApiKey\s+(\S+)$/i.exec(req.get('authorization') ?? '')
    : null;
  const key = header ?? authorization?.[1];
  if (!key) throw options.allowAuthorizationHeader ? errors.apiKeyMissingV1() : errors.apiKeyMissing();
  const org = findOrganisationByKey(ctx, key);
  if (!org) throw errors.apiKeyInvalid();
  res.locals.organisationId = org.id;
  const kinds = Array.isArray(kind) ? kind : [kind];
  if (!kinds.includes(org.kind)) throw errors.wrongOrganisationKind(kinds.join(' or '), org.name, org.kind);
  return org;
}
