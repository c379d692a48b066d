import { html } from '../../../common/html.ts';
import type { FailureCode } from '../../domain/link/result-redirect.ts';
import type { AssetType, Language } from '../../store/schema.ts';
import { renderLayout } from '../kit/layout.ts';
import { fill, textsFor } from '../kit/texts.ts';

export interface ResultView {
  language: Language;
  supplier: string;
  assetType: AssetType;
  /** The failure, or null when the devices were connected. */
  error: FailureCode | null;
}

/** NOX's own end page, shown when the browser is not sent back to the supplier. */
export function renderResultPage({ language, supplier, assetType, error }: ResultView): string {
  const t = textsFor(language);
  const asset = assetType === 'pv' ? t.asset_pv : t.asset_hp;
  const title = error ? t.failed : t.connected;
  const body = error
    ? html`<div class="status" aria-hidden="true">✕</div>
<h1>${title}</h1>
<p id="error-description">${t.failures[error]}</p>
<p class="muted">${t.errorCode}: <code id="error-code">${error}</code></p>`
    : html`<div class="status" aria-hidden="true">✓</div>
<h1>${title}</h1>
<p>${fill(t.connectedText, { asset, supplier })}</p>`;
  return renderLayout({ language, title, body });
}
