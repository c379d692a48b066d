import { html } from '../../../common/html.ts';
import type { Brand } from '../../domain/brands.ts';
import type { Language } from '../../store/schema.ts';
import { loginPath } from '../kit/page-paths.ts';
import { fill, textsFor } from '../kit/texts.ts';
import { renderManufacturerPage } from './manufacturer-frame.ts';
import { renderTestAccountsBox } from './test-accounts-box.ts';

export interface LoginView {
  language: Language;
  token: string;
  brand: Brand;
  supplier: string;
  /** The username typed before, kept when the page is shown again with an error. */
  username?: string;
  error?: string;
  /** Where the form posts and the line under the title, when another page than flow 1 reuses the login. */
  action?: string;
  intro?: string;
}

/** The fake manufacturer login: username, password, Log in and Cancel, and the test-account table. */
export function renderLoginPage(view: LoginView): string {
  const { language, token, brand, supplier, username, error } = view;
  const t = textsFor(language);
  const title = fill(t.logInTo, { brand: brand.name });
  const intro = view.intro ?? fill(t.loginIntro, { brand: brand.name, supplier });
  const body = html`<h1>${title}</h1>
<p class="muted">${intro}</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="${view.action ?? loginPath(brand.slug)}">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="language" value="${language}">
<label for="username">${t.username}</label>
<input id="username" name="username" autocomplete="username" value="${username ?? ''}" required>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions">
<button class="primary" name="action" value="login">${t.logIn}</button>
<button class="secondary" name="action" value="cancel" formnovalidate>${t.cancel}</button>
</div>
</form>
${renderTestAccountsBox(language)}`;
  return renderManufacturerPage({ language, brand, title, body });
}
