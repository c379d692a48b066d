import type { Brand } from '../../domain/brands.ts';
import type { Language } from '../../store/schema.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { fill } from '../kit/texts.ts';
import { renderLoginPage } from '../link/login-page.ts';
import { renderOneTimeCodePage } from '../link/one-time-code-page.ts';

/** Flow 1's fake manufacturer login, posting to the web app and worded for it. */
export function renderAppLoginPage(view: {
  language: Language;
  brand: Brand;
  token: string;
  username?: string;
  error?: string;
}): string {
  const intro = fill(appTextsFor(view.language).appLoginIntro, { brand: view.brand.name });
  return renderLoginPage({ ...view, supplier: '', intro, action: appLoginPath(view.brand.slug) });
}

/** Flow 1's one-time-code step, posting to the web app. */
export function renderAppCodePage(view: {
  language: Language;
  brand: Brand;
  token: string;
  error?: string;
}): string {
  return renderOneTimeCodePage({ ...view, action: `${appLoginPath(view.brand.slug)}/otp` });
}

export function appLoginPath(slug: string): string {
  return `/ui/app/login/${encodeURIComponent(slug)}`;
}
