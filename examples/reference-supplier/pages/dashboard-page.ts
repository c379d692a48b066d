import type { NoxConnection } from '../supplier-store.ts';
import { html } from './html.ts';
import { renderPage } from './page-layout.ts';

const assetNames = { hp: 'heat pump', pv: 'solar panels' } as const;
const languages = { en: 'English', nl: 'Nederlands', fr: 'Français', es: 'Español' } as const;

/** The logged-in customer's home: NOX connection status and the connect buttons. */
export function dashboardPage(customerId: string, connection: NoxConnection | undefined): string {
  const status = connection
    ? html`<section data-testid="nox-status" data-nox-user-id="${connection.nox_user_id}">
  <p>Your ${assetNames[connection.asset_type]} (${connection.brand}) is connected to NOX as
  <code>${connection.nox_user_id}</code>.</p>
  <ul>${connection.device_ids.map((id) => html`<li data-testid="dashboard-device" data-device-id="${id}">Device <code>${id}</code></li>`)}</ul>
  <p><a href="/settings">Comfort and optimisation settings</a></p>
</section>`
    : html`<section data-testid="nox-status"><p>You have not connected a device yet (<b>not connected</b>).</p></section>`;
  return renderPage(
    { title: 'Your energy', customerId },
    html`<h1>Your energy</h1>
${status}
<h2>Connect a device</h2>
<p>Let us optimise your heat pump or solar panels: you log in at your manufacturer through NOX.</p>
<form method="post" action="/nox/connect">
  <label for="language">Language of the connection pages</label>
  <select id="language" name="language">${Object.entries(languages).map(([code, name]) => html`<option value="${code}">${name}</option>`)}</select>
  <p><button name="asset_type" value="hp" data-asset-type="hp">Connect your heat pump</button>
  <button name="asset_type" value="pv" data-asset-type="pv">Connect your solar panels</button></p>
</form>
<p><a href="/settings">Settings</a></p>`,
  );
}
