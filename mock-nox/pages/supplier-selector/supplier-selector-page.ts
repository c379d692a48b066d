import { html, type SafeHtml } from '../../../common/html.ts';
import type { Language, Organisation } from '../../store/schema.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { renderLayout } from '../kit/layout.ts';
import { fill, textsFor } from '../kit/texts.ts';

export interface SupplierSelectorView {
  language: Language;
  /** The manufacturer link token, or the web app's pass: posted back with the choice. */
  token: string;
  /** Where the choice is posted. */
  action: string;
  suppliers: Pick<Organisation, 'id' | 'name'>[];
  error?: string;
  /** The web app's header and Back link; a manufacturer link gets NOX's plain page. */
  frame?: (title: string, body: SafeHtml) => string;
  backUrl?: string;
}

/** NOX's energy-supplier selector: one button per supplier with an OAuth login page. */
export function renderSupplierSelectorPage(view: SupplierSelectorView): string {
  const { language, token, action, suppliers, error, backUrl } = view;
  const t = appTextsFor(language);
  const items = suppliers.map(
    (s) =>
      html`<li><button type="submit" name="supplier_id" value="${s.id}" data-supplier="${s.id}">${s.name}</button></li>`,
  );
  const body = html`<h1>${t.chooseSupplier}</h1>
<p class="muted">${fill(t.chooseSupplierIntro, { asset: textsFor(language).asset_hp })}</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${
  suppliers.length === 0
    ? html`<p class="notice" id="no-suppliers">${t.noSuppliers}</p>`
    : html`<form method="post" action="${action}">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="language" value="${language}">
<ul class="choices">${items}</ul>
</form>`
}
${backUrl ? html`<p class="muted back"><a href="${backUrl}">← ${t.back}</a></p>` : ''}`;
  const frame = view.frame ?? ((title, b) => renderLayout({ language, title, body: b }));
  return frame(t.chooseSupplier, body);
}
