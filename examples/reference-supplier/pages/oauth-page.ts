import { html } from './html.ts';
import { renderPage } from './page-layout.ts';

export interface OAuthPageOptions {
  state: string;
  redirectUri: string;
  language: string;
  /** The customer logged in on this browser already, put in the field. */
  customerId: string | null;
  error?: string;
}

/**
 * The login and terms NOX sends the user to from the manufacturer's or NOX's app. NOX's state and
 * redirect_uri travel in the form, so the page needs no server-side session of its own.
 */
export function oauthPage({ state, redirectUri, language, customerId, error }: OAuthPageOptions): string {
  return renderPage(
    { title: 'Connect with NOX', customerId },
    html`<h1>Let NOX connect your heat pump to Reference Energy</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/oauth/nox" data-testid="nox-oauth">
  <input type="hidden" name="state" value="${state}">
  <input type="hidden" name="redirect_uri" value="${redirectUri}">
  <input type="hidden" name="language" value="${language}">
  <label for="customer_id">Customer id</label>
  <input id="customer_id" name="customer_id" maxlength="100" autocomplete="username" value="${customerId ?? ''}">
  <h2>Terms</h2>
  <p>Reference Energy may read your heat pump's data through NOX and change its comfort and optimisation
  settings for you. You can disconnect at any time.</p>
  <p><button name="decision" value="accept" data-testid="accept-terms">Log in and accept</button>
  <button name="decision" value="refuse" data-testid="refuse-terms">Refuse</button></p>
</form>
<p class="muted">A demo: any customer id logs in, no password.</p>`,
  );
}
