import type { DeviceSettings } from '../nox-client.ts';
import { optimizationChoices, type SettingsForm } from '../settings-form.ts';
import { html } from './html.ts';
import { renderPage } from './page-layout.ts';

export interface SettingsPageOptions {
  customerId: string;
  devices: DeviceSettings[];
  form: SettingsForm;
  /** NOX's 422 messages or the form's own, shown above the form. */
  errors?: string[];
  saved?: boolean;
}

const choiceNames: Record<string, string> = {
  none: 'No optimisation',
  pv_self_consumption: 'Use my own solar power first',
  dynamic_tariff: 'Follow the dynamic tariff',
  flex_trading: 'Let Reference Energy steer my heat pump (flex trading)',
};

/** The heat pump's comfort and optimisation settings, as NOX holds them, with a form to change them. */
export function settingsPage({ customerId, devices, form, errors = [], saved }: SettingsPageOptions): string {
  const current = devices.map(
    (
      d,
    ) => html`<li data-testid="settings-device" data-device-id="${d.device_id}">Heat pump <code>${d.device_id}</code>:
    room ${d.room.preferred_temperature ?? '?'} °C, hot water ${d.dhw.temperature_lower_bound ?? '?'}–${d.dhw.temperature_upper_bound ?? '?'} °C</li>`,
  );
  return renderPage(
    { title: 'Settings', customerId },
    html`<h1>Settings</h1>
${saved ? html`<p class="notice" role="status" data-testid="settings-saved">Your settings were saved.</p>` : ''}
${errors.length > 0 ? html`<div class="error" role="alert" data-testid="settings-errors"><p>The settings were not saved:</p><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
<ul>${current}</ul>
<form method="post" action="/settings" data-testid="settings">
  <label for="preferred_temperature">Preferred room temperature (°C)</label>
  <input id="preferred_temperature" name="preferred_temperature" type="number" step="0.5" value="${form.preferred_temperature}">
  <label for="dhw_lower">Hot water, lowest (°C)</label>
  <input id="dhw_lower" name="dhw_lower" type="number" step="1" value="${form.dhw_lower}">
  <label for="dhw_upper">Hot water, highest (°C)</label>
  <input id="dhw_upper" name="dhw_upper" type="number" step="1" value="${form.dhw_upper}">
  <fieldset><legend>Optimisation</legend>
  ${optimizationChoices.map((c) => html`<label><input type="radio" name="optimization" value="${c}"${form.optimization === c ? html` checked` : ''}> ${choiceNames[c]}</label>`)}
  </fieldset>
  <p><button type="submit">Save settings</button></p>
</form>
<p><a href="/">Back to your dashboard</a></p>`,
  );
}
