import { html } from '../../../common/html.ts';
import type { FailureCode } from '../../domain/link/result-redirect.ts';
import type { Language } from '../../store/schema.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { renderLayout } from '../kit/layout.ts';
import { fill, textsFor } from '../kit/texts.ts';

/** The way back a flow-2 end page offers: into the web app, or to the manufacturer's app. */
export type WayBack =
  | { kind: 'web-app'; url: string }
  | { kind: 'manufacturer'; name: string; url: string }
  | null;

export interface ReturnView {
  language: Language;
  supplier: string;
  /** The failure, or null when the heat pump was connected. */
  error: FailureCode | null;
  wayBack: WayBack;
}

/** NOX's end page of the energy-supplier journey: connected, or what went wrong and the way back. */
export function renderReturnPage({ language, supplier, error, wayBack }: ReturnView): string {
  const t = appTextsFor(language);
  const asset = textsFor(language).asset_hp;
  const title = error ? t.failedTitle : t.connectedTitle;
  const back = !wayBack
    ? html`<p class="muted">${t.closeWindow}</p>`
    : html`<div class="actions"><a class="button ${error ? 'secondary' : 'primary'}" id="way-back" href="${wayBack.url}">${
        wayBack.kind === 'manufacturer'
          ? fill(t.returnTo, { manufacturer: wayBack.name })
          : error
            ? t.backToApp
            : t.settingsLink
      }</a></div>`;
  const body = error
    ? html`<div class="status failed" aria-hidden="true">✕</div>
<h1>${title}</h1>
<p id="error-description">${fill(t.failures[error], { supplier })}</p>
${back}
<p class="muted small">${t.errorCode}: <code id="error-code">${error}</code></p>`
    : html`<div class="status ok" aria-hidden="true">✓</div>
<h1>${title}</h1>
<p id="connected-text">${fill(t.connectedText, { asset, supplier })}</p>
${back}`;
  return renderLayout({ language, title, body });
}
