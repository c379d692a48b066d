import type { SettingsInForce } from '../../../openapi/wire-types.ts';
import type { ManufacturerStartOptions, ScenarioContext, SupplierAuthSeen } from '../scenario-context.ts';
import { freshTag } from '../scenario-customers.ts';
import { chooseSupplier } from './choose-supplier.ts';
import type { Flow2Deps } from './flow2-deps.ts';
import { readLinkEnd } from './link-end.ts';

/**
 * A manufacturer and its app, with its own key: starts manufacturer-app links (v2 or the deprecated
 * endpoint), reads where NOX sent the browser back, and reads and changes the current customer's settings.
 */
export function createManufacturerActor(deps: Flow2Deps): ScenarioContext['manufacturer'] {
  const { mock, page, step, customers, organisationId: org } = deps;
  const asManufacturer = async (brand: string, method: string, path: string, body?: unknown) => {
    const maker = await deps.manufacturers(brand);
    const res = await fetch(new URL(path, deps.noxUrl), {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': maker.api_key },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`the manufacturer's ${method} ${path} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  /** The current customer's NOX user and the brand of its devices: whose manufacturer speaks. */
  const customersUser = async () => {
    const s = await mock.state(org);
    const user = customers.current();
    const noxUser = s.nox_users.find((u) => u.supplier_user_id === user);
    const brand = s.devices.find((d) => d.nox_user_id === noxUser?.id)?.brand;
    if (!noxUser || !brand)
      throw new Error(`customer ${user} has no device at NOX, so no manufacturer of it`);
    return { id: noxUser.id, brand };
  };
  const platformSettings = async () => {
    const { id } = await customersUser();
    return (await mock.state(org)).settings_in_force.filter((row) => row.nox_user_id === id);
  };
  const start = async (options: ManufacturerStartOptions): Promise<SupplierAuthSeen> => {
    const { api = 'v2', brand = 'daikin', language = 'en' } = options;
    const userId = options.manufacturerUserId ?? `mfr-${freshTag()}`;
    const linkUrl = await step(
      `The ${brand} manufacturer's app starts a link for its user ${userId} (${api === 'v2' ? 'POST /v2/manufacturer/link-sessions' : 'deprecated POST /manufacturers/suppliers'})`,
      async () => {
        const redirect_url = deps.manufacturerCallbackUrl;
        if (api === 'v2') {
          const body = { user_id: userId, redirect_url, language };
          return (await asManufacturer(brand, 'POST', '/v2/manufacturer/link-sessions', body)).link_url;
        }
        const body = { manufacturer_user_id: userId, redirect_url, language };
        const answer = await asManufacturer(brand, 'POST', '/manufacturers/suppliers', body);
        return (answer.data as Record<string, unknown> | undefined)?.link_url;
      },
      false,
    );
    await step(
      "Open NOX's link in the manufacturer's app",
      async () => void (await page.goto(String(linkUrl))),
    );
    return chooseSupplier(deps);
  };
  return {
    startConnection: (options = {}) => start(options),
    result: () => readLinkEnd(deps, 'manufacturer'),
    changesSettings: (change) =>
      step(
        `The manufacturer changes settings: ${JSON.stringify(change)}`,
        async () => {
          const { id, brand } = await customersUser();
          await asManufacturer(brand, 'PATCH', '/v1/devices/settings', { user_id: id, ...change });
        },
        false,
      ),
    // The manufacturer's data API has no GET /v1/devices/settings (supplier keys only): its own read is
    // GET /v1/manufacturer/devices (hot water, optimisation); room and location are NOX's, as in force.
    readsSettings: async () => {
      const { brand } = await customersUser();
      const inForce = await platformSettings();
      return Promise.all(
        inForce.map(async (row) => {
          const path = `/v1/manufacturer/devices?device_id=${encodeURIComponent(row.device_id)}`;
          const answer = await asManufacturer(brand, 'GET', path);
          const seen = ((answer.data ?? []) as Record<string, unknown>[]).find(
            (d) => d.device_id === row.device_id,
          );
          if (!seen) throw new Error(`the manufacturer's GET ${path} does not list the customer's heat pump`);
          return {
            ...row,
            dhw: seen.dhw as SettingsInForce['dhw'],
            optimization_settings: seen.optimization_settings as SettingsInForce['optimization_settings'],
          };
        }),
      );
    },
  };
}
