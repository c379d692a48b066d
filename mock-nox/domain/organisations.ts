import { errors } from '../errors/error-templates.ts';
import type { NoxUser, Organisation, OrganisationKind, Policies } from '../store/schema.ts';
import { defaultPolicies } from '../store/seed.ts';
import type { MockContext } from './mock-context.ts';
import { isRedirectAllowedBy, isRedirectEntry } from './redirect-allow-list.ts';

export { isRedirectEntry };

export function findOrganisationByKey(ctx: MockContext, apiKey: string): Organisation | undefined {
  return ctx.store.find.organisationByKey(apiKey);
}

export function getOrganisation(ctx: MockContext, id: string): Organisation {
  const org = ctx.store.find.organisation(id);
  if (!org) throw errors.organisationNotFound(id);
  return org;
}

/** The NOX user with this id (a supplier's or a manufacturer's), if any. */
export function findNoxUser(ctx: MockContext, id: string): NoxUser | undefined {
  return ctx.store.find.noxUser(id);
}

/**
 * The global policies with the organisation's own overrides on top, over the defaults: a database written
 * before a policy existed has no value for it.
 */
export function policiesOf(ctx: MockContext, org: Organisation): Policies {
  return { ...defaultPolicies, ...ctx.store.data.policies, ...org.policies };
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  redirect_urls?: string[];
  oauth_login_url?: string | null;
  webhook_url?: string | null;
  webhook_events?: string[] | null;
  brands?: string[];
}

/** An absolute http: or https: URL with a host, as a webhook receiver needs. */
export function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:\/\/[^/?#]+/i.test(value);
}

export function createOrganisation(ctx: MockContext, input: NewOrganisation): Organisation {
  const bad = (input.redirect_urls ?? []).filter((u) => !isRedirectEntry(u));
  if (bad.length > 0) throw errors.redirectEntryInvalid(bad);
  if (input.webhook_url != null && !isHttpUrl(input.webhook_url))
    throw errors.webhookUrlInvalid(input.webhook_url);
  if (input.oauth_login_url != null && !isHttpUrl(input.oauth_login_url))
    throw errors.oauthLoginUrlInvalid(input.oauth_login_url);
  const org: Organisation = {
    id: ctx.ids.organisationId(),
    kind: input.kind,
    name: input.name,
    api_key: ctx.ids.apiKey(),
    redirect_urls: input.redirect_urls ?? [],
    oauth_login_url: input.oauth_login_url ?? null,
    webhook_url: input.webhook_url ?? null,
    webhook_events: input.webhook_events ?? null,
    brands: input.brands ?? [],
    policies: {},
    clock_offset_seconds: 0,
    brand_outages: [],
    route_faults: [],
    created_at: ctx.clock.now(),
  };
  ctx.store.data.organisations.push(org);
  return org;
}

/** Whether the organisation's allow-list allows the URL (see redirect-allow-list.ts). */
export function isRedirectAllowed(org: Organisation, url: string): boolean {
  return isRedirectAllowedBy(org.redirect_urls, url);
}
