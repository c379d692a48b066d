import { html, type SafeHtml } from '../../../common/html.ts';
import { usernamePatterns } from '../../domain/link/manufacturer-accounts.ts';
import type { Language } from '../../store/schema.ts';
import { textsFor } from '../kit/texts.ts';

/** The username table on every fake login, so a tester sees how to get each outcome. */
export function renderTestAccountsBox(language: Language): SafeHtml {
  const t = textsFor(language);
  const rows = usernamePatterns.map(
    (p) => html`<tr><td><code>${p.example}</code></td><td>${p.outcome}</td></tr>`,
  );
  return html`<section class="accounts" aria-label="${t.testAccounts}">
<h2>${t.testAccounts}</h2>
<p class="muted">${t.testAccountsIntro}</p>
<table>${rows}</table>
</section>`;
}
