import { html } from '../../../common/html.ts';
import type { Brand } from '../../domain/brands.ts';
import { ONE_TIME_CODE } from '../../domain/link/manufacturer-accounts.ts';
import type { Language } from '../../store/schema.ts';
import { oneTimeCodePath } from '../kit/page-paths.ts';
import { fill, textsFor } from '../kit/texts.ts';
import { renderManufacturerPage } from './manufacturer-frame.ts';

export interface OneTimeCodeView {
  language: Language;
  token: string;
  brand: Brand;
  error?: string;
  /** Where the form posts, when another page than flow 1 reuses this step. */
  action?: string;
}

/** The manufacturer's second step for `+otp` accounts; the accepted code is printed as a hint. */
export function renderOneTimeCodePage({ language, token, brand, error, action }: OneTimeCodeView): string {
  const t = textsFor(language);
  const body = html`<h1>${t.codeTitle}</h1>
<p class="muted">${fill(t.codeIntro, { brand: brand.name })}</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="${action ?? oneTimeCodePath(brand.slug)}">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="language" value="${language}">
<label for="code">${t.code}</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<p class="muted">${fill(t.codeHint, { code: ONE_TIME_CODE })}</p>
<div class="actions">
<button class="primary" name="action" value="verify">${t.verify}</button>
<button class="secondary" name="action" value="cancel" formnovalidate>${t.cancel}</button>
</div>
</form>`;
  return renderManufacturerPage({ language, brand, title: t.codeTitle, body });
}
