import { html, raw, type SafeHtml } from '../../../common/html.ts';
import type { Language } from '../../store/schema.ts';
import { pageStyle } from './page-style.ts';
import { textsFor } from './texts.ts';

export const NOX_GREEN = '#0b6e4f';

export interface LayoutOptions {
  language: Language;
  title: string;
  body: SafeHtml;
  /** The header's content; NOX's logo unless a manufacturer's login replaces it. */
  header?: SafeHtml;
  accent?: string;
}

const noxLogo = html`<div class="logo">NOX<span>Energy</span></div>`;

/** The frame every hosted page shares: NOX header, one card, the "simulated" footer with the way to the dashboard. */
export function renderLayout(options: LayoutOptions): string {
  const { language, title, body, header = noxLogo, accent = NOX_GREEN } = options;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(pageStyle)}</style>
</head>
<body style="--accent: ${accent}">
<header>${header}</header>
<main>
<div class="card">${body}</div>
<footer>${textsFor(language).footer} <a href="/__nox/ui">${textsFor(language).dashboard}</a></footer>
</main>
</body>
</html>`.value;
}
