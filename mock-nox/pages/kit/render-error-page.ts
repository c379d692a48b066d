import { html } from '../../../common/html.ts';
import { pageLanguage } from '../../domain/page-language.ts';
import { renderLayout } from './layout.ts';
import { textsFor } from './texts.ts';

/** The NOX-styled page for any error under /ui and /connect; the message is the mock's own (English). */
export function renderErrorPage(message: string, language: unknown): string {
  const lang = pageLanguage(language, 'en');
  const t = textsFor(lang);
  const body = html`<div class="status" aria-hidden="true">⚠️</div>
<h1>${t.errorTitle}</h1>
<p class="muted" id="error-message">${message}</p>`;
  return renderLayout({ language: lang, title: t.errorTitle, body });
}
