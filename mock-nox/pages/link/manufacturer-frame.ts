import { html, type SafeHtml } from '../../../common/html.ts';
import type { Brand } from '../../domain/brands.ts';
import type { Language } from '../../store/schema.ts';
import { renderLayout } from '../kit/layout.ts';
import { fill, textsFor } from '../kit/texts.ts';

/** A page of a fake manufacturer: its name and colour instead of NOX's, marked as simulated. */
export function renderManufacturerPage(options: {
  language: Language;
  brand: Brand;
  title: string;
  body: SafeHtml;
}): string {
  const { language, brand } = options;
  const badge = fill(textsFor(language).simulatedLogin, { brand: brand.name });
  const header = html`<div class="logo">${brand.name}</div><div class="badge">${badge}</div>`;
  return renderLayout({ ...options, header, accent: brandColour(brand.slug) });
}

/** A stable, readable header colour for a manufacturer, derived from its slug. */
export function brandColour(slug: string): string {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 62% 34%)`;
}
