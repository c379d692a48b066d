import { html } from './html.ts';
import { renderPage } from './page-layout.ts';

/** The demo login: any customer id is accepted. */
export function loginPage(error?: string): string {
  return renderPage(
    { title: 'Log in' },
    html`<h1>Log in</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="get" action="/login">
  <label for="user">Customer id</label>
  <input id="user" name="user" required maxlength="100" autocomplete="username">
  <button type="submit">Log in</button>
</form>
<p class="muted">A demo: any customer id logs in, no password.</p>`,
  );
}
