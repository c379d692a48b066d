import type { CustomerClient } from './customer-client.ts';
import type { StartedSupplier, SupplierFixture } from './supplier-fixture.ts';

/** What the mock answered when the user chose this supplier on NOX's web app. */
export interface OAuthStart {
  state: string;
  /** The app's OAuth page with state, redirect_uri and language, where NOX sends the browser. */
  oauthUrl: string;
  redirectUri: string;
  nox_user_id: string | null;
}

/** The user signs in on NOX's web app and chooses the app (control API): the browser would be on its page now. */
export async function startAtWebApp(
  f: SupplierFixture,
  app: StartedSupplier,
  username = `web-${Math.random().toString(36).slice(2, 8)}`,
): Promise<OAuthStart> {
  const start = await f.control<{ redirect_url: string; state: string; nox_user_id: string | null }>(
    'POST',
    '/__nox/web-app/connections',
    { brand: 'daikin', username, supplier_organisation_id: app.organisationId, language: 'en' },
  );
  const oauthUrl = new URL(start.redirect_url);
  const redirectUri = oauthUrl.searchParams.get('redirect_uri') ?? '';
  return { state: start.state, oauthUrl: start.redirect_url, redirectUri, nox_user_id: start.nox_user_id };
}

/** Submits the OAuth page's form as the page would (its hidden fields, the customer id, a button). */
export function submitOAuthForm(
  customer: CustomerClient,
  start: OAuthStart,
  form: { customer_id?: string; decision?: string; redirect_uri?: string; state?: string },
) {
  return customer.post('/oauth/nox', {
    state: start.state,
    redirect_uri: start.redirectUri,
    language: 'en',
    decision: 'accept',
    ...form,
  } as Record<string, string>);
}
