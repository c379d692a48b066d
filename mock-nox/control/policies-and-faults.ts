import type { operations } from '../../openapi/generated/nox-control.ts';
import { brands, findBrand } from '../domain/brands.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { getOrganisation, policiesOf } from '../domain/organisations.ts';
import { errors } from '../errors/error-templates.ts';
import type { JsonBody } from '../http/operation-types.ts';
import { defaultPolicies } from '../store/seed.ts';

/** GET /__nox/policies: the policies in force, the defaults' or one organisation's. */
export function readPolicies(ctx: MockContext, organisationId: string | undefined) {
  return organisationId === undefined
    ? { ...defaultPolicies, ...ctx.store.data.policies }
    : policiesOf(ctx, getOrganisation(ctx, organisationId));
}

/** PUT /__nox/policies: changes the defaults' policies, or one organisation's. */
export function changePolicies(ctx: MockContext, body: JsonBody<operations['putPolicies']>) {
  const { organisation_id, ...changes } = body;
  if (organisation_id === undefined) return Object.assign(ctx.store.data.policies, changes);
  const org = getOrganisation(ctx, organisation_id);
  Object.assign(org.policies, changes);
  return policiesOf(ctx, org);
}

/** PUT /__nox/faults: an organisation's brand outages and route faults, replaced as a whole. */
export function setFaults(ctx: MockContext, body: JsonBody<operations['putFaults']>) {
  const org = getOrganisation(ctx, body.organisation_id);
  const unknown = (body.brand_outages ?? []).filter((b) => !findBrand(b));
  if (unknown.length > 0)
    throw errors.brandUnknown(
      unknown.join(', '),
      brands.map((b) => b.slug),
    );
  org.brand_outages = body.brand_outages ?? [];
  org.route_faults = body.routes ?? [];
  return { organisation_id: org.id, brand_outages: org.brand_outages, routes: org.route_faults };
}
