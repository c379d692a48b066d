import type { NoxDevice } from '../nox-client.ts';
import { html } from './html.ts';
import { renderPage } from './page-layout.ts';

export interface ConnectedOptions {
  customerId: string;
  noxUserId: string;
  brand: string;
  /** The devices NOX's data API returned, or the callback's ids when they could not be fetched. */
  devices: Pick<NoxDevice, 'device_id' | 'model'>[];
  /** Why the devices are not the fetched ones, shown as a notice. */
  notice?: string;
}

/** The end of a successful link: marked `data-testid="nox-connected"`, one `nox-device` per device. */
export function connectedPage({ customerId, noxUserId, brand, devices, notice }: ConnectedOptions): string {
  return renderPage(
    { title: 'Connected', customerId },
    html`<section data-testid="nox-connected" data-nox-user-id="${noxUserId}">
  <h1>Your device is connected</h1>
  <p>We linked your ${brand} account through NOX. These devices are now part of your contract:</p>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  <ul>${devices.map((d) => html`<li data-testid="nox-device" data-device-id="${d.device_id}">${d.model ?? 'Device'} <code>${d.device_id}</code></li>`)}</ul>
  <p><a class="button" href="/">Back to your dashboard</a> <a href="/settings">Settings</a></p>
</section>`,
  );
}
