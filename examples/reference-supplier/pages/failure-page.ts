import { failureText } from '../failure-texts.ts';
import { html } from './html.ts';
import { renderPage } from './page-layout.ts';

export interface FailureOptions {
  code: string;
  /** NOX's own description or messages, shown under "Details". */
  details?: string[];
  customerId?: string | null;
}

/** Every failure ends here: marked `data-testid="nox-failed"` with the code in `data-error-code`. */
export function failurePage({ code, details = [], customerId }: FailureOptions): string {
  const next = customerId
    ? html`<a class="button" href="/">Back to your dashboard</a>`
    : html`<a class="button" href="/login">Log in</a>`;
  return renderPage(
    { title: 'Not connected', customerId },
    html`<section data-testid="nox-failed" data-error-code="${code}">
  <h1>Your device was not connected</h1>
  <p>${failureText(code)}</p>
  <p class="muted">Error code: <code data-testid="error-code">${code}</code></p>
  ${details.length > 0 ? html`<details><summary>Details</summary><ul>${details.map((d) => html`<li>${d}</li>`)}</ul></details>` : ''}
  <p>${next}</p>
</section>`,
  );
}
