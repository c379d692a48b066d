import { type Brand, findBrand } from '../../domain/brands.ts';
import { pageLanguage } from '../../domain/page-language.ts';
import { errors } from '../../errors/error-templates.ts';
import type { MockResponse } from '../../http/router.ts';
import type { Language } from '../../store/schema.ts';
import { decodePass, type WebAppPass } from './web-app-pass.ts';

/** The web app's default language, as the control API's web-app start has it. */
export const WEB_APP_LANGUAGE: Language = 'nl';

export function webAppLanguage(requested: unknown): Language {
  return pageLanguage(requested, WEB_APP_LANGUAGE);
}

/** A heat-pump brand the web app signs in at, or a 404 page naming the brands it knows. */
export function webAppBrand(slug: unknown): Brand {
  const brand = typeof slug === 'string' ? findBrand(slug) : undefined;
  if (brand?.assetType !== 'hp') throw errors.webAppBrandUnknown(String(slug));
  return brand;
}

/** The signed-in pass of a web-app page, or a 400 page that sends the user back to sign in. */
export function signedInPass(token: unknown, res: MockResponse): { pass: WebAppPass; brand: Brand } {
  const pass = decodePass(token);
  if (!pass || pass.signIn) throw errors.webAppNotSignedIn();
  res.locals.webAppAccount = pass.account;
  return { pass, brand: webAppBrand(pass.brand) };
}
