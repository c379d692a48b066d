import { html } from '../../../common/html.ts';
import type { Brand } from '../../domain/brands.ts';
import type { Language } from '../../store/schema.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { fill } from '../kit/texts.ts';
import { renderAppPage } from './app-frame.ts';
import { type WebAppPass, webAppPath } from './web-app-pass.ts';

export interface HomeView {
  language: Language;
  pass: WebAppPass;
  brand: Brand;
  deviceCount: number;
  /** The suppliers that optimise this account's heat pumps already. */
  suppliers: string[];
}

/** The signed-in start of the web app: turn on NOX optimisations, or where they are on already. */
export function renderHomePage({ language, pass, brand, deviceCount, suppliers }: HomeView): string {
  const t = appTextsFor(language);
  const count = String(deviceCount);
  const status =
    deviceCount === 0
      ? html`<p class="error" id="no-devices">${fill(t.noDevicesHere, { brand: brand.name })}</p>`
      : suppliers.length > 0
        ? html`<p class="notice" id="optimised">${fill(t.optimisedBy, { supplier: suppliers.join(', ') })}</p>
<div class="actions"><a class="button primary" id="settings" href="${webAppPath('settings', pass, language)}">${t.settingsLink}</a></div>`
        : html`<h2>${t.optimiseTitle}</h2>
<p>${t.optimiseText}</p>
<div class="actions"><a class="button primary" id="turn-on" href="${webAppPath('suppliers', pass, language)}">${t.optimiseButton}</a></div>`;
  const body = html`<h1>${fill(t.hello, { account: pass.account })}</h1>
<p class="muted" id="devices">${fill(t.devicesFound, { brand: brand.name, count })}</p>
${status}`;
  return renderAppPage({ language, title: t.appName, body, account: pass.account });
}
