import { html } from '../../../common/html.ts';
import type { Brand } from '../../domain/brands.ts';
import type { Language } from '../../store/schema.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { fill } from '../kit/texts.ts';
import { renderAppPage } from './app-frame.ts';
import { numberFields, optimisationFields, type SettingsValues } from './settings-form.ts';
import { encodePass, type WebAppPass, webAppPath } from './web-app-pass.ts';

export interface SettingsView {
  language: Language;
  pass: WebAppPass;
  brand: Brand;
  /** Null when the account has no connected heat pump yet. */
  values: SettingsValues | null;
  problems?: string[];
  saved?: boolean;
}

/** The legionella warning shows when the hot water may go below this (as NOX warns in its API). */
const LEGIONELLA_BOUND = 40;

/** The user's comfort settings: room bounds, preferred temperature, hot-water bounds, optimisations. */
export function renderSettingsPage({
  language,
  pass,
  brand,
  values,
  problems = [],
  saved,
}: SettingsView): string {
  const t = appTextsFor(language);
  const back = html`<p class="muted back"><a href="${webAppPath('home', pass, language)}">← ${t.back}</a></p>`;
  if (!values) {
    const body = html`<h1>${t.settingsTitle}</h1><p class="notice" id="not-linked">${t.settingsNotLinked}</p>${back}`;
    return renderAppPage({ language, title: t.settingsTitle, body, account: pass.account });
  }
  const number = (group: 'room' | 'dhw') =>
    numberFields
      .filter((f) => f.group === group)
      .map(
        (f) => html`<label for="${f.name}">${t[f.label]}</label>
<input id="${f.name}" name="${f.name}" type="number" inputmode="decimal" step="0.5" min="${f.min}" max="${f.max}" value="${values.numbers[f.name]}" required>`,
      );
  const checks = optimisationFields.map(
    (f) =>
      html`<label class="check"><input type="checkbox" id="${f.name}" name="${f.name}"${
        values.optimisations[f.name] ? html` checked` : ''
      }> ${t[f.label]}</label>`,
  );
  const lowWater = Number(values.numbers.dhw_lower) < LEGIONELLA_BOUND;
  const body = html`<h1>${t.settingsTitle}</h1>
<p class="muted">${fill(t.settingsIntro, { brand: brand.name })}</p>
${saved ? html`<p class="notice" id="saved" role="status">${t.saved}</p>` : ''}
${problems.length > 0 ? html`<div class="error" role="alert" id="problems">${problems.map((p) => html`<div>${p}</div>`)}</div>` : ''}
<form method="post" action="/ui/app/settings" novalidate>
<input type="hidden" name="token" value="${encodePass({ brand: pass.brand, account: pass.account })}">
<input type="hidden" name="language" value="${language}">
<fieldset><legend>${t.roomGroup}</legend>${number('room')}</fieldset>
<fieldset><legend>${t.dhwGroup}</legend>${number('dhw')}
${lowWater ? html`<p class="warning" id="legionella">${t.legionella}</p>` : ''}</fieldset>
<fieldset><legend>${t.optimisationsGroup}</legend>${checks}</fieldset>
<div class="actions"><button class="primary" type="submit">${t.save}</button></div>
</form>
${back}`;
  return renderAppPage({ language, title: t.settingsTitle, body, account: pass.account });
}
