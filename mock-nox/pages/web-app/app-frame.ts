import { html, type SafeHtml } from '../../../common/html.ts';
import type { Language } from '../../store/schema.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { renderLayout } from '../kit/layout.ts';

/** A page of NOX's own app: NOX's header, with the signed-in account and Sign out when there is one. */
export function renderAppPage(options: {
  language: Language;
  title: string;
  body: SafeHtml;
  account?: string;
}): string {
  const { language, account } = options;
  const t = appTextsFor(language);
  const signedIn = account
    ? html`<div class="badge" id="signed-in">${account}</div><a class="header-link" href="/ui/app?language=${language}">${t.signOut}</a>`
    : html`<div class="badge">${t.appName}</div>`;
  const header = html`<div class="logo">NOX<span>Energy</span></div>${signedIn}`;
  return renderLayout({ ...options, header });
}
