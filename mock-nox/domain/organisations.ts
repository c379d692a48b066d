import { errors } from '../errors/error-templates.ts';
import type { Organisation, OrganisationKind, Policies } from '../store/schema.ts';
import type { MockContext } from './mock-context.ts';

export function findOrganisationByKey(ctx: MockContext, apiKey: string): Organisation | undefined {
  return ctx.store.data.organisations.find((o) => o.api_key === apiKey);
}

export function getOrganisation(ctx: MockContext, id: string): Organisation {
  const org = ctx.store.data.organisations.find((o) => o.id === id);
  if (!org) throw errors.organisationNotFound(id);
  return org;
}

/** The global policies with the organisation's own overrides on top. */
export function policiesOf(ctx: MockContext, org: Organisation): Policies {
  return { ...ctx.store.data.policies, ...org.policies };
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

/** An allow-list entry: an absolute URL, or a loopback origin with a port or `*`. */
export function isRedirectEntry(entry: string): boolean {
  return LOOPBACK_ENTRY.test(entry) || (URL.canParse(entry) && /^https?:|^[a-z][a-z0-9+.-]*:/i.test(entry));
}

/** An absolute http: or https: URL with a host, as a webhook receiver needs. */
export function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:\/\/[^/?#]+/i.test(value);
}

const LOOPBACK_ENTRY = /^(https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]))(?::(\*|\d+))?\/?$/;

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

/**
 * Exact match on scheme, host, port and path (the query string is kept but not compared); an entry that
 * is a bare loopback origin, optionally with port `*`, allows every path on that origin.
 */
export function isRedirectAllowed(org: Organisation, url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return org.redirect_urls.some((entry) => {
    const wildcard = LOOPBACK_ENTRY.exec(entry);
    if (wildcard) {
      const [, origin, port] = wildcard;
      const sameHost = `${target.protocol}//${target.hostname}` === origin;
      return sameHost && (port === '*' || target.port === (port ?? ''));
    }
    try {
      const allowed = new URL(entry);
      return allowed.origin === target.origin && allowed.pathname === target.pathname;
    } catch {
      return false;
    }
  });
}
