import { html } from '../../../common/html.ts';
import { brandsFor } from '../../domain/brands.ts';
import type { Language } from '../../store/schema.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { renderAppPage } from './app-frame.ts';

const languageNames: Record<Language, string> = {
  nl: 'Nederlands',
  en: 'English',
  fr: 'Français',
  es: 'Español',
};

/** The web app's sign-in: choose the manufacturer of the heat pump, then log in with its account. */
export function renderStartPage(language: Language): string {
  const t = appTextsFor(language);
  const items = brandsFor('hp').map(
    (b) =>
      html`<li><a href="/ui/app/login/${b.slug}?language=${language}" data-brand="${b.slug}">${b.name}</a></li>`,
  );
  const languages = (Object.keys(languageNames) as Language[]).map((l) =>
    l === language
      ? html`<strong>${languageNames[l]}</strong>`
      : html`<a href="/ui/app?language=${l}" hreflang="${l}">${languageNames[l]}</a>`,
  );
  const body = html`<h1>${t.signInTitle}</h1>
<p class="muted">${t.signInIntro}</p>
<ul class="brands">${items}</ul>
<nav class="languages" aria-label="Language">${languages}</nav>`;
  return renderAppPage({ language, title: t.signInTitle, body });
}
